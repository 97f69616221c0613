using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qedu.Growth.Data;
using Qedu.Growth.Health;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Files;

namespace Qedu.Growth.Retention;

/// <summary>How long each kind of a child's data is kept (Rules/retention.json); each period is the bureau's policy.</summary>
internal sealed record RetentionRules(int HealthResultYears, int MentalYears, int CareYears, int HomeTeachingYears, int ReturnedEvidenceDays, int AidYears)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RetentionRules Load()
    {
        using var stream = typeof(RetentionRules).Assembly.GetManifestResourceStream("Qedu.Growth.retention.json")
            ?? throw new InvalidOperationException("retention.json is not embedded.");
        var rules = JsonSerializer.Deserialize<RetentionRules>(stream, Json) ?? throw new InvalidOperationException("retention.json is empty.");
        return rules is { HealthResultYears: >= 1, MentalYears: >= 1, CareYears: >= 1, HomeTeachingYears: >= 1, ReturnedEvidenceDays: >= 30, AidYears: >= 1 }
            ? rules
            : throw new InvalidOperationException("retention.json: every period at least a year (returned evidence at least 30 days).");
    }
}

/// <summary>What one pass deleted, by kind.</summary>
public sealed record GrowthRetentionResult(int HealthResults, int MentalScreenings, int MentalCases, int CareLedgers, int HomeTeachingPlans, int Evidence, int AidApplications)
{
    public int Total => HealthResults + MentalScreenings + MentalCases + CareLedgers + HomeTeachingPlans + Evidence + AidApplications;
}

/// <summary>
/// Deletes what the retention rules no longer keep: fitness and vision results older than their school years; mental
/// screenings older than their years whose student has no open case, and cases closed that long ago with their steps;
/// care ledgers closed that long ago with their contacts, and room uses as old; home-teaching plans ended that long ago
/// with their visits; evidence returned more than the days ago, with its file once nothing names it; aid applications
/// and payments older than their school years. Runs as the system (the command line, a scheduled job); one audit line
/// per pass that deleted anything. Growth-record entries stay: they are the student's record.
/// </summary>
internal sealed class GrowthRetention(GrowthDb db, RetentionRules rules, IFileStore files, AuditTrail audit, TimeProvider clock)
{
    public async Task<GrowthRetentionResult> RunAsync(CancellationToken ct = default)
    {
        var today = CityDate.Today(clock);
        var year = HealthFile.SchoolYearOf(today);

        var healthYear = year - rules.HealthResultYears;
        var health = await db.Fitness.IgnoreQueryFilters([ScopeFilter.Name]).Where(f => f.SchoolYear < healthYear).ExecuteDeleteAsync(ct)
            + await db.Vision.IgnoreQueryFilters([ScopeFilter.Name]).Where(v => v.SchoolYear < healthYear).ExecuteDeleteAsync(ct);

        var mentalBefore = today.AddYears(-rules.MentalYears);
        var closedCases = db.MentalCases.IgnoreQueryFilters([ScopeFilter.Name]).Where(c => !c.Open && c.ClosedOn != null && c.ClosedOn < mentalBefore).Select(c => c.Id);
        await db.MentalCaseEntries.IgnoreQueryFilters([ScopeFilter.Name]).Where(e => closedCases.Contains(e.CaseId)).ExecuteDeleteAsync(ct);
        var cases = await db.MentalCases.IgnoreQueryFilters([ScopeFilter.Name]).Where(c => !c.Open && c.ClosedOn != null && c.ClosedOn < mentalBefore).ExecuteDeleteAsync(ct);
        var openStudents = db.MentalCases.IgnoreQueryFilters([ScopeFilter.Name]).Where(c => c.Open).Select(c => c.StudentId);
        var screenings = await db.MentalScreenings.IgnoreQueryFilters([ScopeFilter.Name])
            .Where(s => s.ScreenedOn < mentalBefore && !openStudents.Contains(s.StudentId)).ExecuteDeleteAsync(ct);

        var careBefore = today.AddYears(-rules.CareYears);
        var closedLedgers = db.CareLedgers.IgnoreQueryFilters([ScopeFilter.Name]).Where(l => l.ClosedOn != null && l.ClosedOn < careBefore).Select(l => l.Id);
        await db.CareContacts.IgnoreQueryFilters([ScopeFilter.Name]).Where(c => closedLedgers.Contains(c.LedgerId)).ExecuteDeleteAsync(ct);
        var ledgers = await db.CareLedgers.IgnoreQueryFilters([ScopeFilter.Name]).Where(l => l.ClosedOn != null && l.ClosedOn < careBefore).ExecuteDeleteAsync(ct);
        await db.CareRoomUses.IgnoreQueryFilters([ScopeFilter.Name]).Where(u => u.Day < careBefore).ExecuteDeleteAsync(ct);

        var homeBefore = today.AddYears(-rules.HomeTeachingYears);
        var endedPlans = db.HomeTeachingPlans.IgnoreQueryFilters([ScopeFilter.Name]).Where(p => p.EndedOn != null && p.EndedOn < homeBefore).Select(p => p.Id);
        await db.HomeTeachingVisits.IgnoreQueryFilters([ScopeFilter.Name]).Where(v => endedPlans.Contains(v.PlanId)).ExecuteDeleteAsync(ct);
        var plans = await db.HomeTeachingPlans.IgnoreQueryFilters([ScopeFilter.Name]).Where(p => p.EndedOn != null && p.EndedOn < homeBefore).ExecuteDeleteAsync(ct);

        // Returned evidence is few rows; its review time is compared here (SQLite cannot compare DateTimeOffset in SQL).
        var evidenceBefore = clock.GetUtcNow().AddDays(-rules.ReturnedEvidenceDays);
        var returned = (await db.Evidence.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(e => e.State == Domain.EvidenceState.Returned)
                .Select(e => new { e.Id, e.ReviewedAt, e.FileHash }).ToListAsync(ct))
            .Where(e => e.ReviewedAt is { } at && at < evidenceBefore).ToList();
        var returnedIds = returned.Select(e => e.Id).ToList();
        var hashes = returned.Where(e => e.FileHash is not null).Select(e => e.FileHash!).Distinct().ToList();
        var evidence = await db.Evidence.IgnoreQueryFilters([ScopeFilter.Name]).Where(e => returnedIds.Contains(e.Id)).ExecuteDeleteAsync(ct);
        foreach (var hash in hashes)
        {
            if (!await db.Evidence.IgnoreQueryFilters([ScopeFilter.Name]).AnyAsync(e => e.FileHash == hash, ct))
            {
                await files.DeleteAsync(hash, ct);
            }
        }

        var aidYear = year - rules.AidYears;
        var oldAid = db.AidApplications.IgnoreQueryFilters([ScopeFilter.Name]).Where(a => a.SchoolYear < aidYear).Select(a => a.Id);
        await db.AidPayments.IgnoreQueryFilters([ScopeFilter.Name]).Where(p => oldAid.Contains(p.ApplicationId)).ExecuteDeleteAsync(ct);
        var aid = await db.AidApplications.IgnoreQueryFilters([ScopeFilter.Name]).Where(a => a.SchoolYear < aidYear).ExecuteDeleteAsync(ct);

        var result = new GrowthRetentionResult(health, screenings, cases, ledgers, plans, evidence, aid);
        if (result.Total > 0)
        {
            await audit.RecordAsync("growth.retention", "GrowthDb", null,
                details: $"health={health} mental-screenings={screenings} mental-cases={cases} care-ledgers={ledgers} home-teaching={plans} evidence={evidence} aid={aid}", ct: ct);
        }
        return result;
    }
}
