using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Rules;

namespace Qedu.Teachers.Features.Rural;

/// <summary>A tier's schools and teachers in the caller's scope, the monthly subsidy each teacher receives and the month's total.</summary>
internal sealed record TierRow(string Code, string Name, int Schools, int Teachers, int Monthly, long MonthlyTotal);

internal sealed record RuralSchoolRow(string Code, string Name, string Tier, int Teachers, int Monthly, long MonthlyTotal);

/// <summary>A teacher receiving the subsidy, and how much a month.</summary>
internal sealed record RuralTeacherRow(long StaffId, string StaffNumber, string Name, int Monthly);

internal sealed record RuralView(IReadOnlyList<TierRow> Tiers, IReadOnlyList<RuralSchoolRow> Schools, string? SchoolCode, IReadOnlyList<RuralTeacherRow> Teachers);

/// <summary>
/// Rural incentives (乡村教师生活补助): each school's tier from its 城乡分类 (the rules' tiers), its full-time teachers and
/// what each receives a month; for one school, the teachers by name (<c>teachers.read</c>).
/// </summary>
internal sealed class RuralReport(TeacherAccess access, IStaffDirectory directory, TeacherRules rules)
{
    public async Task<RuralView> ForScopeAsync(string? schoolCode, CancellationToken ct)
    {
        var english = CodeBook.IsEnglish;
        var incentives = rules.RuralIncentives;
        var schools = (await access.SchoolsAsync(Permissions.TeachersRead, ct))
            .Where(s => s.ClosedOn is null && incentives.TierOf(s.UrbanRuralCode) is not null).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var headcounts = (await directory.HeadcountsAsync([.. schools.Select(s => s.Id)], ct)).Where(h => h.PostCode == StaffCodes.FullTimeTeacher)
            .GroupBy(h => h.SchoolId).ToDictionary(g => g.Key, g => g.Sum(h => h.Count));
        var rows = schools.ConvertAll(s =>
        {
            var tier = incentives.TierOf(s.UrbanRuralCode)!;
            var teachers = headcounts.GetValueOrDefault(s.Id);
            return (School: s, Tier: tier, Row: new RuralSchoolRow(s.Code, s.DisplayName(english), tier.Name(english), teachers, tier.Monthly, (long)teachers * tier.Monthly));
        });
        var tiers = incentives.Tiers.Select(tier =>
        {
            var of = rows.Where(r => r.Tier == tier).ToList();
            return new TierRow(tier.Code, tier.Name(english), of.Count, of.Sum(r => r.Row.Teachers), tier.Monthly, of.Sum(r => r.Row.MonthlyTotal));
        }).ToList();
        var chosen = schoolCode is { Length: > 0 } ? rows.Find(r => r.School.Code == schoolCode) : default;
        var teachersOf = chosen.School is null ? [] : (await directory.AtSchoolsAsync([chosen.School.Id], ct)).Where(s => s.PostCode == StaffCodes.FullTimeTeacher)
            .OrderBy(s => s.StaffNumber, StringComparer.Ordinal).Select(s => new RuralTeacherRow(s.StaffId, s.StaffNumber, s.Name, chosen.Tier.Monthly)).ToList();
        return new RuralView(tiers, rows.ConvertAll(r => r.Row), chosen.School?.Code, teachersOf);
    }
}
