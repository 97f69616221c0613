using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Resources;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Idempotency;
using Qedu.Kernel.Localization;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;

namespace Qedu.Admissions.Features.Apply;

/// <summary>An application as its family sees it.</summary>
internal sealed record MyApplication(
    long Id, string Number, long SeasonId, string SeasonName, ApplicationStatus Status, string ChildName, string? ReviewNote,
    DateTimeOffset? SubmittedAt, DateTimeOffset ClosesAt, bool MayEdit, IReadOnlyList<string> Choices, string? ZoneSchool,
    IReadOnlyList<string> CategoryHow, IReadOnlyList<ApplicationEvent> Events,
    string? OfferSchool = null, DateTimeOffset? OfferDeadline = null, string? Placement = null, bool MayAnswer = false,
    string Bureau = "", MyAppeal? Appeal = null, DateTimeOffset? AppealBy = null, bool MayAppeal = false);

/// <summary>Where an application stands, as the family's app shows it; <see cref="Revision"/> moves on with every change.</summary>
internal sealed record MyApplicationStatus(
    long Id, string Number, long SeasonId, string SeasonName, ApplicationStatus Status, int Revision, DateTimeOffset? SubmittedAt,
    string? ReviewNote, string? OfferSchool, DateTimeOffset? OfferDeadline, string? Placement);

/// <summary>What a submission through the API made: the answer its <c>Idempotency-Key</c> keeps.</summary>
internal sealed record SubmittedApplication(long Id, string Number, long SeasonId, DateTimeOffset SubmittedAt);

/// <summary>The family's review request (复核) and the bureau's answer.</summary>
internal sealed record MyAppeal(AppealStatus Status, string? Reason, DateTimeOffset? At, string? Answer, DateTimeOffset? AnsweredAt);

