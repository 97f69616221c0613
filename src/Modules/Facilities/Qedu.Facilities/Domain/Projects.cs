using Qedu.Kernel.Access;

namespace Qedu.Facilities.Domain;

/// <summary>What a construction project does (学校建设项目).</summary>
internal enum ProjectKind
{
    /// <summary>A new school (新建).</summary>
    New,
    /// <summary>More classrooms at a school (改扩建).</summary>
    Expansion,
    /// <summary>Renovation (改造): no new seats as a rule.</summary>
    Renovation,
}

/// <summary>
/// A school construction project of a district (<see cref="OrgUnitId"/>): the entry seats it adds to a zone from its
/// opening year, its budget and milestones, and the 大班额 plan task it answers (free text or a plan task id).
/// </summary>
internal sealed class ConstructionProject : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long? ZoneId { get; set; }
    public int? SchoolId { get; set; }
    public required string Name { get; set; }
    public ProjectKind Kind { get; set; }
    public int GradeOneSeats { get; set; }
    public int GradeSevenSeats { get; set; }
    public int TotalSeats { get; set; }
    public decimal BudgetWan { get; set; }
    public int OpeningYear { get; set; }
    public string? PlanTask { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>A project's milestone (立项, 开工, 主体封顶, 竣工验收 …): due, and done when it was.</summary>
internal sealed class ProjectMilestone : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long ProjectId { get; set; }
    public required string Name { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
}
