using Qedu.Kernel.Access;

namespace Qedu.Admissions.Domain;

/// <summary>
/// One run of the allocation engine (Qedu.Allocation) over a season's approved applications: the seed it drew with,
/// the engine's audit record (digests of inputs and output, so anyone can re-run it), and when it was published. A
/// season may be run again until one run is published; only a published run changes what families see.
/// </summary>
[ScopedWrite(Permissions.AdmissionsManage)]
internal sealed class AllocationRun : IOrgScoped
{
    public long Id { get; set; }
    public long SeasonId { get; set; }

    /// <summary>The season's bureau.</summary>
    public int OrgUnitId { get; set; }

    public DateTimeOffset RunAt { get; set; }
    public string RunBy { get; set; } = "";
    public string Seed { get; set; } = "";
    public int Applicants { get; set; }
    public int Placed { get; set; }

    /// <summary>Qedu.Allocation's AuditRecord, as JSON.</summary>
    public string AuditRecord { get; set; } = "";

    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>Where a run placed one application (or nowhere), and why, in both languages.</summary>
internal sealed class RunPlacement
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public long ApplicationId { get; set; }
    public int? SchoolId { get; set; }
    public string ExplanationZh { get; set; } = "";
    public string ExplanationEn { get; set; } = "";
}
