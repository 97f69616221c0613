using Microsoft.EntityFrameworkCore;
using Qedu.Growth.Data;
using Qedu.Growth.Health;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;

namespace Qedu.Growth.Features.Health;

/// <summary>A district, school or class with its counts this school year and last (the change is this year's rate less last year's).</summary>
internal sealed record HealthLine(string Code, string Name, HealthCounts This, HealthCounts Last)
{
    public double? PassChange => Change(This.PassRate, Last.PassRate);
    public double? GoodChange => Change(This.GoodRate, Last.GoodRate);
    public double? MyopiaChange => Change(This.MyopiaRate, Last.MyopiaRate);

    private static double? Change(double? now, double? before) => now is { } a && before is { } b ? Math.Round(a - b, 1) : null;
}

/// <summary>
/// The caller's health figures for a school year: the whole scope, then by district (when it spans several), by school
/// (of a district), and by class (of a school). <see cref="MayKeep"/>: the caller imports results and reads children's.
/// </summary>
internal sealed record HealthView(
    int Year, HealthLine Total, IReadOnlyList<HealthLine> Districts, string? DistrictCode, IReadOnlyList<HealthLine> Schools, string? SchoolCode,
    string? SchoolName, IReadOnlyList<HealthLine> Classes, bool MayKeep, bool MayKeepSchool);

/// <summary>A student's results as a class list shows them: fitness (scores and level) and vision, this school year.</summary>
internal sealed record StudentHealthRow(
    long StudentId, string StudentNumber, string Name, string GradeCode, string GenderCode, bool Exempt, double? Score, double? Bonus, double? Total,
    string? Level, double? LeftAcuity, double? RightAcuity, bool? PoorVision, bool? Myopic);

/// <summary>One class's students with their results (<c>growth.health</c>): a list of children, so every read is audited.</summary>
internal sealed record ClassHealthView(int Year, string SchoolCode, string SchoolName, string ClassName, IReadOnlyList<StudentHealthRow> Students);

/// <summary>Health figures by unit (<c>growth.read</c>) and a class's children (<c>growth.health</c>).</summary>
internal sealed class HealthOverview(GrowthDb db, GrowthAccess access, HealthTally tally, OrgTree tree, IStudentRoster roster, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The school year now under way (it began on 1 September).</summary>
    public int CurrentYear => HealthFile.SchoolYearOf(CityDate.Today(clock));

    public async Task<HealthView> ViewAsync(string? districtCode, string? schoolCode, int? year, CancellationToken ct)
    {
        var english = CodeBook.IsEnglish;
        var y = year ?? CurrentYear;
        var schools = await access.SchoolsAsync(Permissions.GrowthRead, ct);
        var ids = schools.Select(s => s.Id).ToList();
        var now = await tally.BySchoolAsync(y, ids, ct);
        var before = await tally.BySchoolAsync(y - 1, ids, ct);
        HealthLine Line(string code, string name, IEnumerable<int> ids)
        {
            var list = ids as IReadOnlyCollection<int> ?? [.. ids];
            return new HealthLine(code, name, HealthCounts.Sum(list.Select(i => now.GetValueOrDefault(i, HealthCounts.None))),
                HealthCounts.Sum(list.Select(i => before.GetValueOrDefault(i, HealthCounts.None))));
        }

        // A school counts in its district; a school the city runs directly (市直属), in the unit above it.
        var districtOf = await tree.NearestAboveOfKindAsync(OrgUnitKind.District, ct);
        int Group(OrgUnit s) => districtOf.TryGetValue(s.Id, out var d) && d != 0 ? d : s.ParentId ?? 0;
        var districts = await tree.UnitsOfAsync(schools.Select(Group).Where(id => id != 0).Distinct(), ct);
        var districtLines = schools.GroupBy(Group).Where(g => districts.ContainsKey(g.Key))
            .Select(g => Line(districts[g.Key].Code, districts[g.Key].DisplayName(english), g.Select(s => s.Id)))
            .OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
        var district = districtCode is { Length: > 0 } ? districts.Values.FirstOrDefault(d => d.Code == districtCode)
            : districts.Count == 1 ? districts.Values.First() : null;
        var schoolLines = district is null ? [] : schools.Where(s => Group(s) == district.Id)
            .OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => Line(s.Code, s.DisplayName(english), [s.Id])).ToList();

        var school = schoolCode is { Length: > 0 } ? schools.FirstOrDefault(s => s.Code == schoolCode) : schools.Count == 1 ? schools[0] : null;
        var classLines = new List<HealthLine>();
        if (school is not null)
        {
            // No change from last year by class: a class's name last year was another cohort's (classes move up a grade).
            classLines = [.. (await tally.ByClassAsync(school.Id, y, ct)).OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new HealthLine(c.Key, c.Key, c.Value, HealthCounts.None))];
        }
        var mayKeep = (await access.SchoolsAsync(Permissions.GrowthHealth, ct)).Count > 0;
        var mayKeepSchool = school is not null && await access.MayAsync(Permissions.GrowthHealth, school.Id, ct);
        return new HealthView(y, Line("", "", schools.Select(s => s.Id)), districtLines.Count > 1 ? districtLines : [], district?.Code,
            schoolLines, school?.Code, school?.DisplayName(english), classLines, mayKeep, mayKeepSchool);
    }

    /// <summary>
    /// A class's students with this school year's results, named (the registry's names, read in the caller's scope): null
    /// when the school is not under the caller's <c>growth.health</c>. The read is audited as a list of children's health data.
    /// </summary>
    public async Task<ClassHealthView?> ClassAsync(string schoolCode, string className, int? year, CancellationToken ct)
    {
        var y = year ?? CurrentYear;
        var school = (await access.SchoolsAsync(Permissions.GrowthHealth, ct)).FirstOrDefault(s => s.Code == schoolCode);
        if (school is null)
        {
            return null;
        }
        var fitness = await db.Fitness.AsNoTracking().Where(f => f.OrgUnitId == school.Id && f.SchoolYear == y && f.ClassName == className).ToListAsync(ct);
        var vision = await db.Vision.AsNoTracking().Where(v => v.OrgUnitId == school.Id && v.SchoolYear == y && v.ClassName == className)
            .ToDictionaryAsync(v => v.StudentId, ct);
        var ids = fitness.Select(f => f.StudentId).Concat(vision.Keys).Distinct().ToList();
        var names = await roster.NamesAsync(ids, ct);
        var byStudent = fitness.ToDictionary(f => f.StudentId);
        var rows = ids.Select(id =>
            {
                var f = byStudent.GetValueOrDefault(id);
                var v = vision.GetValueOrDefault(id);
                return new StudentHealthRow(id, f?.StudentNumber ?? v!.StudentNumber, names.GetValueOrDefault(id, "—"), f?.GradeCode ?? v!.GradeCode,
                    f?.GenderCode ?? "", f?.Exempt == true, f is { Exempt: false } ? f.Score : null, f is { Exempt: false } ? f.Bonus : null,
                    f is { Exempt: false } ? f.Total : null, f is { Exempt: false } ? f.Level.ToString() : null, v?.LeftAcuity, v?.RightAcuity, v?.PoorVision, v?.Myopic);
            })
            .OrderBy(r => r.StudentNumber, StringComparer.Ordinal).ToList();
        await audit.RecordAsync("growth.health-read", "Class", $"{school.Code}/{className}", null,
            $"health results of {rows.Count} students, school year {y}", ct: ct);
        return new ClassHealthView(y, school.Code, school.DisplayName(CodeBook.IsEnglish), className, rows);
    }
}