/// <summary>
/// The family's side of an application: start or change it while the season allows, submit it before the window
/// closes, follow it. Runs as the signed-in parent, who sees and writes only their own applications (the kernel's
/// <see cref="IParentOwned"/> filter and guard), never anyone else's.
/// </summary>
internal sealed class ParentApplications(
    AdmissionsDb db, SeasonRules seasons, ICurrentAccess access, TimeProvider clock, IStringLocalizer<AdmissionsText> t,
    IStringLocalizer<KernelText> kernelText, ParentAccounts parents, IFamilyRecords families, SubmissionBatches batches,
    ApplicationStatuses statuses)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private Guid Parent => access.Current.ParentAccountId ?? throw new InvalidOperationException("Only a signed-in parent applies.");

    private static bool English => CodeBook.IsEnglish;

    public async Task<IReadOnlyList<MyApplication>> MineAsync(CancellationToken ct = default)
    {
        var parent = Parent;
        var ids = await db.Applications.AsNoTracking().Where(a => a.ParentAccountId == parent)
            .OrderByDescending(a => a.CreatedAt).Select(a => a.Id).ToListAsync(ct);
        var list = new List<MyApplication>();
        foreach (var id in ids)
        {
            list.Add((await FindAsync(id, ct))!);
        }
        return list;
    }

    /// <summary>
    /// Where one of the parent's own applications stands (null: none such), for the family's app: the few columns it
    /// shows, kept by the node (<see cref="ApplicationStatuses"/>) or read in one indexed query, with the season and its
    /// school names from the kept season (<see cref="SeasonRules.SnapshotAsync"/>). The status read is what a crowd
    /// repeats on the morning results come out; asked again, it costs no database read.
    /// </summary>
    public async Task<MyApplicationStatus?> StatusAsync(long id, CancellationToken ct = default)
    {
        var a = await statuses.FindAsync(db, id, Parent, ct);
        if (a is null || await seasons.SnapshotAsync(a.SeasonId, ct) is not { } snapshot)
        {
            return null;
        }
        var season = snapshot.Season;
        string Name(int? school) => school is int s ? season.Schools.FirstOrDefault(x => x.SchoolId == s)?.Name ?? "?" : "?";
        var placed = a.Status is ApplicationStatus.Offered or ApplicationStatus.Unplaced or ApplicationStatus.Accepted or ApplicationStatus.Declined;
        var explanation = a.OfferRoute switch
        {
            OfferRoute.Coordination when a.OfferDistanceKm is double km =>
                string.Format(CultureInfo.CurrentCulture, t["Coordination.ExplanationKm"], Name(a.OfferSchoolId), km),
            OfferRoute.Coordination => string.Format(CultureInfo.CurrentCulture, t["Coordination.Explanation"], Name(a.OfferSchoolId)),
            OfferRoute.Appeal when a.OfferSchoolId is int upheld =>
                string.Format(CultureInfo.CurrentCulture, t["Appeal.OfferExplanation"], Name(upheld), a.AppealAnswer),
            _ => placed ? (English ? a.PlacementEn : a.PlacementZh) : null,
        };
        return new MyApplicationStatus(a.Id, a.Number, a.SeasonId, season.Name, a.Status, a.Revision, a.SubmittedAt, a.ReviewNote,
            a.OfferSchoolId is int o ? Name(o) : null, a.OfferDeadline, explanation);
    }

    /// <summary>One of the parent's own applications, or null (another family's reads as absent).</summary>
    public async Task<MyApplication?> FindAsync(long id, CancellationToken ct = default)
    {
        var parent = Parent;
        var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.ParentAccountId == parent, ct);
        if (a is null || await seasons.FindAsync(a.SeasonId, ct) is not { } season)
        {
            return null;
        }
        var choices = await db.Choices.AsNoTracking().Where(c => c.ApplicationId == id).OrderBy(c => c.Rank).Select(c => c.SchoolId).ToListAsync(ct);
        var names = season.Schools.ToDictionary(s => s.SchoolId, s => s.Name);
        var events = await db.Events.AsNoTracking().Where(e => e.ApplicationId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var how = Categories.Compute(season.Categories, season.PointsRules, FamilyFacts.Of(a), English).How;
        // After results are published no run follows, so the latest placement is the published one.
        var placement = a.Status is ApplicationStatus.Offered or ApplicationStatus.Unplaced or ApplicationStatus.Accepted or ApplicationStatus.Declined
            ? await db.Placements.AsNoTracking().Where(p => p.ApplicationId == id).OrderByDescending(p => p.RunId).FirstOrDefaultAsync(ct)
            : null;
        var now = clock.GetUtcNow();
        var appealBy = season.AppealsCloseAt is { } by && MayAskForReview(a.Status) ? by : (DateTimeOffset?)null;
        return new MyApplication(
            a.Id, a.Number, a.SeasonId, season.Name, a.Status, a.ChildName, a.ReviewNote, a.SubmittedAt, season.ClosesAt,
            a.FamilyMayEdit && now < season.ClosesAt,
            choices.Select(c => names.GetValueOrDefault(c, "?")).ToList(),
            a.ZoneSchoolId is int z ? names.GetValueOrDefault(z) : null, how, events,
            a.OfferSchoolId is int o ? names.GetValueOrDefault(o) : null, a.OfferDeadline,
            a.OfferRoute == OfferRoute.Coordination ? Coordinated(a, names)
                : a.OfferRoute == OfferRoute.Appeal && a.OfferSchoolId is int upheld
                    ? string.Format(CultureInfo.CurrentCulture, t["Appeal.OfferExplanation"], names.GetValueOrDefault(upheld, "?"), a.AppealAnswer)
                : placement is null ? null : English ? placement.ExplanationEn : placement.ExplanationZh,
            a.Status == ApplicationStatus.Offered && a.OfferDeadline is { } d && now <= d,
            season.BureauName,
            a.AppealStatus == AppealStatus.None ? null : new MyAppeal(a.AppealStatus, a.AppealReason, a.AppealedAt, a.AppealAnswer, a.AppealAnsweredAt),
            appealBy, appealBy is { } until && now < until && a.AppealStatus == AppealStatus.None);
    }

    /// <summary>
    /// A new application's form, with the household as the family last gave it (their latest application, of any season
    /// or child: a younger sibling's family usually lives where it did), so they type only what is new. The child is left
    /// empty. <see cref="ApplicationForm.PrefilledFrom"/> names the application it came from, for the page to say so. Without
    /// one, the registry's children of the account's phone give the guardian's name and address, and are named as siblings.
    /// </summary>
    public async Task<ApplicationForm> NewFormAsync(long seasonId, CancellationToken ct = default)
    {
        var parent = Parent;
        var form = new ApplicationForm { SeasonId = seasonId };
        // The registry's children whose guardian has this account's (verified) phone: the siblings, and the household.
        var phone = (await parents.FindAsync(parent, ct))?.Phone;
        var registered = phone is null ? [] : await families.ChildrenOfGuardianAsync(phone, ct);
        if (registered.Count > 0)
        {
            var names = (await seasons.FindAsync(seasonId, ct))?.Schools.ToDictionary(s => s.SchoolId, s => s.Name) ?? [];
            form.Siblings = registered.Select(c => names.TryGetValue(c.SchoolId, out var school) ? $"{c.Name}（{school}）" : c.Name).ToList();
            form.GuardianName = registered[0].GuardianName;
            form.HomeDetail = registered[0].Address;
        }
        var last = await db.Applications.AsNoTracking().Where(a => a.ParentAccountId == parent)
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        if (last is null)
        {
            return form;
        }
        form.GuardianName = last.GuardianName;
        form.HomeCompound = last.HomeCompound;
        form.HomeStreet = last.HomeStreet;
        form.HomeNumber = last.HomeNumber?.ToString(CultureInfo.InvariantCulture);
        form.HomeDetail = last.HomeDetail;
        form.HukouAtHome = last.HukouAtHome;
        form.PropertyAtHome = last.PropertyAtHome;
        form.HasResidencePermit = last.HasResidencePermit;
        form.ResidencePermitYears = last.HasResidencePermit ? last.ResidencePermitYears.ToString(CultureInfo.InvariantCulture) : null;
        form.InsuranceMonths = last.InsuranceMonths > 0 ? last.InsuranceMonths.ToString(CultureInfo.InvariantCulture) : null;
        form.PolicyCare = last.PolicyCare;
        form.PrefilledFrom = last.Number;
        return form;
    }

    /// <summary>The form of an application the parent may still change, filled with what they typed before.</summary>
    public async Task<ApplicationForm?> FormAsync(long id, CancellationToken ct = default)
    {
        var parent = Parent;
        var a = await db.Applications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.ParentAccountId == parent, ct);
        if (a is null)
        {
            return null;
        }
        var choices = await db.Choices.AsNoTracking().Where(c => c.ApplicationId == id).ToListAsync(ct);
        var privates = (await seasons.FindAsync(a.SeasonId, ct))?.Schools.Where(s => s.IsPrivate).Select(s => s.SchoolId).ToHashSet() ?? [];
        return new ApplicationForm
        {
            SeasonId = a.SeasonId,
            ChildName = a.ChildName,
            DocumentType = a.DocumentType,
            ResidentId = a.ResidentId,
            DocumentNumber = a.DocumentNumber,
            BirthDate = a.ResidentId is null ? a.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            GenderCode = a.ResidentId is null ? a.GenderCode : null,
            GuardianName = a.GuardianName,
            HomeCompound = a.HomeCompound,
            HomeStreet = a.HomeStreet,
            HomeNumber = a.HomeNumber?.ToString(CultureInfo.InvariantCulture),
            HomeDetail = a.HomeDetail,
            HukouAtHome = a.HukouAtHome,
            PropertyAtHome = a.PropertyAtHome,
            HasResidencePermit = a.HasResidencePermit,
            ResidencePermitYears = a.ResidencePermitYears.ToString(CultureInfo.InvariantCulture),
            InsuranceMonths = a.InsuranceMonths.ToString(CultureInfo.InvariantCulture),
            PolicyCare = a.PolicyCare,
            PrivateChoice = choices.Where(c => privates.Contains(c.SchoolId)).Select(c => c.SchoolId.ToString(CultureInfo.InvariantCulture)).FirstOrDefault(),
        };
    }

    /// <summary>Why a child has a seat the district gave by 统筹: the school, and how far it is from home when known.</summary>
    private string Coordinated(Application a, Dictionary<int, string> names)
    {
        var school = a.OfferSchoolId is int o ? names.GetValueOrDefault(o, "?") : "?";
        return a.OfferDistanceKm is double km
            ? string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Coordination.ExplanationKm"], school, km)
            : string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Coordination.Explanation"], school);
    }

    /// <summary>Starts (<paramref name="id"/> null) or changes a draft or returned application. Nothing is written on error.</summary>
    public async Task<Outcome<long>> SaveAsync(long? id, ApplicationForm form, CancellationToken ct = default)
    {
        var parent = Parent;
        var now = clock.GetUtcNow();
        Application? application = null;
        if (id is long existing)
        {
            application = await db.Applications.FirstOrDefaultAsync(x => x.Id == existing && x.ParentAccountId == parent, ct);
            if (application is null)
            {
                return Outcome<long>.NotFound(t["Apply.NotFound"]);
            }
            if (!application.FamilyMayEdit)
            {
                return Outcome<long>.Conflict(t["Apply.NotEditable"]);
            }
            form.SeasonId = application.SeasonId;
        }
        var prepared = await PrepareAsync(application, form, now, ct);
        if (prepared.Value is not { } ready)
        {
            return new Outcome<long>(prepared.Kind, 0, prepared.Errors, prepared.Message);
        }
        application = ready.Application;
        var isNew = application.Id == 0;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (isNew)
        {
            db.Applications.Add(application);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return AlreadyApplied<long>(application);
        }
        if (isNew)
        {
            application.Number = NumberOf(ready.Season, application.Id);
        }
        await db.Choices.Where(c => c.ApplicationId == application.Id).ExecuteDeleteAsync(ct);
        db.Choices.AddRange(ready.Choices.Select((school, i) => new ApplicationChoice { ApplicationId = application.Id, Rank = i + 1, SchoolId = school }));
        db.Events.Add(new ApplicationEvent { ApplicationId = application.Id, At = now, Kind = isNew ? "created" : "saved", Actor = "family" });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<long>.Ok(application.Id);
    }

    /// <summary>
    /// A new application submitted at once (the API's one call): the application, its choices, its events and the record
    /// <paramref name="recordOf"/> makes of the answer (the request's <c>Idempotency-Key</c>) are written in one
    /// transaction, so an acknowledged submission is never without its key, nor a key without its application. A child
    /// already applied for in the season is a conflict on <c>residentId</c> (or <c>documentNumber</c>): the database's
    /// unique index decides, so two racing requests cannot both win.
    /// </summary>
    public async Task<Outcome<SubmittedApplication>> SubmitNewAsync(
        ApplicationForm form, Func<SubmittedApplication, IdempotencyRecord> recordOf, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var prepared = await PrepareAsync(null, form, now, ct);
        if (prepared.Value is not { } ready)
        {
            return new Outcome<SubmittedApplication>(prepared.Kind, null, prepared.Errors, prepared.Message);
        }
        if (ready.Choices.Count == 0 && ready.Season.Mechanism == SeasonMechanism.PrivateByLottery)
        {
            return Outcome<SubmittedApplication>.Invalid(new InputErrors().Add("privateChoice", t["Apply.ChooseSchool"]));
        }
        var application = ready.Application;
        application.Status = ApplicationStatus.Submitted;
        application.SubmittedAt = now;

        // On PostgreSQL the id comes from a block drawn ahead (hi/lo): the submission is complete before it is written,
        // and is written with whatever else is waiting (group commit). On SQLite the row's id comes from its insert.
        if (db.Database.IsNpgsql())
        {
            await db.Applications.AddAsync(application, ct);
            db.Entry(application).State = EntityState.Detached;
            var (choices, submittedEvent, submitted) = Complete(application, ready, now);
            return await batches.WriteAsync(application, choices, submittedEvent, recordOf(submitted), access.Current)
                ? Outcome<SubmittedApplication>.Ok(submitted)
                : AlreadyApplied<SubmittedApplication>(application);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Applications.Add(application);
        try
        {
            await db.SaveChangesAsync(ct);
            var (choices, submittedEvent, submitted) = Complete(application, ready, now);
            db.Choices.AddRange(choices);
            db.Events.Add(submittedEvent);
            db.IdempotencyKeys.Add(recordOf(submitted));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Outcome<SubmittedApplication>.Ok(submitted);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The child's season index, or (another node took the same key first) the key's: the caller looks the key up.
            return AlreadyApplied<SubmittedApplication>(application);
        }
    }

    /// <summary>What a submission writes besides the application, once the application has its id: its number, choices and event.</summary>
    private static (List<ApplicationChoice> Choices, ApplicationEvent Event, SubmittedApplication Submitted) Complete(
        Application application, Prepared ready, DateTimeOffset now)
    {
        application.Number = NumberOf(ready.Season, application.Id);
        var choices = ready.Choices.Select((school, i) => new ApplicationChoice { ApplicationId = application.Id, Rank = i + 1, SchoolId = school }).ToList();
        var submittedEvent = new ApplicationEvent { ApplicationId = application.Id, At = now, Kind = "submitted", Actor = "family" };
        return (choices, submittedEvent, new SubmittedApplication(application.Id, application.Number, application.SeasonId, now));
    }

    private static string NumberOf(PublicSeason season, long id) => $"{season.Code}-{id.ToString("D6", CultureInfo.InvariantCulture)}";

    private Outcome<T> AlreadyApplied<T>(Application application) =>
        Outcome<T>.Conflict(application.ResidentId is null ? "documentNumber" : "residentId", t["Apply.AlreadyApplied"]);

    /// <summary>An application a form makes, checked and placed in its zone, with its choices in order; nothing is saved.</summary>
    private sealed record Prepared(Application Application, PublicSeason Season, List<int> Choices);

    private async Task<Outcome<Prepared>> PrepareAsync(Application? application, ApplicationForm form, DateTimeOffset now, CancellationToken ct)
    {
        var snapshot = await seasons.SnapshotAsync(form.SeasonId, ct);
        if (snapshot is null)
        {
            return Outcome<Prepared>.Invalid(new InputErrors().Add("seasonId", t["Apply.NoSeason"]));
        }
        var season = snapshot.Season;
        if (Window(season, now) is { } closed)
        {
            return Outcome<Prepared>.Invalid(new InputErrors().Add("seasonId", closed));
        }
        var errors = new InputErrors();
        var values = Read(form, season, now, errors);
        if (errors.Any)
        {
            return Outcome<Prepared>.Invalid(errors);
        }
        var zone = snapshot.Zones.Find(values.HomeCompound, values.HomeStreet, values.HomeNumber);
        application ??= new Application
        {
            SeasonId = season.Id,
            ParentAccountId = Parent,
            Status = ApplicationStatus.Draft,
            CreatedAt = now,
            Number = Guid.NewGuid().ToString("N"), // replaced by the season code and id once the row has its id
        };
        Copy(values, application);
        application.ChildKey = db.FieldEncryption.Index($"{application.DocumentType}:{application.ResidentId ?? application.DocumentNumber}")!;
        application.ZoneSchoolId = zone.SchoolId;
        // Where the home is, as far as the zone list knows it: 统筹 places a child the allocation could not by distance.
        (application.HomeLatitude, application.HomeLongitude) = (zone.Line?.Latitude, zone.Line?.Longitude);
        var choices = new List<int>();
        if (values.PrivateChoice is int chosen)
        {
            choices.Add(chosen);
        }
        if (season.Mechanism != SeasonMechanism.PrivateByLottery && zone.SchoolId is int zoneSchool && season.Schools.Any(s => s.SchoolId == zoneSchool))
        {
            choices.Add(zoneSchool);
        }
        // The review unit: the zone school, else the private school chosen, else the district's manual queue.
        application.OrgUnitId = zone.SchoolId ?? values.PrivateChoice ?? season.BureauId;
        var facts = Categories.Compute(season.Categories, season.PointsRules, FamilyFacts.Of(application), English);
        application.CategoryId = facts.Category?.Id;
        application.Points = facts.Points;
        application.UpdatedAt = now;
        application.Revision++;
        return Outcome<Prepared>.Ok(new Prepared(application, season, choices));
    }

    /// <summary>Submits a draft (or a returned application, changed) for review, before the window closes.</summary>
    public async Task<Outcome<long>> SubmitAsync(long id, CancellationToken ct = default)
    {
        var parent = Parent;
        var now = clock.GetUtcNow();
        var application = await db.Applications.FirstOrDefaultAsync(x => x.Id == id && x.ParentAccountId == parent, ct);
        if (application is null || await seasons.FindAsync(application.SeasonId, ct) is not { } season)
        {
            return Outcome<long>.NotFound(t["Apply.NotFound"]);
        }
        if (Window(season, now) is { } closed)
        {
            return Outcome<long>.Conflict(closed);
        }
        if (!application.FamilyMayEdit)
        {
            return Outcome<long>.Conflict(t["Apply.NotEditable"]);
        }
        if (!await db.Choices.AnyAsync(c => c.ApplicationId == id, ct) && season.Mechanism == SeasonMechanism.PrivateByLottery)
        {
            return Outcome<long>.Invalid(new InputErrors().Add("privateChoice", t["Apply.ChooseSchool"]));
        }
        var returned = application.Status == ApplicationStatus.Returned;
        application.Status = ApplicationStatus.Submitted;
        application.SubmittedAt = now;
        application.UpdatedAt = now;
        application.Revision++;
        db.Events.Add(new ApplicationEvent { ApplicationId = id, At = now, Kind = returned ? "resubmitted" : "submitted", Actor = "family" });
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(id);
    }

    /// <summary>Accepts or declines the offered place before its deadline; either is final.</summary>
    public async Task<Outcome<long>> AnswerOfferAsync(long id, bool accept, CancellationToken ct = default)
    {
        var parent = Parent;
        var now = clock.GetUtcNow();
        var application = await db.Applications.FirstOrDefaultAsync(x => x.Id == id && x.ParentAccountId == parent, ct);
        if (application is null)
        {
            return Outcome<long>.NotFound(t["Apply.NotFound"]);
        }
        if (application.Status != ApplicationStatus.Offered)
        {
            return Outcome<long>.Conflict(t["Offer.NoOffer"]);
        }
        if (application.OfferDeadline is { } deadline && now > deadline)
        {
            return Outcome<long>.Conflict(string.Format(CultureInfo.CurrentCulture, t["Offer.Late"], SeasonText.Local(deadline)));
        }
        application.Status = accept ? ApplicationStatus.Accepted : ApplicationStatus.Declined;
        application.UpdatedAt = now;
        application.Revision++;
        db.Events.Add(new ApplicationEvent { ApplicationId = id, At = now, Kind = accept ? "accepted" : "declined", Actor = "family" });
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(id);
    }

    /// <summary>The shortest and longest reason a family gives for a review request.</summary>
    public const int AppealReasonMin = 5, AppealReasonMax = 1000;

    /// <summary>
    /// Asks the bureau for a review (复核) of a published result, with a reason, within the season's days after
    /// publication: an offer, a child placed nowhere, or a refusal. Once per application; the bureau answers.
    /// </summary>
    public async Task<Outcome<long>> AppealAsync(long id, string? reason, CancellationToken ct = default)
    {
        var parent = Parent;
        var now = clock.GetUtcNow();
        var application = await db.Applications.FirstOrDefaultAsync(x => x.Id == id && x.ParentAccountId == parent, ct);
        if (application is null || await seasons.FindAsync(application.SeasonId, ct) is not { } season)
        {
            return Outcome<long>.NotFound(t["Apply.NotFound"]);
        }
        if (season.AppealsCloseAt is not { } closes)
        {
            return Outcome<long>.Conflict(t["Appeal.NotPublished"]);
        }
        if (now >= closes)
        {
            return Outcome<long>.Conflict(string.Format(CultureInfo.CurrentCulture, t["Appeal.Late"], SeasonText.Local(closes)));
        }
        if (application.AppealStatus != AppealStatus.None)
        {
            return Outcome<long>.Conflict(t["Appeal.Already"]);
        }
        if (!MayAskForReview(application.Status))
        {
            return Outcome<long>.Conflict(t["Appeal.NotThisStatus"]);
        }
        var text = reason?.Trim() ?? "";
        if (text.Length is < AppealReasonMin or > AppealReasonMax)
        {
            return Outcome<long>.Invalid(new InputErrors().Add("appealReason",
                string.Format(CultureInfo.CurrentCulture, t["Appeal.ReasonLength"], AppealReasonMin, AppealReasonMax)));
        }
        application.AppealStatus = AppealStatus.Pending;
        application.AppealReason = text;
        application.AppealedAt = now;
        application.UpdatedAt = now;
        application.Revision++;
        db.Events.Add(new ApplicationEvent { ApplicationId = id, At = now, Kind = "appealed", Actor = "family", Note = text });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<long>.Conflict(t["Appeal.Changed"]);
        }
        return Outcome<long>.Ok(id);
    }

    /// <summary>The published results a family may ask to have reviewed: an offer, no place, or a refusal.</summary>
    private static bool MayAskForReview(ApplicationStatus status) =>
        status is ApplicationStatus.Offered or ApplicationStatus.Unplaced or ApplicationStatus.Refused;

    /// <summary>Why the season takes no application now (naming the time, China time), or null while it is open.</summary>
    private string? Window(PublicSeason season, DateTimeOffset now) =>
        now < season.OpensAt ? string.Format(CultureInfo.CurrentCulture, t["Apply.NotOpen"], SeasonText.Local(season.OpensAt))
        : now >= season.ClosesAt ? string.Format(CultureInfo.CurrentCulture, t["Apply.Closed"], SeasonText.Local(season.ClosesAt))
        : null;


    private sealed record Values(
        string ChildName, string DocumentType, string? ResidentId, string? DocumentNumber, DateOnly BirthDate, string GenderCode, string GuardianName,
        string? HomeCompound, string? HomeStreet, int? HomeNumber, string? HomeDetail, bool HukouAtHome, bool PropertyAtHome,
        bool HasResidencePermit, int ResidencePermitYears, int InsuranceMonths, string? PolicyCare, int? PrivateChoice);

    private Values Read(ApplicationForm form, PublicSeason season, DateTimeOffset now, InputErrors errors)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(Beijing).DateTime);
        var childName = Text(form.ChildName, "childName", 64, required: true, errors);
        var guardianName = Text(form.GuardianName, "guardianName", 64, required: true, errors);
        var documentType = string.IsNullOrWhiteSpace(form.DocumentType) ? ChildDocuments.ResidentId : form.DocumentType.Trim();
        string? residentId = null;
        string? documentNumber = null;
        var birth = default(DateOnly);
        var gender = "";
        if (documentType == ChildDocuments.ResidentId)
        {
            var check = ResidentId.Validate(form.ResidentId, today);
            if (!check.IsValid)
            {
                errors.Add("residentId", kernelText[$"ResidentId.{check.Error}"]);
            }
            else
            {
                residentId = check.Normalized;
                birth = check.BirthDate!.Value;
                gender = check.GenderCode!.Value.ToString(CultureInfo.InvariantCulture);
            }
        }
        else if (ChildDocuments.Others.Contains(documentType))
        {
            documentNumber = Text(form.DocumentNumber, "documentNumber", 40, required: true, errors);
            if (!DateOnly.TryParseExact(form.BirthDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birth))
            {
                errors.Add("birthDate", t["Apply.BirthDate"]);
            }
            gender = form.GenderCode?.Trim() ?? "";
            if (gender is not ("1" or "2"))
            {
                errors.Add("genderCode", t["Apply.Gender"]);
            }
        }
        else
        {
            errors.Add("documentType", t["Apply.DocumentType"]);
        }
        if (birth != default && (birth < season.BornFrom || birth > season.BornTo))
        {
            errors.Add(documentType == ChildDocuments.ResidentId ? "residentId" : "birthDate",
                string.Format(CultureInfo.CurrentCulture, t["Apply.Age"], birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    season.BornFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), season.BornTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        var compound = Text(form.HomeCompound, "homeCompound", 100, required: false, errors);
        var street = Text(form.HomeStreet, "homeStreet", 100, required: false, errors);
        var number = Number(form.HomeNumber, "homeNumber", 0, 99_999, errors);
        if (compound is null && (street is null || number is null))
        {
            errors.Add("homeCompound", t["Apply.Address"]);
        }
        var detail = Text(form.HomeDetail, "homeDetail", 200, required: false, errors);
        var permitYears = Number(form.ResidencePermitYears, "residencePermitYears", 0, 50, errors) ?? 0;
        var insurance = Number(form.InsuranceMonths, "insuranceMonths", 0, 600, errors) ?? 0;
        var care = Text(form.PolicyCare, "policyCare", 200, required: false, errors);
        int? privateChoice = null;
        if (!string.IsNullOrWhiteSpace(form.PrivateChoice))
        {
            if (int.TryParse(form.PrivateChoice, NumberStyles.None, CultureInfo.InvariantCulture, out var school)
                && season.Mechanism != SeasonMechanism.PublicByZone
                && season.Schools.Any(s => s.SchoolId == school && s.IsPrivate))
            {
                privateChoice = school;
            }
            else
            {
                errors.Add("privateChoice", t["Apply.PrivateChoice"]);
            }
        }
        return new Values(childName ?? "", documentType, residentId, documentNumber, birth, gender, guardianName ?? "", compound, street, number, detail,
            form.HukouAtHome, form.PropertyAtHome, form.HasResidencePermit, form.HasResidencePermit ? permitYears : 0, insurance, care, privateChoice);
    }

    private static void Copy(Values v, Application a)
    {
        a.ChildName = v.ChildName;
        a.DocumentType = v.DocumentType;
        a.ResidentId = v.ResidentId;
        a.DocumentNumber = v.DocumentNumber;
        a.BirthDate = v.BirthDate;
        a.GenderCode = v.GenderCode;
        a.GuardianName = v.GuardianName;
        a.HomeCompound = v.HomeCompound;
        a.HomeStreet = v.HomeStreet;
        a.HomeNumber = v.HomeNumber;
        a.HomeDetail = v.HomeDetail;
        a.HukouAtHome = v.HukouAtHome;
        a.PropertyAtHome = v.PropertyAtHome;
        a.HasResidencePermit = v.HasResidencePermit;
        a.ResidencePermitYears = v.ResidencePermitYears;
        a.InsuranceMonths = v.InsuranceMonths;
        a.PolicyCare = v.PolicyCare;
    }

    private string? Text(string? value, string field, int max, bool required, InputErrors errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(field, t["Apply.Required"]);
            }
            return null;
        }
        if (text.Length > max)
        {
            errors.Add(field, string.Format(CultureInfo.CurrentCulture, t["Apply.TooLong"], max));
        }
        return text;
    }

    private int? Number(string? value, string field, int min, int max, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }
        errors.Add(field, string.Format(CultureInfo.CurrentCulture, t["Apply.NumberRange"], min, max));
        return null;
    }
}
