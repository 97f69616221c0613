namespace Qedu.Kernel.Web;

/// <summary>
/// Admission control in front of the write paths that meet a crowd (an enrolment window's first morning): an endpoint
/// that carries <c>.RequireRateLimiting(AdmissionControl.Writes)</c> runs at most <c>Admission:WriteConcurrency</c> at a
/// time with <c>Admission:WriteQueue</c> waiting; past that the answer is 429 with <c>Retry-After</c> (never 500 or 503),
/// quickly, so the requests inside finish in time and the client retries (with the same <c>Idempotency-Key</c>).
/// </summary>
public static class AdmissionControl
{
    /// <summary>The rate-limiting policy's name.</summary>
    public const string Writes = "qedu-writes";
}
