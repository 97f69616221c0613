namespace Qedu.PlanDocuments;

/// <summary>
/// The kinds of education unit a plan names as lead or participating: the city bureau, a district bureau, a school, a
/// bureau's department. The parser's own word for them, so it needs no org tree; the Plans module maps them to and
/// from the kernel's org unit kinds, whose names they share.
/// </summary>
public enum UnitKind
{
    City,
    District,
    School,
    Department,
}
