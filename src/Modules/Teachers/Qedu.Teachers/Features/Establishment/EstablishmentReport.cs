using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Resources;

namespace Qedu.Teachers.Features.Establishment;

/// <summary>One school's establishment for a year: the approved posts, those filled by staff in 在编 posts, the vacancies (negative: over).</summary>
internal sealed record SchoolEstablishment(string SchoolCode, string SchoolName, string Stage, int? Quota, int Filled, int? Vacant,
    IReadOnlyList<SubjectEstablishment> Subjects);

/// <summary>A subject's teaching posts: the quota (when one is set), filled by full-time teachers in 在编 posts whose main subject it is.</summary>
internal sealed record SubjectEstablishment(string Subject, int? Quota, int Filled, int? Vacant);

/// <summary>A stage's totals across the schools shown, by subject (the subjects with a quota or a filled post).</summary>
internal sealed record StageEstablishment(string Stage, int Quota, int Filled, int Vacant, IReadOnlyList<SubjectEstablishment> Subjects);

internal sealed record EstablishmentView(int Year, IReadOnlyList<SchoolEstablishment> Schools, IReadOnlyList<StageEstablishment> Stages, bool MaySetQuota);

/// <summary>A quota to set: the school's code, the year, the subject ("" or none for the whole school), the number of posts.</summary>
internal sealed record QuotaInput(string? School, int? Year, string? Subject, int? Quota);

/// <summary>
/// The staffing establishment (编制): quotas are data a bureau sets for its schools (a school does not set its own);
/// filled is counted from the registry each time (staff whose employment type is 在编), so it is never stale.
/// </summary>
internal sealed class EstablishmentReport(
    TeachersDb db, TeacherAccess access, IStaffDirectory directory, OrgTree tree, CodeBook codes, TimeProvider clock, IStringLocalizer<TeachersText> t)
{
    public async Task<EstablishmentView> ForYearAsync(int? year, CancellationToken ct)
    {
        var theYear = year ?? CityDate.Today(clock).Year;
        var schools = (await access.SchoolsAsync(Permissions.TeachersRead, ct)).Where(s => s.ClosedOn is null).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var ids = schools.ConvertAll(s => s.Id);
        var quotas = (await db.Establishment.AsNoTracking().Where(q => q.Year == theYear).ToListAsync(ct))
            .Where(q => ids.Contains(q.OrgUnitId)).ToLookup(q => q.OrgUnitId);
        var counts = (await directory.HeadcountsAsync(ids, ct)).Where(h => h.EmploymentTypeCode == StaffCodes.Established).ToLookup(h => h.SchoolId);

        var rows = new List<SchoolEstablishment>(schools.Count);
        foreach (var school in schools)
        {
            var schoolQuotas = quotas[school.Id].ToDictionary(q => q.Subject, q => q.Quota, StringComparer.Ordinal);
            var filled = counts[school.Id].ToList();
            var bySubject = filled.Where(h => h.PostCode == StaffCodes.FullTimeTeacher && h.MainSubject.Length > 0)
                .GroupBy(h => h.MainSubject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(h => h.Count), StringComparer.Ordinal);
            var subjects = schoolQuotas.Keys.Where(k => k.Length > 0).Union(bySubject.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(subject => Line(subject, schoolQuotas.TryGetValue(subject, out var q) ? q : null, bySubject.GetValueOrDefault(subject)))
                .ToList();
            var total = schoolQuotas.TryGetValue("", out var all) ? all : (int?)null;
            var filledTotal = filled.Sum(h => h.Count);
            var stage = codes.StagesOf(school.SchoolTypeCode) is [var first, ..] ? first.ToString() : nameof(Stage.Other);
            rows.Add(new SchoolEstablishment(school.Code, school.DisplayName(CodeBook.IsEnglish), stage, total, filledTotal, total - filledTotal, subjects));
        }
        var stages = rows.GroupBy(r => r.Stage).OrderBy(g => Enum.Parse<Stage>(g.Key))
            .Select(g => new StageEstablishment(g.Key, g.Sum(r => r.Quota ?? 0), g.Sum(r => r.Filled), g.Sum(r => r.Vacant ?? 0),
                [.. g.SelectMany(r => r.Subjects).GroupBy(s => s.Subject, StringComparer.Ordinal).OrderBy(s => s.Key, StringComparer.Ordinal)
                    .Select(s => new SubjectEstablishment(s.Key, s.Sum(x => x.Quota ?? 0), s.Sum(x => x.Filled), s.Sum(x => x.Vacant ?? 0)))]))
            .ToList();
        // A grant held at a bureau (not at one of the schools) sets quotas; the refusal itself is SetQuotaAsync's.
        var schoolIds = ids.ToHashSet();
        var maySet = access.Caller.IsSystem || access.Caller.Grants.Any(g => g.Permissions.Contains(Permissions.TeachersManage) && !schoolIds.Contains(g.OrgUnitId));
        return new EstablishmentView(theYear, rows, stages, maySet);
    }

    /// <summary>Sets (or replaces) one quota. Only a bureau above the school sets it: the unit above the school must be in the caller's reach.</summary>
    public async Task<Outcome<int>> SetQuotaAsync(QuotaInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var school = input.School is { Length: > 0 } code ? await tree.FindAsync(code.Trim(), ct) : null;
        if (school is not { Kind: OrgUnitKind.School } || school.ParentId is not { } parent || !await access.MayAsync(Permissions.TeachersManage, parent, ct))
        {
            errors.Add("school", t["Establishment.School"]);
        }
        var thisYear = CityDate.Today(clock).Year;
        if (input.Year is not { } year || year < thisYear - 5 || year > thisYear + 1)
        {
            errors.Add("year", t["Establishment.Year", thisYear - 5, thisYear + 1]);
        }
        var subject = input.Subject?.Trim() ?? "";
        if (subject.Length > 20)
        {
            errors.Add("subject", t["Records.Subject"]);
        }
        if (input.Quota is not (>= 0 and <= 2_000))
        {
            errors.Add("quota", t["Establishment.Quota"]);
        }
        if (errors.Any)
        {
            return Outcome<int>.Invalid(errors);
        }
        var row = await db.Establishment.SingleOrDefaultAsync(q => q.OrgUnitId == school!.Id && q.Year == input.Year && q.Subject == subject, ct);
        if (row is null)
        {
            row = new EstablishmentQuota { OrgUnitId = school!.Id, Year = input.Year!.Value, Subject = subject, RecordedBy = access.ActorName };
            db.Establishment.Add(row);
        }
        row.Quota = input.Quota!.Value;
        row.RecordedAt = clock.GetUtcNow();
        row.RecordedBy = access.ActorName;
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(row.Quota);
    }

    private static SubjectEstablishment Line(string subject, int? quota, int filled) => new(subject, quota, filled, quota - filled);
}
