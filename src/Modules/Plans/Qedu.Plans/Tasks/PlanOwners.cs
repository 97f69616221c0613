using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Plans.Resources;

namespace Qedu.Plans.Tasks;

/// <summary>
/// Who the caller is in plan terms: the bureau whose plans they manage, and the unit they report for (their home unit:
/// a department, a district bureau, or the bureau itself).
/// </summary>
internal sealed class PlanOwners(OrgTree tree, UserDirectory users, ICurrentAccess access, IStringLocalizer<PlansText> t)
{
    /// <summary>
    /// The bureau a new plan belongs to: the one named by <paramref name="code"/>, or the caller's only bureau holding
    /// plans.manage. It must be a bureau (city or district) within the caller's plans.manage grants.
    /// </summary>
    public async Task<Outcome<OrgUnit>> BureauForAsync(string? code, CancellationToken ct = default)
    {
        var caller = access.Current;
        var roots = caller.RootsFor(Permissions.PlansManage);
        OrgUnit? bureau;
        if (string.IsNullOrWhiteSpace(code))
        {
            var candidates = (await tree.VisibleAsync(roots, ct)).Values
                .Where(u => u.Kind == OrgUnitKind.City || u.Kind == OrgUnitKind.District || u.Kind == OrgUnitKind.Province)
                .ToList();
            if (candidates.Count != 1)
            {
                return Outcome<OrgUnit>.Invalid(new InputErrors().Add("org", t["Owner.Choose"]));
            }
            bureau = candidates[0];
        }
        else
        {
            bureau = await tree.FindAsync(code.Trim(), ct);
            if (bureau is null || !bureau.IsBureau)
            {
                return Outcome<OrgUnit>.Invalid(new InputErrors().Add("org", string.Format(t["Owner.NotBureau"], code)));
            }
        }
        if (!caller.IsSystem && !await IsUnderAsync(roots, bureau.Id, ct))
        {
            return Outcome<OrgUnit>.Invalid(new InputErrors().Add("org", string.Format(t["Owner.OutOfScope"], bureau.Name)));
        }
        return Outcome<OrgUnit>.Ok(bureau);
    }

    /// <summary>True when the caller may manage the plans of <paramref name="bureauId"/>.</summary>
    public async Task<bool> ManagesAsync(int bureauId, CancellationToken ct = default) =>
        access.Current.IsSystem || await IsUnderAsync(access.Current.RootsFor(Permissions.PlansManage), bureauId, ct);

    /// <summary>
    /// The unit the caller reports for: a person's home unit, or the org unit a client is bound to. Null for the
    /// system and for callers without plans.report.
    /// </summary>
    public async Task<OrgUnit?> ReportingUnitAsync(CancellationToken ct = default)
    {
        var caller = access.Current;
        if (!caller.Has(Permissions.PlansReport) || caller.IsSystem)
        {
            return null;
        }
        int? unitId = null;
        if (caller.Kind == ActorKind.User && Guid.TryParse(caller.ActorId, out var userId))
        {
            unitId = await users.HomeUnitIdAsync(userId, ct);
        }
        var reportRoots = caller.RootsFor(Permissions.PlansReport);
        unitId ??= reportRoots.Count > 0 ? reportRoots[0] : null;
        if (unitId is not { } id || !await IsUnderAsync(caller.RootsFor(Permissions.PlansReport), id, ct))
        {
            return null;
        }
        return await tree.FindAsync(id, ct);
    }

    private Task<bool> IsUnderAsync(IReadOnlyCollection<int> roots, int unitId, CancellationToken ct) =>
        tree.IsUnderAsync(roots, unitId, ct);
}
