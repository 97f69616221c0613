using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Resources;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;
using Qedu.Kernel.Localization;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Admissions.Features.Verification;

/// <summary>What an import did, or (when the file was refused) every problem found in it; nothing is written then.</summary>
internal sealed record ImportResult(VerificationImport? Import, IReadOnlyList<FileProblem> Problems);

/// <summary>A past import as the page lists it.</summary>
internal sealed record ImportRow(
    long Id, VerificationKind Kind, string FileName, string FileHash, int Rows, int Verified, int Mismatched, int NotFound,
    DateTimeOffset ImportedAt, string ImportedBy);

/// <summary>
/// A district imports another agency's exchange file (户籍 from public security, property from housing, insurance months
/// from human resources) for one season: every row is checked first, then each row naming a child whose application is
/// under review or placed (submitted, returned, approved, offered) verifies or flags the fact it is about. The file
/// goes to the kernel's file store by hash; the import row, the changed applications (their checks, category and
/// points) and an event on each changed application are written in one transaction. Only admissions.manage holders
/// whose scope holds the season's bureau import.
/// </summary>
internal sealed class ExchangeFileImport(
    AdmissionsDb db, SeasonRules rules, ICurrentAccess access, SeasonManagers managers, IFileStore files, WorkFiles work, TimeProvider clock,
    IStringLocalizer<AdmissionsText> t, IStringLocalizer<KernelText> kernelText)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public Task<bool> MayImportAsync(PublicSeason season, CancellationToken ct = default) =>
        managers.MayManageAsync(season, ct);

    public async Task<IReadOnlyList<ImportRow>> PastAsync(long seasonId, CancellationToken ct = default) =>
        await db.VerificationImports.AsNoTracking().Where(i => i.SeasonId == seasonId).OrderByDescending(i => i.Id)
            .Select(i => new ImportRow(i.Id, i.Kind, i.FileName, i.FileHash, i.Rows, i.Verified, i.Mismatched, i.NotFound, i.ImportedAt, i.ImportedBy))
            .ToListAsync(ct);

    /// <summary>Imports <paramref name="content"/> (the whole file) as a file of <paramref name="kind"/> for the season.</summary>
    public async Task<Outcome<ImportResult>> ImportAsync(long seasonId, VerificationKind kind, string? fileName, byte[]? content, CancellationToken ct = default)
    {
        if (await rules.FindAsync(seasonId, ct) is not { } season)
        {
            return Outcome<ImportResult>.NotFound(t["Apply.NoSeason"]);
        }
        if (!await MayImportAsync(season, ct))
        {
            return Outcome<ImportResult>.Forbidden(t["Verify.NotYours"]);
        }
        if (content is null || content.Length == 0)
        {
            return Outcome<ImportResult>.Invalid(new InputErrors().Add("file", t["Verify.NoFile"]));
        }
        if (content.Length > ExchangeFile.MaxBytes)
        {
            return Outcome<ImportResult>.Invalid(new InputErrors().Add("file", string.Format(CultureInfo.CurrentCulture, t["Verify.TooLarge"], ExchangeFile.MaxBytes / 1024 / 1024)));
        }
        var now = clock.GetUtcNow();
        // The kernel's table reader reads from disk (a scratch file, gone after reading).
        var path = work.NewPath(".csv");
        IReadOnlyList<ExchangeRow> rows;
        IReadOnlyList<FileProblem> problems;
        try
        {
            await using (var file = WorkFiles.Create(path))
            {
                await file.WriteAsync(content, ct);
            }
            (rows, problems) = ExchangeFile.Read(
                path, kind, DateOnly.FromDateTime(now.ToOffset(Beijing).DateTime),
                (key, values) => string.Format(CultureInfo.CurrentCulture, t[key], values),
                error => kernelText[$"ResidentId.{error}"]);
        }
        finally
        {
            File.Delete(path);
        }
        if (problems.Count > 0)
        {
            return Outcome<ImportResult>.Ok(new ImportResult(null, problems));
        }

        var keys = rows.ToDictionary(r => db.FieldEncryption.Index($"{ChildDocuments.ResidentId}:{r.ResidentId}")!, StringComparer.Ordinal);
        var applications = new List<Application>();
        // Chunks keep the IN list within every database's parameter limit.
        foreach (var chunk in keys.Keys.Chunk(500))
        {
            applications.AddRange(await db.Applications
                .Where(a => a.SeasonId == seasonId && chunk.Contains(a.ChildKey)
                    // Not drafts (the family is still typing), nor refused or closed applications.
                    && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Returned
                        || a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Offered))
                .ToListAsync(ct));
        }
        var actor = access.Current.ActorName ?? "";
        var import = new VerificationImport
        {
            SeasonId = seasonId, OrgUnitId = season.BureauId, Kind = kind, FileName = Name(fileName), Rows = rows.Count,
            NotFound = rows.Count - applications.Count, ImportedAt = now, ImportedBy = actor,
        };
        foreach (var a in applications)
        {
            var row = keys[a.ChildKey];
            var check = Check(kind, row, a);
            if (check == FactCheck.Verified)
            {
                import.Verified++;
            }
            else
            {
                import.Mismatched++;
            }
            var changed = kind switch
            {
                VerificationKind.Hukou => a.HukouCheck != check,
                VerificationKind.Property => a.PropertyCheck != check,
                _ => a.InsuranceCheck != check || a.AgencyInsuranceMonths != row.Months,
            };
            a.CheckedAt = now;
            if (!changed)
            {
                continue;
            }
            switch (kind)
            {
                case VerificationKind.Hukou:
                    a.HukouCheck = check;
                    break;
                case VerificationKind.Property:
                    a.PropertyCheck = check;
                    break;
                default:
                    a.InsuranceCheck = check;
                    a.AgencyInsuranceMonths = row.Months;
                    break;
            }
            var facts = Categories.Compute(season.Categories, season.PointsRules, FamilyFacts.Of(a), english: false);
            a.CategoryId = facts.Category?.Id;
            a.Points = facts.Points;
            a.UpdatedAt = now;
            a.Revision++;
            db.Events.Add(new ApplicationEvent
            {
                ApplicationId = a.Id, At = now, Actor = actor, Kind = check == FactCheck.Verified ? "verified" : "flagged",
                Note = Note(kind, check, a),
            });
        }

        var stored = await files.PutAsync(new MemoryStream(content, writable: false), ct);
        import.FileHash = stored.Hash;
        db.VerificationImports.Add(import);
        try
        {
            // One SaveChanges: the import, the applications and their events land together or not at all.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ImportResult>.Conflict(t["Verify.Changed"]);
        }
        return Outcome<ImportResult>.Ok(new ImportResult(import, []));
    }

    /// <summary>
    /// 户籍 and property: the agency's address names the home exactly when the family said the fact holds. Insurance:
    /// the agency's months equal the stated months.
    /// </summary>
    private static FactCheck Check(VerificationKind kind, ExchangeRow row, Application a)
    {
        var agrees = kind switch
        {
            VerificationKind.Hukou => ExchangeFile.NamesHome(row.Address!, a) == a.HukouAtHome,
            VerificationKind.Property => ExchangeFile.NamesHome(row.Address!, a) == a.PropertyAtHome,
            _ => row.Months == a.InsuranceMonths,
        };
        return agrees ? FactCheck.Verified : FactCheck.Mismatch;
    }

    /// <summary>The event's note, in Chinese (the family and the officers read the same history).</summary>
    private static string Note(VerificationKind kind, FactCheck check, Application a) => kind switch
    {
        VerificationKind.Hukou => check == FactCheck.Verified ? "户籍（公安数据）一致" : "户籍（公安数据）与填报不一致",
        VerificationKind.Property => check == FactCheck.Verified ? "房产（住建数据）一致" : "房产（住建数据）与填报不一致",
        _ => string.Create(CultureInfo.InvariantCulture, $"社保（人社数据）{a.AgencyInsuranceMonths} 个月，填报 {a.InsuranceMonths} 个月"),
    };

    private static string Name(string? fileName)
    {
        var name = Path.GetFileName(fileName?.Trim() ?? "");
        return name.Length == 0 ? "exchange.csv" : name.Length > 200 ? name[..200] : name;
    }
}
