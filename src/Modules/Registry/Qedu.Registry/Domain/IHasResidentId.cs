namespace Qedu.Registry.Domain;

/// <summary>A record holding a resident ID, encrypted at rest and found through its blind index (ADR 11).</summary>
internal interface IHasResidentId
{
    string? ResidentId { get; }
    string? ResidentIdIndex { get; set; }
}
