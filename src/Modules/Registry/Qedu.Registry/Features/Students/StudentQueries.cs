using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Api;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;
using Qedu.Registry.Kinds;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Persistence;

namespace Qedu.Registry.Features.Students;

/// <summary>A student's page: the record, where they are, who their guardians are, and where they have been.</summary>
internal sealed record StudentDetail(
    StudentData Student,
    OrgUnit? School,
    string? ClassName,
    IReadOnlyList<GuardianView> Guardians,
    IReadOnlyList<EnrolmentView> Enrolments);

/// <summary>A guardian as pages show them; phone and ID masked as the student's are.</summary>
internal sealed record GuardianView(long Id, string Name, string RelationCode, string? Phone, string? ResidentId, string? Employer);

/// <summary>One stretch of schooling, with the school itself for its name.</summary>
internal sealed record EnrolmentView(long Id, OrgUnit? School, string? ClassName, DateOnly From, DateOnly? To, string? EntryReasonCode, string? ExitReasonCode);

/// <summary>What a student list is narrowed to; every part is optional.</summary>
internal sealed record StudentFilter(int? SchoolId = null, long? ClassId = null, string? Search = null, string? StatusCode = null)
{
    public static bool LooksLikeNumber(string text) => text.Length >= 15 && text.Skip(1).All(c => char.IsAsciiDigit(c) || c == 'X');
}

/// <summary>A page of the student list with what people read beside the record: how many match, school names, classes.</summary>
internal sealed record StudentListing(
    KeysetPage<StudentData> Page,
    int Total,
    bool TotalIsAtLeast,
    IReadOnlyDictionary<string, string> SchoolNames,
    IReadOnlyDictionary<long, (string Name, string GradeCode)> Classes);

/// <summary>Reads students within the caller's scope (the kernel's scope filter applies to every query here).</summary>
internal sealed class StudentQueries(RegistryDb db, OrgTree tree, PersonalDataAccess personalData, ExchangeData shaper)
{
    public const int MaxPageSize = ListParameters.MaxPageSize;

    public Task<KeysetPage<StudentData>> ListAsync(int? schoolId, long? classId, long after, int limit, CancellationToken ct = default) =>
        ListAsync(new StudentFilter(schoolId, classId), after, limit, ct);

    public async Task<KeysetPage<StudentData>> ListAsync(StudentFilter filter, long after, int limit, CancellationToken ct = default)
    {
        var (rows, more) = await Filtered(filter).Where(s => s.Id > after).OrderBy(s => s.Id).TakePageAsync(limit, ct);
        var views = await ViewsAsync(rows, ct);
        return new KeysetPage<StudentData>(views, more ? rows[^1].Id : null);
    }

    /// <summary>The list page's rows with the total that match, their schools' names and their classes' names and grades.</summary>
    /// <summary>
    /// Past this many matches the list says "10,000+" instead of counting them all: an exact count of a city's million
    /// students through the scope filter takes most of a second on every page view, and whoever needs the figure
    /// narrows the list (a school, a class, a name) or reads it on the dashboards.
    /// </summary>
    public const int ExactCountUpTo = 10_000;

