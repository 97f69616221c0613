using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Resources;
using Qedu.Admissions.Rules;
using Qedu.Allocation;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Files;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Admissions.Features.Allocation;

/// <summary>A run as the bureau reviews it before publishing.</summary>
internal sealed record RunSummary(
    long Id, DateTimeOffset RunAt, string RunBy, string Seed, int Applicants, int Placed, DateTimeOffset? PublishedAt,
    IReadOnlyList<SchoolPlacement> BySchool, string AuditRecord);

internal sealed record SchoolPlacement(string School, bool IsPrivate, int Seats, int Placed);

/// <summary>A season's draw: its public commitment and, once drawn, when.</summary>
internal sealed record DrawSummary(string SeasonCode, string Commitment, DateTimeOffset CommittedAt, DateTimeOffset? DrawnAt);

/// <summary>
/// Places a closed season's approved applications with Qedu.Allocation, in one public draw with the season's committed
/// seed (deferred acceptance: a family's private choice first, then its zone school, so a child who loses a private
/// lottery falls back to the zone school, 公民同招), records
/// the engine's audit record and every placement with its explanation, and publishes one run: offers with a deadline
/// to answer, and the unplaced (待统筹) for the district. Only the bureau's admissions.manage holders run and publish.
/// </summary>
internal sealed class SeasonAllocation(
    AdmissionsDb db, SeasonRules rules, ICurrentAccess access, OrgTree tree, TimeProvider clock, IStringLocalizer<AdmissionsText> t,
    SeasonDraw draws, IFileStore files, AuditTrail audit)
{
    /// <summary>The priority group of a private school's applicants: all equal, the lottery decides.</summary>
    private const int LotteryGroup = 0;

    /// <summary>The group of a zone-school applicant in no category: after every category.</summary>
    private const int NoCategoryGroup = 99;

    public async Task<bool> MayManageAsync(PublicSeason season, CancellationToken ct = default) =>
        (await tree.WithinScopeAsync(access.Current, Permissions.AdmissionsManage, [season.BureauId], ct)).Count == 1;

    public async Task<RunSummary?> LatestAsync(PublicSeason season, CancellationToken ct = default)
    {
        var run = await db.Runs.AsNoTracking().Where(r => r.SeasonId == season.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (run is null)
        {
            return null;
        }
        var placed = (await db.Placements.AsNoTracking().Where(p => p.RunId == run.Id && p.SchoolId != null)
                .GroupBy(p => p.SchoolId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        return new RunSummary(run.Id, run.RunAt, run.RunBy, run.Seed, run.Applicants, run.Placed, run.PublishedAt,
            season.Schools.Select(s => new SchoolPlacement(s.Name, s.IsPrivate, s.Seats, placed.GetValueOrDefault(s.SchoolId))).ToList(), run.AuditRecord);
    }

    /// <summary>How many of the season's review requests (复核) wait for the bureau's answer.</summary>
    public Task<int> PendingAppealsAsync(long seasonId, CancellationToken ct = default) =>
        db.Applications.AsNoTracking().CountAsync(a => a.SeasonId == seasonId && a.AppealStatus == AppealStatus.Pending, ct);

    /// <summary>The season's draw as the bureau sees it before and after: the commitment (made now if the season lacks one).</summary>
    public async Task<DrawSummary?> DrawAsync(PublicSeason season, CancellationToken ct = default) =>
        await draws.EnsureCommitmentAsync(season.Id, clock.GetUtcNow(), ct) is { DrawCommitment: { } commitment } s
            ? new DrawSummary(s.Code, commitment, s.DrawCommittedAt ?? s.ClosesAt, s.DrawnAt)
            : null;

    /// <summary>
    /// The public draw: runs the engine once over the approved applications of a closed season with the season's
    /// committed seed, applicants by their draw codes (in code order) and schools by id, exactly as the published files
    /// have them, so <c>qedu allocate</c> on the package gives the same result byte for byte. The files go to the file
    /// store (the run's audit record names them by digest). A second draw is refused and the attempt audited.
    /// </summary>
    public async Task<Outcome<long>> RunAsync(long seasonId, CancellationToken ct = default)
    {
        if (await rules.FindAsync(seasonId, ct) is not { } season)
        {
            return Outcome<long>.NotFound(t["Apply.NoSeason"]);
        }
        if (!await MayManageAsync(season, ct))
        {
            return Outcome<long>.Forbidden(t["Allocation.NotYours"]);
        }
        var now = clock.GetUtcNow();
        if (now < season.ClosesAt)
        {
            return Outcome<long>.Conflict(string.Format(CultureInfo.CurrentCulture, t["Allocation.NotClosed"], SeasonText.Local(season.ClosesAt)));
        }
        if (await db.Seasons.AsNoTracking().AnyAsync(s => s.Id == seasonId && s.DrawnAt != null, ct))
        {
            return await RefusedAsync(season, "already drawn", ct);
        }
        if (await db.Runs.AnyAsync(r => r.SeasonId == seasonId && r.PublishedAt != null, ct))
        {
            return Outcome<long>.Conflict(t["Allocation.Published"]);
        }
        var waiting = await db.Applications.IgnoreQueryFilters([ScopeFilter.Name])
            .CountAsync(a => a.SeasonId == seasonId && a.Status == ApplicationStatus.Submitted, ct);
        if (waiting > 0)
        {
            return Outcome<long>.Conflict(string.Format(CultureInfo.CurrentCulture, t["Allocation.Waiting"], waiting));
        }
        var committed = (await draws.EnsureCommitmentAsync(seasonId, now, ct))!;
        var (seed, salt) = (committed.DrawSeed!, committed.DrawSalt!);

        // Every approved application of the season, whichever unit reviewed it: the bureau places them all at once.
        var applications = await db.Applications.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(a => a.SeasonId == seasonId && a.Status == ApplicationStatus.Approved).ToListAsync(ct);
        var ids = applications.Select(a => a.Id).ToList();
        var choices = (await db.Choices.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).OrderBy(c => c.Rank).ToListAsync(ct))
            .ToLookup(c => c.ApplicationId);
        var categories = season.Categories.ToDictionary(c => c.Id, c => c.Rank);
        var schools = season.Schools.ToDictionary(s => s.SchoolId);
        var codes = applications.ToDictionary(a => a.Id, a => SeasonDraw.ApplicantCode(salt, a.Id));
        var byCode = applications.ToDictionary(a => codes[a.Id], a => a.Id, StringComparer.Ordinal);
        applications = applications.OrderBy(a => codes[a.Id], StringComparer.Ordinal).ToList();

        var programs = season.Schools.OrderBy(s => s.SchoolId).Select(s => new DrawProgram(Id(s.SchoolId), s.Seats)).ToList();
        var applicants = applications
            .Select(a => new DrawApplicant(codes[a.Id], choices[a.Id].Where(c => schools.ContainsKey(c.SchoolId)).Select(c => Id(c.SchoolId)).ToList()))
            .ToList();
        var priorities = new List<DrawPriority>();
        foreach (var a in applications)
        {
            foreach (var c in choices[a.Id].Where(c => schools.ContainsKey(c.SchoolId)))
            {
                if (schools[c.SchoolId].IsPrivate)
                {
                    priorities.Add(new DrawPriority(Id(c.SchoolId), codes[a.Id], LotteryGroup, 0m));
                }
                else if (c.SchoolId == a.ZoneSchoolId)
                {
                    var group = a.CategoryId is long cat && categories.TryGetValue(cat, out var rank) ? rank : NoCategoryGroup;
                    priorities.Add(new DrawPriority(Id(c.SchoolId), codes[a.Id], group, a.Points));
                }
            }
        }
        var problem = DrawPackage.Problem(programs, applicants, priorities);
        var result = Allocator.Run(problem, new AllocationOptions(Mechanism.DeferredAcceptance, seed));
        var published = DrawPackage.Files(programs, applicants, priorities, result);
        // Stored before the transaction: by content hash, so a draw that then fails leaves only unreferenced files.
        foreach (var bytes in new[] { published.Programs, published.Applicants, published.Priorities, published.Result })
        {
            using var content = new MemoryStream(bytes, writable: false);
            await files.PutAsync(content, ct);
        }

        var run = new AllocationRun
        {
            SeasonId = seasonId, OrgUnitId = season.BureauId, RunAt = now, RunBy = access.Current.ActorName ?? "", Seed = seed,
            Applicants = problem.ApplicantCount, Placed = result.PlacedCount, AuditRecord = Encoding.UTF8.GetString(published.Audit),
        };
        if (await SaveDrawAsync(seasonId, run, problem, result, season, now, byCode, ct) is { } refused)
        {
            // Written after the draw's transaction has ended, so the refusal is committed though the draw is not.
            db.ChangeTracker.Clear();
            return await RefusedAsync(season, refused, ct);
        }
        return Outcome<long>.Ok(run.Id);
    }

    /// <summary>Marks the season drawn and stores the run and its placements in one transaction; the reason when refused.</summary>
    private async Task<string?> SaveDrawAsync(
        long seasonId, AllocationRun run, AllocationProblem problem, AllocationResult result, PublicSeason season, DateTimeOffset now,
        Dictionary<string, long> byCode, CancellationToken ct)
    {
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var stored = await db.Seasons.FirstAsync(s => s.Id == seasonId, ct);
            if (stored.DrawnAt is not null)
            {
                return "already drawn";
            }
            // The season's revision is the concurrency token: of two draws at the same moment, one runs.
            stored.DrawnAt = now;
            stored.Revision++;
            db.Runs.Add(run);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return "a draw ran at the same moment";
            }
            stored.DrawRunId = run.Id;
            var names = season.Schools.ToDictionary(s => Id(s.SchoolId), s => s.Name);
            var rankNames = season.Categories.ToDictionary(c => c.Rank);
            for (var i = 0; i < problem.ApplicantCount; i++)
            {
                var explanation = result.Explain(i);
                db.Placements.Add(new RunPlacement
                {
                    RunId = run.Id,
                    ApplicationId = byCode[explanation.ApplicantId],
                    SchoolId = explanation.ProgramId is { } program ? int.Parse(program, CultureInfo.InvariantCulture) : null,
                    ExplanationZh = Explain(explanation, names, rankNames, english: false),
                    ExplanationEn = Explain(explanation, names, rankNames, english: true),
                });
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return null;
    }

    /// <summary>A draw that may not run: refused, and the attempt written to the audit log (committed on its own).</summary>
    private async Task<Outcome<long>> RefusedAsync(PublicSeason season, string why, CancellationToken ct)
    {
        await audit.RecordAsync("admissions.draw-refused", nameof(Season), season.Code, season.BureauId, why, AuditOutcome.Denied, ct);
        return Outcome<long>.Conflict(t["Draw.Once"]);
    }

    /// <summary>Publishes the latest run: offers (with the season's days to answer) and the unplaced, in one transaction.</summary>
    public async Task<Outcome<long>> PublishAsync(long seasonId, CancellationToken ct = default)
    {
        if (await rules.FindAsync(seasonId, ct) is not { } season)
        {
            return Outcome<long>.NotFound(t["Apply.NoSeason"]);
        }
        if (!await MayManageAsync(season, ct))
        {
            return Outcome<long>.Forbidden(t["Allocation.NotYours"]);
        }
        var run = await db.Runs.Where(r => r.SeasonId == seasonId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (run is null)
        {
            return Outcome<long>.Conflict(t["Allocation.NoRun"]);
        }
        if (run.PublishedAt is not null)
        {
            return Outcome<long>.Conflict(t["Allocation.Published"]);
        }
        var now = clock.GetUtcNow();
        var deadline = now.AddDays((await db.Seasons.AsNoTracking().Where(s => s.Id == seasonId).Select(s => s.AcceptDays).FirstAsync(ct)));
        var placements = await db.Placements.AsNoTracking().Where(p => p.RunId == run.Id).ToDictionaryAsync(p => p.ApplicationId, ct);
        var ids = placements.Keys.ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var applications = await db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        if (applications.Count != ids.Count || applications.Any(a => a.Status != ApplicationStatus.Approved))
        {
            // An application changed since the run (or lies outside the caller's review scope): run again.
            return Outcome<long>.Conflict(t["Allocation.Stale"]);
        }
        foreach (var a in applications)
        {
            var placement = placements[a.Id];
            a.Status = placement.SchoolId is null ? ApplicationStatus.Unplaced : ApplicationStatus.Offered;
            a.OfferSchoolId = placement.SchoolId;
            a.OfferDeadline = placement.SchoolId is null ? null : deadline;
            a.UpdatedAt = now;
            a.Revision++;
            db.Events.Add(new ApplicationEvent
            {
                ApplicationId = a.Id, At = now, Kind = placement.SchoolId is null ? "unplaced" : "offered", Actor = access.Current.ActorName ?? "",
            });
        }
        run.PublishedAt = now;
        var stored = await db.Seasons.FirstAsync(s => s.Id == seasonId, ct);
        stored.ResultsPublishedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<long>.Ok(run.Id);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The engine's explanation in words: each choice, what happened there, and against whom.</summary>
    private static string Explain(Explanation e, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<int, SeasonCategory> ranks, bool english)
    {
        var lines = new List<string>();
        foreach (var c in e.Choices)
        {
            var school = names.GetValueOrDefault(c.ProgramId, c.ProgramId);
            var head = english ? $"Choice {c.ChoiceIndex + 1}, {school}: " : $"第 {c.ChoiceIndex + 1} 志愿 {school}：";
            lines.Add(head + c.Outcome switch
            {
                ChoiceOutcome.Admitted => english ? "admitted" : "录取",
                ChoiceOutcome.Ineligible => english ? "not eligible (outside its zone)" : "不符合条件（不在该校学区）",
                ChoiceOutcome.NoSeats => english ? "no seats this season" : "本次无招生计划",
                _ when c.Own is { } own && c.LastAdmitted is { } last => english
                    ? $"full; the last admitted ranked {Rank(last, ranks, true)}, you ranked {Rank(own, ranks, true)}"
                    : $"名额已满；最后录取者为{Rank(last, ranks, false)}，您为{Rank(own, ranks, false)}",
                _ => english ? "full" : "名额已满",
            });
        }
        if (e.ProgramId is null)
        {
            lines.Add(english ? "Not placed: the district's enrolment office will place the child (统筹)." : "未被志愿学校录取，由区招生办统筹安排。");
        }
        return string.Join("\n", lines);
    }

    private static string Rank(RankKey key, IReadOnlyDictionary<int, SeasonCategory> ranks, bool english)
    {
        var lottery = key.Lottery.ToString("x16", CultureInfo.InvariantCulture)[..8];
        if (key.Group == LotteryGroup)
        {
            return english ? $"lottery number {lottery}" : $"摇号序号 {lottery}";
        }
        var category = ranks.TryGetValue(key.Group, out var c) ? c.Name(english) : (english ? "no category" : "无类别");
        return english
            ? $"category {key.Group} ({category}), {key.Points:0.##} points, lottery {lottery}"
            : $"第 {key.Group} 类（{category}）{key.Points:0.##} 分，摇号序号 {lottery}";
    }
}
