using Qedu.Kernel.Access;

namespace Qedu.Registry.Domain;

/// <summary>
/// One stretch of a member of staff at a school: from a day, to a day (open while they are there), and why they came
/// (hire, rotation). Written when staff move between schools (<c>IStaffMoves</c>); a member of staff who never moved has
/// none, and their stretch is the staff record itself (at its school since the hire date). History is appended, never
/// overwritten.
/// </summary>
internal sealed class StaffPosting : IOrgScoped
{
    public long Id { get; set; }
    public long StaffId { get; set; }

    /// <summary>The school of this stretch.</summary>
    public int OrgUnitId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public required string Reason { get; set; }
}
