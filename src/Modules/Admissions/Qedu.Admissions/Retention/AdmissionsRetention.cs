using Microsoft.EntityFrameworkCore;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Features.Apply;
using Qedu.Admissions.Materials;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Idempotency;

namespace Qedu.Admissions.Retention;

/// <summary>
/// Children's data is kept only as long as the admission needs it: once a season closed more than its
/// <see cref="Season.RetentionDays"/> ago (a per-season setting, 180 by default), every proof file of every application
/// is deleted (the stored file too, once no row names it), and every application that did not end in an accepted place
/// is deleted with its choices and history. Accepted applications stay (the child's admission), without files. The
/// submissions' <c>Idempotency-Key</c> records older than <see cref="IdempotencyKeys.KeptFor"/> go too. Runs as
/// the system (the command line, a scheduled job), audited as one line per season.
/// </summary>
internal sealed class AdmissionsRetention(AdmissionsDb db, ApplicationMaterials materials, AuditTrail audit, TimeProvider clock,
    ApplicationStatuses statuses)
{
    public async Task<RetentionResult> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var seasons = (await db.Seasons.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
                .Select(s => new { s.Id, s.Code, s.OrgUnitId, s.ClosesAt, s.RetentionDays }).ToListAsync(ct))
            .Where(s => s.ClosesAt.AddDays(s.RetentionDays) <= now).ToList();
        int applications = 0, files = 0, touched = 0;
        foreach (var season in seasons)
        {
            var ids = db.Applications.IgnoreQueryFilters([ScopeFilter.Name]).Where(a => a.SeasonId == season.Id).Select(a => a.Id);
            var hashes = await db.Materials.Where(m => ids.Contains(m.ApplicationId)).Select(m => m.FileHash).Distinct().ToListAsync(ct);
            var removedFiles = await db.Materials.Where(m => ids.Contains(m.ApplicationId)).ExecuteDeleteAsync(ct);
            var unsuccessful = db.Applications.IgnoreQueryFilters([ScopeFilter.Name])
                .Where(a => a.SeasonId == season.Id && a.Status != ApplicationStatus.Accepted);
            await db.Placements.Where(p => unsuccessful.Select(a => a.Id).Contains(p.ApplicationId)).ExecuteDeleteAsync(ct);
            var removedApplications = await unsuccessful.ExecuteDeleteAsync(ct);
            // A bulk delete stamps nothing: this node forgets every kept status (other nodes within MaxAge).
            statuses.ForgetAll();
            foreach (var hash in hashes)
            {
                await materials.ForgetIfUnusedAsync(hash, ct);
            }
            if (removedFiles + removedApplications > 0)
            {
                touched++;
                await audit.RecordAsync("admissions.retention", "Season", season.Code, season.OrgUnitId,
                    $"applications={removedApplications} materials={removedFiles}", ct: ct);
            }
            applications += removedApplications;
            files += removedFiles;
        }
        // Submissions' Idempotency-Keys are kept 48 hours (the contract promises 24), then forgotten.
        var keys = await IdempotencyKeys.PurgeAsync(db.IdempotencyKeys, now, ct);
        return new RetentionResult(touched, applications, files, keys);
    }
}
