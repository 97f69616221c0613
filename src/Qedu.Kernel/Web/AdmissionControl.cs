namespace Qedu.Kernel.Web;

/// <summary>
/// Admission control in front of the paths that meet a crowd (an enrolment window's first morning): an endpoint that
/// carries <c>.RequireRateLimiting(AdmissionControl.Writes)</c> runs at most <c>Admission:WriteConcurrency</c> at a
/// time with <c>Admission:WriteQueue</c> waiting; past that the answer is 429 with <c>Retry-After</c> (never 500 or 503),
/// quickly, so the requests inside finish in time and the client retries (with the same <c>Idempotency-Key</c>).
/// </summary>
public static class AdmissionControl
{
    /// <summary>The write paths' policy (<c>Admission:WriteConcurrency</c>, <c>Admission:WriteQueue</c>).</summary>
    public const string Writes = "qedu-writes";

    /// <summary>
    /// The crowd's read paths (a family's status read): <c>Admission:ReadConcurrency</c> at a time with
    /// <c>Admission:ReadQueue</c> waiting, then 429 with <c>Retry-After</c>; so a flood of reads cannot queue without end
    /// behind the database and time out, and cannot starve the writes.
    /// </summary>
    public const string Reads = "qedu-reads";

    /// <summary>Whether a policy name is one of admission control's (its refusals are 429 with a scheduled Retry-After).</summary>
    public static bool IsAdmission(string? policy) => policy is Writes or Reads;
}
