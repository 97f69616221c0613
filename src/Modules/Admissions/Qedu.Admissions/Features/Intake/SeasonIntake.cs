using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Resources;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;

namespace Qedu.Admissions.Features.Intake;

/// <summary>A season's accepted children: how many wait to become registry students, and how many already have.</summary>
internal sealed record IntakeFigures(int Waiting, int Enrolled, bool Published, DateOnly DefaultFrom);

/// <summary>What one intake did: students created, and children the registry already held (left to a transfer there).</summary>
internal sealed record IntakeDone(int Enrolled, int AlreadyInRegistry);

/// <summary>
/// 转入学籍: every accepted application of a published season that has no student yet becomes a registry student at the
/// offered school (在读, no class, an open enrolment from 1 September of the season's year unless the officer gives a
/// date), in one transaction with the application's <see cref="Application.StudentId"/>: both commit or neither.
/// Once: an application with a student is skipped, and the season row's revision is bumped first, so a second run at
/// the same time fails its update instead of enrolling the same children again. Who: the season's bureau
/// (admissions.manage) holding registry.write over every offered school, since the students are written as the caller.
/// </summary>
internal sealed class SeasonIntake(
    AdmissionsDb db, SeasonRules rules, ICurrentAccess access, OrgTree tree, SeasonManagers managers, IStudentIntake registry, ParentAccounts parents,
    TimeProvider clock, IStringLocalizer<AdmissionsText> t)
{
    public Task<bool> MayManageAsync(PublicSeason season, CancellationToken ct = default) =>
        managers.MayManageAsync(season, ct);

    /// <summary>1 September of the year the season closes in (China time): the first school day of the year it admits to.</summary>
    public static DateOnly DefaultFrom(PublicSeason season) => new(season.ClosesAt.ToOffset(TimeSpan.FromHours(8)).Year, 9, 1);

    public async Task<IntakeFigures> FiguresAsync(PublicSeason season, CancellationToken ct = default)
    {
        var accepted = db.Applications.AsNoTracking().Where(a => a.SeasonId == season.Id && a.Status == ApplicationStatus.Accepted);
        var waiting = await accepted.CountAsync(a => a.StudentId == null, ct);
        var enrolled = await accepted.CountAsync(a => a.StudentId != null, ct);
        var published = await db.Seasons.AsNoTracking().AnyAsync(s => s.Id == season.Id && s.ResultsPublishedAt != null, ct);
        return new IntakeFigures(waiting, enrolled, published, DefaultFrom(season));
    }

    /// <summary>Enrols the waiting children; <paramref name="from"/> is the enrolment date (default <see cref="DefaultFrom"/>).</summary>
    public async Task<Outcome<IntakeDone>> EnrolAsync(long seasonId, DateOnly? from = null, CancellationToken ct = default)
    {
        if (await rules.FindAsync(seasonId, ct) is not { } season)
        {
            return Outcome<IntakeDone>.NotFound(t["Apply.NoSeason"]);
        }
        if (!await MayManageAsync(season, ct))
        {
            return Outcome<IntakeDone>.Forbidden(t["Intake.NotYours"]);
        }
        if (!await db.Seasons.AsNoTracking().AnyAsync(s => s.Id == seasonId && s.ResultsPublishedAt != null, ct))
        {
            return Outcome<IntakeDone>.Conflict(t["Intake.NotPublished"]);
        }
        var date = from ?? DefaultFrom(season);
        var pending = Pending(seasonId);
        var schools = await pending.Select(a => a.OfferSchoolId!.Value).Distinct().ToListAsync(ct);
        if (schools.Count == 0)
        {
            return Outcome<IntakeDone>.Ok(new IntakeDone(0, 0));
        }
        // The registry's write guard would refuse the save anyway; asked first, the refusal names what is missing.
        var writable = await tree.WithinScopeAsync(access.Current, Permissions.RegistryWrite, schools, ct);
        if (writable.Count != schools.Count)
        {
            var names = await tree.UnitsOfAsync(schools.Where(s => !writable.Contains(s)).ToList(), ct);
            return Outcome<IntakeDone>.Forbidden(string.Format(CultureInfo.CurrentCulture, t["Intake.NoRegistryWrite"],
                string.Join("、", names.Values.Select(u => u.DisplayName(Qedu.Kernel.Codes.CodeBook.IsEnglish)))));
        }
        // Guardians' phones are the parent accounts' numbers (the kernel's table), read before the transaction.
        var parentIds = await pending.Select(a => a.ParentAccountId).Distinct().ToListAsync(ct);
        var phones = new Dictionary<Guid, string>();
        foreach (var id in parentIds)
        {
            if (await parents.FindAsync(id, ct) is { } account)
            {
                phones[id] = account.Phone;
            }
        }

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // The season's revision first: a second run at the same time waits here and then fails its update.
            var stored = await db.Seasons.FirstAsync(s => s.Id == seasonId, ct);
            stored.Revision++;
            await db.SaveChangesAsync(ct);
            var applications = await Pending(seasonId).AsTracking().OrderBy(a => a.Id).ToListAsync(ct);
            var intakes = applications.Select(a => new NewStudentIntake(
                a.OfferSchoolId!.Value, a.ChildName, a.GenderCode, a.BirthDate,
                a.DocumentType == ChildDocuments.ResidentId ? a.ResidentId : null, Address(a), a.GuardianName,
                phones.GetValueOrDefault(a.ParentAccountId), a.HasResidencePermit, SourceKey(a))).ToList();
            var results = (await registry.EnrolAsync(tx.GetDbTransaction(), date, intakes, ct)).ToDictionary(r => r.SourceKey);
            var enrolled = 0;
            foreach (var a in applications)
            {
                if (results[SourceKey(a)].StudentId is not { } studentId)
                {
                    continue; // the registry already holds the child: a transfer there, not a new record
                }
                a.StudentId = studentId;
                a.EnrolledAt = now;
                a.UpdatedAt = now;
                a.Revision++;
                db.Events.Add(new ApplicationEvent { ApplicationId = a.Id, At = now, Kind = "enrolled", Actor = access.Current.ActorName ?? "" });
                enrolled++;
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Outcome<IntakeDone>.Ok(new IntakeDone(enrolled, applications.Count - enrolled));
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            return Outcome<IntakeDone>.Conflict(t["Intake.Busy"]);
        }
    }

    /// <summary>Accepted with an offered school and no student yet: what an intake takes (in the caller's read scope).</summary>
    private IQueryable<Application> Pending(long seasonId) => db.Applications.AsNoTracking()
        .Where(a => a.SeasonId == seasonId && a.Status == ApplicationStatus.Accepted && a.StudentId == null && a.OfferSchoolId != null);

    private static string SourceKey(Application a) => "A" + a.Id.ToString(CultureInfo.InvariantCulture);

    private static string? Address(Application a)
    {
        var parts = new[] { a.HomeStreet is null ? null : a.HomeStreet + (a.HomeNumber is { } n ? n.ToString(CultureInfo.InvariantCulture) + "号" : ""), a.HomeCompound, a.HomeDetail }
            .Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }
}
