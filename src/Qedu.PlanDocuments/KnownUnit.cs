namespace Qedu.PlanDocuments;

/// <summary>
/// A unit a plan may name: its name in the org tree, its kind there (null for government bodies outside the
/// education system, such as 市财政局), the other names documents use for it, and whether it stands for a group
/// ("各区市政府" is every district government).
/// </summary>
public sealed record KnownUnit(string Name, UnitKind? Kind, IReadOnlyList<string> Aliases, bool IsGroup = false);
