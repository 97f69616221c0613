using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Admissions.Rules;

/// <summary>
/// Who runs a season: whoever holds <c>admissions.manage</c> over its bureau (the district, or the city for the
/// city-wide schools). Set-up, verification, the draw, 统筹, appeals and intake all ask this one question.
/// </summary>
internal sealed class SeasonManagers(OrgTree tree, ICurrentAccess access)
{
    public async Task<bool> MayManageAsync(int bureauId, CancellationToken ct = default) =>
        (await tree.WithinScopeAsync(access.Current, Permissions.AdmissionsManage, [bureauId], ct)).Count == 1;

    public Task<bool> MayManageAsync(PublicSeason season, CancellationToken ct = default) => MayManageAsync(season.BureauId, ct);
}
