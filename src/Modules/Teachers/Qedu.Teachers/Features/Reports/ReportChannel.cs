using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Files;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Secrets;
using Qedu.Kernel.Web;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Resources;
using Qedu.Teachers.Rules;

namespace Qedu.Teachers.Features.Reports;

/// <summary>A report as the public form sends it: kind (PaidTutoring, Misconduct), the school and teacher as the reporter names them, what happened, a contact (optional).</summary>
internal sealed record NewReport(string? Kind, string? School, string? Teacher, string? Text, string? Contact);

/// <summary>A file sent with a report or an addition: its name as sent, its length and its bytes (read from the start).</summary>
internal sealed record ReportUpload(string? FileName, long Length, Stream Content);

/// <summary>What the reporter takes away: the case number and the secret to follow it, shown once and never again.</summary>
internal sealed record FiledReport(string Number, string Secret, DateOnly ReceivedOn);

/// <summary>A line the reporter sees: their own additions and the handlers' replies, never internal notes or names.</summary>
internal sealed record PublicEntry(DateTimeOffset At, bool FromReporter, string Text);

/// <summary>A case as its reporter follows it.</summary>
internal sealed record ReportStatus(string Number, string Kind, string State, DateOnly ReceivedOn, string? Conclusion, string? PublicConclusion,
    IReadOnlyList<PublicEntry> Entries, int Files);

