using System.Reflection;
using System.Text.Json;

namespace Qedu.Safety.Rules;

/// <summary>
/// The safety checklists as data (Rules/safety-checklists.json): each list's items, which failures are serious (escalated
/// to the city at once), how often a school checks itself against it, and the deadlines a hazard gets. A bureau replaces
/// the file with its own standard; the code knows no item.
/// </summary>
internal sealed class SafetyRules
{
    public required string Edition { get; init; }
    public required string Source { get; init; }

    /// <summary>Days to put a hazard right, from the day it was found; a serious one gets <see cref="SeriousDueDays"/>.</summary>
    public int DueDays { get; init; }
    public int SeriousDueDays { get; init; }

    /// <summary>Days after the deadline for the 回头看 of a hazard an inspection (not the school itself) found.</summary>
    public int RecheckAfterDays { get; init; }

    /// <summary>A canteen licence expiring within this many days is flagged.</summary>
    public int LicenceWarningDays { get; init; }
    public required IReadOnlyList<Checklist> Checklists { get; init; }

    private Dictionary<string, (Checklist List, ChecklistItem Item)>? _items;

    public (Checklist List, ChecklistItem Item)? Item(string? code) =>
        code is not null && (_items ??= Checklists.SelectMany(l => l.Items.Select(i => (l, i))).ToDictionary(x => x.i.Code, StringComparer.Ordinal))
            .TryGetValue(code, out var found) ? found : null;

    public Checklist? List(string? code) => Checklists.FirstOrDefault(l => l.Code == code);

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static SafetyRules Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Qedu.Safety.safety-checklists.json")
            ?? throw new InvalidOperationException("The safety checklists are missing from the assembly.");
        var rules = JsonSerializer.Deserialize<SafetyRules>(stream, Json) ?? throw new InvalidOperationException("The safety checklists are empty.");
        var codes = rules.Checklists.SelectMany(l => l.Items).Select(i => i.Code).ToList();
        if (codes.Count != codes.Distinct(StringComparer.Ordinal).Count() || rules.Checklists.Any(l => l.Items.Count == 0 || l.EveryDays < 1))
        {
            throw new InvalidOperationException("The safety checklists repeat an item code, or a list has no items or no schedule.");
        }
        return rules;
    }
}

/// <summary>One checklist (消防安全, 校车安全…) and how often a school checks itself against it.</summary>
internal sealed record Checklist(string Code, string Name, string NameEn, int EveryDays, IReadOnlyList<ChecklistItem> Items);

/// <summary>One item; a failed serious item is a major hazard (重大隐患).</summary>
internal sealed record ChecklistItem(string Code, string Text, bool Serious);
