namespace Qedu.Inspection;

/// <summary>
/// What an inspector's visit finds is a rectification in the shared module under this source kind: the visit is the
/// source, the finding (<c>VisitFinding</c>) the source item; the school puts it right (inspection.respond), the district
/// verifies and returns to it (回头看, inspection.visit).
/// </summary>
internal static class Findings
{
    public const string Kind = "inspection.visit";
}
