using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Surveys.Data;
using Qedu.Surveys.Domain;

namespace Qedu.Surveys;

/// <summary>
/// Who sees and runs a survey. A survey is seen by the owner bureau's readers and by every unit above or at a school
/// taking part, as far as the caller's grants for the permission reach; only the owner bureau's survey managers change it.
/// </summary>
internal sealed class SurveyAccess(SurveysDb db, OrgTree tree, ICurrentAccess access)
{
    public AccessContext Caller => access.Current;

    /// <summary>The schools of <paramref name="survey"/> under the caller's grants for <paramref name="permission"/>; every one for the system.</summary>
    public async Task<IReadOnlySet<int>> SchoolsAsync(Survey survey, string permission, CancellationToken ct)
    {
        var schools = await db.Schools.AsNoTracking().Where(s => s.SurveyId == survey.Id).Select(s => s.SchoolId).ToListAsync(ct);
        return Caller.IsSystem ? schools.ToHashSet() : await tree.WithinScopeAsync(Caller, permission, schools, ct);
    }

    /// <summary>The surveys with a school the caller may read (or which the caller's bureau runs), newest first.</summary>
    public async Task<IReadOnlyList<Survey>> VisibleAsync(string permission, CancellationToken ct)
    {
        var surveys = await db.Surveys.AsNoTracking().OrderByDescending(s => s.OpensOn).ThenByDescending(s => s.Id).ToListAsync(ct);
        if (Caller.IsSystem)
        {
            return surveys;
        }
        var within = await tree.SubtreeIdsAsync([.. Caller.RootsFor(permission)], ct);
        var schools = (await db.Schools.AsNoTracking().Select(s => new { s.SurveyId, s.SchoolId }).ToListAsync(ct)).ToLookup(s => s.SurveyId, s => s.SchoolId);
        return [.. surveys.Where(s => within.Contains(s.OwnerUnitId) || schools[s.Id].Any(within.Contains))];
    }

    public async Task<Survey?> FindAsync(string code, string permission, CancellationToken ct) =>
        (await VisibleAsync(permission, ct)).FirstOrDefault(s => s.Code == code);

    /// <summary>Whether the caller runs the surveys of <paramref name="ownerUnitId"/>.</summary>
    public async Task<bool> MayManageAsync(int ownerUnitId, CancellationToken ct) =>
        Caller.IsSystem || (await tree.WithinScopeAsync(Caller, Permissions.SurveysManage, [ownerUnitId], ct)).Count == 1;
}
