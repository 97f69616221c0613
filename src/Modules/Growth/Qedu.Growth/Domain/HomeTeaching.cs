using Qedu.Kernel.Access;

namespace Qedu.Growth.Domain;

/// <summary>
/// A plan to teach a child at home (送教上门, 001-24): a child with a disability who cannot attend school, the teachers who
/// go, how often and for how long, from when. The reason is health data: encrypted. One open plan per child.
/// </summary>
internal sealed class HomeTeachingPlan : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StudentId { get; set; }
    public required string StudentNumber { get; set; }
    public required byte[] Reason { get; set; }
    public required string Teachers { get; set; }
    public int VisitsPerMonth { get; set; }
    public double HoursPerVisit { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A visit under a plan: the day, who went, class hours, what was taught (and any rehabilitation).</summary>
internal sealed class HomeTeachingVisit : IOrgScoped
{
    public long Id { get; set; }
    public long PlanId { get; set; }
    public int OrgUnitId { get; set; }
    public DateOnly Day { get; set; }
    public required string Teachers { get; set; }
    public double Hours { get; set; }
    public required string Content { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
