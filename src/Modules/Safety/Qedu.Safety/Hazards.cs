namespace Qedu.Safety;

/// <summary>
/// A safety hazard (安全隐患) is a rectification in the shared module under this source kind: the inspection that found it
/// is the source, the failed item (<c>InspectionFinding</c>) the source item.
/// </summary>
internal static class Hazards
{
    public const string Kind = "safety.hazard";
}