    public async Task<StudentListing> ListingAsync(StudentFilter filter, long after, int limit, int countUpTo = ExactCountUpTo, CancellationToken ct = default)
    {
        var (rows, more) = await Filtered(filter).Where(s => s.Id > after).OrderBy(s => s.Id).TakePageAsync(limit, ct);
        // Counting stops one past the cap (a LIMIT inside the count), so a wide scope costs no more than a narrow one.
        var counted = await Filtered(filter).Take(countUpTo + 1).CountAsync(ct);
        var (total, atLeast) = counted > countUpTo ? (countUpTo, true) : (counted, false);
        var views = await ViewsAsync(rows, ct);
        var schools = await tree.UnitsOfAsync(rows.Select(r => r.OrgUnitId).Distinct(), ct);
        var classIds = rows.Select(r => r.ClassId).OfType<long>().Distinct().ToList();
        var classes = await db.Classes.AsNoTracking().Where(c => classIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.GradeCode }).ToDictionaryAsync(c => c.Id, c => (c.Name, c.GradeCode), ct);
        return new StudentListing(new KeysetPage<StudentData>(views, more ? rows[^1].Id : null), total, atLeast,
            schools.Values.ToDictionary(u => u.Code, u => u.DisplayName(CodeBook.IsEnglish)), classes);
    }

    private IQueryable<Student> Filtered(StudentFilter filter)
    {
        var query = db.Students.AsNoTracking();
        if (filter.SchoolId is { } schoolId)
        {
            query = query.Where(s => s.OrgUnitId == schoolId);
        }
        if (filter.ClassId is { } classId)
        {
            query = query.Where(s => s.ClassId == classId);
        }
        if (!string.IsNullOrWhiteSpace(filter.StatusCode))
        {
            query = query.Where(s => s.StatusCode == filter.StatusCode);
        }
        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            // A 学籍号 or resident ID is looked up exactly (both are unique and indexed; the ID by its blind index, as it is
            // encrypted at rest); anything else is a name prefix.
            var upper = search.ToUpperInvariant();
            var index = db.FieldEncryption.Index(upper);
            query = StudentFilter.LooksLikeNumber(upper)
                ? query.Where(s => s.StudentNumber == upper || s.ResidentIdIndex == index)
                : query.Where(s => s.Name.StartsWith(search));
        }
        return query;
    }

    public async Task<StudentData?> FindAsync(long id, CancellationToken ct = default)
    {
        var row = await db.Students.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return row is null ? null : (await ViewsAsync([row], ct))[0];
    }

    /// <summary>One student with guardians and the dated enrolment history, newest first; null when out of scope or absent.</summary>
    public async Task<StudentDetail?> DetailAsync(long id, CancellationToken ct = default)
    {
        var row = await db.Students.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (row is null)
        {
            return null;
        }
        var student = (await ViewsAsync([row], ct))[0];
        var guardians = await db.Guardians.AsNoTracking().Where(g => g.StudentId == id).OrderBy(g => g.Id).ToListAsync(ct);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.StudentId == id).OrderByDescending(e => e.From).ToListAsync(ct);
        var classIds = enrolments.Select(e => e.ClassId).Append(row.ClassId).OfType<long>().Distinct().ToList();
        var classes = await db.Classes.AsNoTracking().Where(c => classIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var units = await tree.UnitsOfAsync(enrolments.Select(e => e.OrgUnitId).Append(row.OrgUnitId), ct);

        var open = !student.Masked;
        // A teacher reaches the families of their classes: phone numbers, not resident IDs.
        var phones = open || (guardians.Count > 0 && (await personalData.GuardianContactOrgsAsync([row.OrgUnitId], ct)).Contains(row.OrgUnitId));
        var guardianViews = guardians
            .Select(g => new GuardianView(g.Id, g.Name, g.RelationCode, PersonalDataAccess.MaskPhone(g.Phone, phones), PersonalDataAccess.MaskResidentId(g.ResidentId, open), g.Employer))
            .ToList();
        if (phones)
        {
            await personalData.RecordUnmaskedReadAsync(nameof(Guardian), guardians.Select(g => g.Id).ToList(), ct);
        }
        var history = enrolments
            .Select(e => new EnrolmentView(e.Id, units.GetValueOrDefault(e.OrgUnitId), e.ClassId is { } c ? classes.GetValueOrDefault(c) : null,
                e.From, e.To, e.EntryReasonCode, e.ExitReasonCode))
            .ToList();
        return new StudentDetail(student, units.GetValueOrDefault(row.OrgUnitId), row.ClassId is { } k ? classes.GetValueOrDefault(k) : null,
            guardianViews, history);
    }

    /// <summary>The rows in the exchange shape (GET, lists and the change feed give one shape), masked and audited as the feed is.</summary>
    internal async Task<IReadOnlyList<StudentData>> ViewsAsync(List<Student> rows, CancellationToken ct)
    {
        var kind = StudentKind.Instance.Exchange;
        var (data, _) = await shaper.ShapeAsync(rows.ConvertAll(r => (kind, (IRegistryRecord)r)), ct: ct);
        return rows.ConvertAll(r => (StudentData)data[(kind.EntityType, r.Id)]);
    }
}
