using Qedu.Registry.Kinds;

namespace Qedu.Registry.Records;

/// <summary>The one definition of each kind.</summary>
internal static class RecordDefinitions
{
    public static readonly SchoolProfileDefinition Schools = new();
    public static readonly ClassDefinition Classes = new();
    public static readonly StudentDefinition Students = new();
    public static readonly StaffDefinition Staff = new();
    public static readonly AssetDefinition Assets = new();
    public static readonly TeachingDefinition Teaching = new();

    public static IRecordDefinition For(RecordKind kind) => kind switch
    {
        RecordKind.Schools => Schools,
        RecordKind.Classes => Classes,
        RecordKind.Students => Students,
        RecordKind.Staff => Staff,
        RecordKind.Assets => Assets,
        RecordKind.Teaching => Teaching,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
