using Qedu.Kernel.Access;

namespace Qedu.Safety.Domain;

/// <summary>An emergency drill (应急演练) a school ran: what kind, when, who took part and what it showed.</summary>
internal sealed class Drill : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Kind { get; set; }
    public DateOnly HeldOn { get; set; }
    public int Participants { get; set; }
    public string? Problems { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>One of a school's three security teams (三支队伍): full-time guards, staff safety officers, parent/volunteer patrols.</summary>
internal sealed class SecurityTeam : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Kind { get; set; }
    public int Members { get; set; }
    public required string Leader { get; set; }
    public DateOnly UpdatedOn { get; set; }
}

/// <summary>A school canteen (食堂) with its food business licence; 标准化食堂 when it met the standard.</summary>
internal sealed class Canteen : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Name { get; set; }
    public required string LicenceNumber { get; set; }
    public DateOnly LicenceExpires { get; set; }
    public bool Standard { get; set; }
    public int Seats { get; set; }
}
