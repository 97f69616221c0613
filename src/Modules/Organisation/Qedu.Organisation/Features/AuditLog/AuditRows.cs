using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;
using Qedu.Organisation.Resources;

namespace Qedu.Organisation.Features.AuditLog;

/// <summary>One changed field of an update: its label, and the values before and after when the log recorded them.</summary>
internal sealed record AuditChange(string Field, string? Before, string? After)
{
    public bool HasValues => Before is not null || After is not null;

    public override string ToString() => HasValues ? $"{Field}: {Before} → {After}" : Field;
}

/// <summary>An audit line as an auditor reads it: labels for the action, the actor, the record and what changed.</summary>
internal sealed record AuditRow(
    AuditLine Line, string At, string Actor, string Action, string Entity, string? Org, string? Outcome,
    IReadOnlyList<AuditChange> Changes, bool CredentialsChanged, string? Details)
{
    /// <summary>What changed on one line of text (the export's column).</summary>
    public string ChangesText(string credentials) =>
        string.Join("; ", Changes.Select(c => c.ToString()).Concat(CredentialsChanged ? [credentials] : []).Concat(Details is null ? [] : [Details]));
}

/// <summary>
/// Turns audit lines into what the audit page and its export show: the action's label from <see cref="AuditCatalogue"/>
/// (the code itself when unknown), the account's display name for a person (and the name someone tried, for a sign-in
/// nobody was signed in for), the record's type label with an account's name instead of its id, and an update's fields
/// as before → after where the log recorded values, secrets left out.
/// </summary>
internal sealed class AuditRows(KernelDb db, OrgTree tree, IStringLocalizer<OrgText> t)
{
    public async Task<IReadOnlyList<AuditRow>> DescribeAsync(IReadOnlyList<AuditLine> lines, CancellationToken ct = default)
    {
        var ids = lines.Where(l => l.ActorKind == nameof(ActorKind.User)).Select(l => l.ActorId)
            .Concat(lines.Where(l => l.EntityType == "QeduUser").Select(l => l.EntityKey))
            .Select(k => Guid.TryParse(k, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var userNames = lines.Where(l => l.EntityType == "User" && l.EntityKey is not null).Select(l => l.EntityKey!).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) || userNames.Contains(u.UserName!))
            .Select(u => new { u.Id, u.UserName, u.DisplayName })
            .ToListAsync(ct);
        var byId = accounts.ToDictionary(a => a.Id.ToString(), a => $"{a.DisplayName}（{a.UserName}）");
        var byName = accounts.Where(a => a.UserName is not null).ToDictionary(a => a.UserName!, a => $"{a.DisplayName}（{a.UserName}）");

        var parsed = lines.Select(l => (Line: l, Changes: Parse(l))).ToList();
        var unitIds = parsed.SelectMany(p => p.Changes.Where(c => AuditCatalogue.UnitFields.Contains(c.Field)))
            .SelectMany(c => new[] { c.Before, c.After })
            .Select(v => int.TryParse(v, out var id) ? id : (int?)null).OfType<int>().Distinct().ToList();
        var units = unitIds.Count == 0 ? new Dictionary<int, OrgUnit>() : new Dictionary<int, OrgUnit>(await tree.UnitsOfAsync(unitIds, ct));

        string Value(string field, string? value) =>
            value is null ? "" :
            value == "∅" ? t["Audit.Empty"] :
            AuditCatalogue.UnitFields.Contains(field) && int.TryParse(value, out var id) && units.TryGetValue(id, out var unit) ? $"{unit.Name}（{unit.Code}）" :
            value;

        return [.. parsed.Select(p =>
        {
            var l = p.Line;
            var secret = p.Changes.Any(c => AuditCatalogue.IsSecret(c.Field));
            var changes = p.Changes.Where(c => !AuditCatalogue.IsSecret(c.Field))
                .Select(c => new AuditChange(FieldLabel(c.Field), c.HasValues ? Value(c.Field, c.Before) : null, c.HasValues ? Value(c.Field, c.After) : null))
                .ToList();
            var details = l.Action == "update" ? null : l.Details;
            return new AuditRow(l, l.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                Actor(l, byId, byName), ActionLabel(l.Action), Entity(l, byId, byName), l.OrgCode,
                l.Outcome is { } o ? t[$"Audit.Outcome.{o}"].Value : null, changes, secret, details);
        })];
    }

    public string ActionLabel(string action) => AuditCatalogue.IsKnown(action) ? t[AuditCatalogue.ActionKey(action)] : action;

    private string FieldLabel(string field) => AuditCatalogue.Fields.Contains(field) ? t["Audit.Field." + field] : field;

    private string Actor(AuditLine l, Dictionary<string, string> byId, Dictionary<string, string> byName) => l.ActorKind switch
    {
        nameof(ActorKind.User) => l.ActorId is not null && byId.TryGetValue(l.ActorId, out var name) ? name : l.ActorName ?? "",
        nameof(ActorKind.Client) => string.Format(t["Audit.Actor.Client"], l.ActorName),
        nameof(ActorKind.System) => string.Format(t["Audit.Actor.System"], l.ActorName),
        // Nobody signed in yet: a sign-in is recorded before the session exists. One that got through is the person's;
        // for one that did not, the name someone typed is what the auditor needs.
        _ when l.EntityType == "User" && l.EntityKey is { Length: > 0 } name && l.Action.StartsWith("auth.", StringComparison.Ordinal) =>
            l.Outcome == nameof(AuditOutcome.Succeeded) && byName.TryGetValue(name, out var account)
                ? account
                : string.Format(t["Audit.Actor.Tried"], byName.GetValueOrDefault(name, name)),
        _ => t["Audit.Actor.Anonymous"],
    };

    private string Entity(AuditLine l, Dictionary<string, string> byId, Dictionary<string, string> byName)
    {
        if (l.EntityType is null)
        {
            return "";
        }
        var type = AuditCatalogue.EntityTypes.Contains(l.EntityType) ? t["Audit.Type." + l.EntityType] : l.EntityType;
        var key = l.EntityType switch
        {
            "QeduUser" when l.EntityKey is not null && byId.TryGetValue(l.EntityKey, out var account) => account,
            "User" when l.EntityKey is not null && byName.TryGetValue(l.EntityKey, out var account) => account,
            _ => l.EntityKey,
        };
        return key is null ? type : $"{type} {key}";
    }

    /// <summary>
    /// An update's fields from the line's details: "Name,Revision" (names only), or "Name: old → new; Revision" once
    /// values were recorded for one of them.
    /// </summary>
    internal static IReadOnlyList<AuditChange> Parse(AuditLine line)
    {
        if (line.Action != "update" || string.IsNullOrWhiteSpace(line.Details))
        {
            return [];
        }
        var details = line.Details;
        var items = details.Contains('→') || details.Contains("; ", StringComparison.Ordinal)
            ? details.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : details.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. items.Select(item =>
        {
            var colon = item.IndexOf(": ", StringComparison.Ordinal);
            var arrow = item.IndexOf(" → ", StringComparison.Ordinal);
            return colon > 0 && arrow > colon
                ? new AuditChange(item[..colon], item[(colon + 2)..arrow], item[(arrow + 3)..])
                : new AuditChange(item, null, null);
        })];
    }
}