/// <summary>
/// The public report channel (教师有偿补课举报): anyone files a report without signing in and follows it with the case
/// number and the secret they were shown once. Every write runs as the channel's procedure (the reporter holds no grant),
/// each audit line naming the anonymous caller and address; the case goes to the district of the school named (the
/// city when no school matches), with its working-day limits fixed at receipt. The contact is encrypted into a table of
/// its own. A wrong number and a wrong secret get the same answer.
/// </summary>
internal sealed class ReportChannel(
    IServiceScopeFactory scopes, ICurrentAccess access, WorkingCalendar calendar, TeacherRules rules, IFileStore files, FieldEncryption encryption,
    TimeProvider clock, IStringLocalizer<TeachersText> t, IHttpContextAccessor http)
{
    public const int MaxText = 2_000;
    public const int MinText = 10;
    public const int MaxContact = 60;
    public const int MaxFiles = 5;
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxAdditions = 20;

    /// <summary>The multipart body of a report: its files and a little form.</summary>
    public const long MaxRequestBytes = MaxFiles * MaxFileBytes + 64 * 1024;

    private static readonly AccessContext Procedure = AccessContext.System("teacher-reports");

    public async Task<Outcome<FiledReport>> FileAsync(NewReport input, IReadOnlyList<ReportUpload> uploads, CancellationToken ct)
    {
        var errors = new InputErrors();
        var kind = EnumNames.ParseName<ReportKind>(input.Kind);
        if (kind is null)
        {
            errors.Add("kind", t["Report.Kind"]);
        }
        var school = input.School?.Trim() ?? "";
        if (school.Length is 0 or > 100)
        {
            errors.Add("school", t["Report.School"]);
        }
        var teacher = input.Teacher?.Trim() is { Length: > 0 } named ? named : null;
        if (teacher is { Length: > 50 })
        {
            errors.Add("teacher", t["Report.Teacher"]);
        }
        var text = CheckText(input.Text, "text", errors);
        var contact = input.Contact?.Trim() is { Length: > 0 } c ? c : null;
        if (contact is { Length: > MaxContact })
        {
            errors.Add("contact", t["Report.Contact", MaxContact]);
        }
        var checks = await CheckFilesAsync(uploads, 0, errors, ct);
        if (errors.Any)
        {
            return Outcome<FiledReport>.Invalid(errors);
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(Procedure);
        var db = scope.ServiceProvider.GetRequiredService<TeachersDb>();
        var tree = scope.ServiceProvider.GetRequiredService<OrgTree>();
        var (schoolId, handlerId) = await RouteAsync(tree, school, ct);
        var now = clock.GetUtcNow();
        var today = CityDate.Of(now);
        var days = await calendar.CurrentAsync(ct);
        var secret = SecretCodes.NewCode();
        var report = new ReportCase
        {
            OrgUnitId = handlerId, Number = NewNumber(today), SecretHash = SecretCodes.Hash(secret), Kind = kind!.Value, SchoolId = schoolId, SchoolText = school,
            TeacherText = teacher, Text = text!, State = ReportState.Received, ReceivedAt = now, ReceivedOn = today,
            AcknowledgeBy = days.AddWorkingDays(today, rules.ReportAcknowledgeWorkingDays), InvestigateBy = days.AddWorkingDays(today, rules.ReportInvestigateWorkingDays),
            ConcludeBy = days.AddWorkingDays(today, rules.ReportConcludeWorkingDays), HasContact = contact is not null,
        };
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        AuditInterceptor.OnBehalfOf(report, access.Current, address);
        db.Reports.Add(report);
        await SaveNumberedAsync(db, report, today, ct);
        if (contact is not null)
        {
            var sealedContact = new ReportContact { CaseId = report.Id, OrgUnitId = handlerId, Encrypted = encryption.Encrypt(contact) };
            AuditInterceptor.OnBehalfOf(sealedContact, access.Current, address);
            db.ReportContacts.Add(sealedContact);
        }
        await StoreFilesAsync(db, report, uploads, checks, address, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<FiledReport>.Ok(new FiledReport(report.Number, SecretCodes.Display(secret), today));
    }

    /// <summary>The case as its reporter sees it; not found for a wrong number or secret alike.</summary>
    public async Task<Outcome<ReportStatus>> StatusAsync(string? number, string? secret, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(Procedure);
        var db = scope.ServiceProvider.GetRequiredService<TeachersDb>();
        return await FindAsync(db, number, secret, ct) is { } report ? Outcome<ReportStatus>.Ok(await StatusOfAsync(db, report, ct)) : NotFound<ReportStatus>();
    }

    /// <summary>The reporter adds to an open case (more of what happened, more files); refused once it is concluded.</summary>
    public async Task<Outcome<ReportStatus>> AddAsync(string? number, string? secret, string? text, IReadOnlyList<ReportUpload> uploads, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(Procedure);
        var db = scope.ServiceProvider.GetRequiredService<TeachersDb>();
        var report = await FindAsync(db, number, secret, ct);
        if (report is null)
        {
            return NotFound<ReportStatus>();
        }
        if (report.State == ReportState.Concluded)
        {
            return Outcome<ReportStatus>.Conflict(t["Report.Concluded"]);
        }
        var errors = new InputErrors();
        var addition = CheckText(text, "text", errors);
        if (await db.ReportEntries.CountAsync(e => e.CaseId == report.Id && e.FromReporter, ct) >= MaxAdditions)
        {
            errors.Add("text", t["Report.TooManyAdditions", MaxAdditions]);
        }
        var checks = await CheckFilesAsync(uploads, await db.ReportFiles.CountAsync(f => f.CaseId == report.Id, ct), errors, ct);
        if (errors.Any)
        {
            return Outcome<ReportStatus>.Invalid(errors);
        }
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entry = new ReportEntry { CaseId = report.Id, OrgUnitId = report.OrgUnitId, At = clock.GetUtcNow(), FromReporter = true, Text = addition!, Public = true };
        AuditInterceptor.OnBehalfOf(entry, access.Current, address);
        db.ReportEntries.Add(entry);
        await StoreFilesAsync(db, report, uploads, checks, address, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<ReportStatus>.Ok(await StatusOfAsync(db, report, ct));
    }

    /// <summary>The names of the city's open schools, for the form's suggestions (public facts).</summary>
    public async Task<IReadOnlyList<string>> SchoolNamesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(Procedure);
        var tree = scope.ServiceProvider.GetRequiredService<OrgTree>();
        return [.. (await tree.OfKindAsync([OrgUnitKind.School], null, ct)).Where(s => s.ClosedOn is null).Select(s => s.Name).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>The school whose name (or 学校标识码) the reporter wrote, and the district above it; the city when none matches.</summary>
    private static async Task<(int? School, int Handler)> RouteAsync(OrgTree tree, string written, CancellationToken ct)
    {
        var schools = (await tree.OfKindAsync([OrgUnitKind.School], null, ct)).Where(s => s.ClosedOn is null).ToList();
        var match = schools.Where(s => s.Code == written || s.Name == written).ToList();
        if (match is [var school] && await tree.NearestAboveAsync(school.Id, [OrgUnitKind.District], ct) is { } district)
        {
            return (school.Id, district.Id);
        }
        // The instance's own city: a deployment holds one (the first made; a neighbour's added later is not its channel's).
        var city = (await tree.OfKindAsync([OrgUnitKind.City], null, ct)).OrderBy(c => c.Id).FirstOrDefault()
            ?? throw new InvalidOperationException("The report channel needs a city to route reports to.");
        return (match is [var only] ? only.Id : null, city.Id);
    }

    private static async Task<ReportCase?> FindAsync(TeachersDb db, string? number, string? secret, CancellationToken ct)
    {
        var code = SecretCodes.Normalise(secret);
        var wanted = ReportNumbers.Normalise(number);
        if (code is null || wanted is null)
        {
            return null;
        }
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Number == wanted, ct);
        // Compared in constant time: how long a wrong secret takes says nothing about how close it came.
        return report is not null && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(report.SecretHash), Convert.FromHexString(SecretCodes.Hash(code)))
            ? report : null;
    }

    private static async Task<ReportStatus> StatusOfAsync(TeachersDb db, ReportCase report, CancellationToken ct)
    {
        var entries = await db.ReportEntries.AsNoTracking().Where(e => e.CaseId == report.Id && e.Public).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new PublicEntry(e.At, e.FromReporter, e.Text)).ToListAsync(ct);
        var fileCount = await db.ReportFiles.CountAsync(f => f.CaseId == report.Id, ct);
        return new ReportStatus(report.Number, report.Kind.ToString(), report.State.ToString(), report.ReceivedOn, report.Conclusion?.ToString(),
            report.PublicConclusion, entries, fileCount);
    }

    private string? CheckText(string? value, string field, InputErrors errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length is >= MinText and <= MaxText)
        {
            return text;
        }
        errors.Add(field, t["Report.Text", MinText, MaxText]);
        return null;
    }

    private async Task<List<FileCheck>> CheckFilesAsync(IReadOnlyList<ReportUpload> uploads, int already, InputErrors errors, CancellationToken ct)
    {
        var checks = new List<FileCheck>(uploads.Count);
        if (already + uploads.Count > MaxFiles)
        {
            errors.Add("files", t["Report.TooManyFiles", MaxFiles]);
            return checks;
        }
        foreach (var upload in uploads)
        {
            var check = FileKinds.Check(await FileKinds.ReadHeadAsync(upload.Content, ct), upload.Length, FileKinds.ScansAndPictures, MaxFileBytes, upload.FileName);
            if (!check.IsAccepted)
            {
                errors.Add("files", t[$"Report.File.{check.Problem}", FileKinds.CleanName(upload.FileName), MaxFileBytes / 1024 / 1024]);
            }
            checks.Add(check);
        }
        return checks;
    }

    private async Task StoreFilesAsync(TeachersDb db, ReportCase report, IReadOnlyList<ReportUpload> uploads, List<FileCheck> checks, string? address,
        CancellationToken ct)
    {
        for (var i = 0; i < uploads.Count; i++)
        {
            // The head was read for the check; the whole file is stored from its start.
            uploads[i].Content.Position = 0;
            var stored = await files.PutAsync(uploads[i].Content, ct);
            var row = new ReportFile
            {
                CaseId = report.Id, OrgUnitId = report.OrgUnitId, Hash = stored.Hash, MediaType = checks[i].Kind!.MediaType,
                FileName = FileKinds.CleanName(uploads[i].FileName), Length = stored.Length, At = clock.GetUtcNow(),
            };
            AuditInterceptor.OnBehalfOf(row, access.Current, address);
            db.ReportFiles.Add(row);
        }
    }

    /// <summary>Saves the new case under a fresh random number, drawing again in the rare case it is taken.</summary>
    private static async Task SaveNumberedAsync(TeachersDb db, ReportCase report, DateOnly today, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 5)
            {
                report.Number = NewNumber(today);
            }
        }
    }

    private static string NewNumber(DateOnly today) => ReportNumbers.New(today.Year);

    private Outcome<T> NotFound<T>() => Outcome<T>.NotFound(t["Report.NotFound"]);
}
