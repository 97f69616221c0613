using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;

namespace Qedu.StudentServices.Web;

/// <summary>The schools a reviewer acts for: where the school's own pages (a change asked by the school, a dropout report) start.</summary>
internal static class ReviewerSchools
{
    /// <summary>The school of <paramref name="code"/> when it is in the caller's status-change scope; null (read as absent) otherwise.</summary>
    public static async Task<OrgUnit?> FindAsync(OrgTree tree, AccessContext caller, string? code, CancellationToken ct = default)
    {
        var unit = string.IsNullOrWhiteSpace(code) ? null : await tree.FindAsync(code, ct);
        return unit is { Kind: OrgUnitKind.School } && (await tree.WithinScopeAsync(caller, Permissions.StatusChangesReview, [unit.Id], ct)).Count > 0 ? unit : null;
    }

    /// <summary>The schools the caller holds the permission at directly (a school's own reviewers), by code.</summary>
    public static async Task<IReadOnlyList<OrgUnit>> OwnAsync(OrgTree tree, AccessContext caller, CancellationToken ct = default)
    {
        var granted = caller.Grants.Where(g => g.Permissions.Contains(Permissions.StatusChangesReview)).Select(g => g.OrgUnitId);
        return (await tree.UnitsOfAsync(granted, ct)).Values.Where(u => u.Kind == OrgUnitKind.School).OrderBy(u => u.Code).ToList();
    }
}
