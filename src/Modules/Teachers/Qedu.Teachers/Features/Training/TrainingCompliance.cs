using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Training;

namespace Qedu.Teachers.Features.Training;

/// <summary>The current cycle: its years, the hours it asks, the share gone and the hours a teacher of the whole cycle should have by today.</summary>
internal sealed record CycleInfo(int FromYear, int ToYear, int Hours, int ElapsedPercent, double ExpectedToday);

/// <summary>A district's or a school's teachers in the cycle: how many, on pace, done, and their average hours that count.</summary>
internal sealed record UnitTraining(string Code, string Name, int Teachers, int OnPace, int Done, double AverageHours)
{
    public double? OnPaceShare => Teachers == 0 ? null : Math.Round((double)OnPace / Teachers, 4);
}

/// <summary>One teacher's standing, as the compliance list shows it.</summary>
internal sealed record TeacherTrainingRow(long StaffId, string StaffNumber, string Name, double Counted, double Target, double Expected, bool FloorsMet, bool OnPace, bool Done);

/// <summary>
/// Compliance for the caller's scope: by district (when it spans several), by school (of a district, or all), and for one
/// school its teachers (all, or those behind pace only).
/// </summary>
internal sealed record TrainingOverview(
    CycleInfo Cycle, UnitTraining Total, IReadOnlyList<UnitTraining> Districts, string? DistrictCode, IReadOnlyList<UnitTraining> Schools,
    string? SchoolCode, IReadOnlyList<TeacherTrainingRow> Teachers, bool BehindOnly, bool MayImport);

/// <summary>Continuing-education compliance per teacher, school and district (<c>teachers.read</c>), from <see cref="TrainingTally"/>.</summary>
internal sealed class TrainingCompliance(TeacherAccess access, IStaffDirectory directory, TrainingTally tally, OrgTree tree, TimeProvider clock)
{
    public CycleInfo Cycle(DateOnly today)
    {
        var rules = tally.Rules;
        var cycle = rules.CycleOf(today);
        var days = cycle.To.DayNumber - cycle.From.DayNumber + 1;
        var elapsed = today.DayNumber - cycle.From.DayNumber + 1;
        return new CycleInfo(cycle.From.Year, cycle.To.Year, rules.CycleHours, (int)Math.Round(100.0 * elapsed / days),
            rules.Owed(cycle, null, today).Expected);
    }

    public async Task<TrainingOverview> OverviewAsync(string? districtCode, string? schoolCode, bool behindOnly, CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        var english = CodeBook.IsEnglish;
        var schools = (await access.SchoolsAsync(Permissions.TeachersRead, ct)).Where(s => s.ClosedOn is null).ToList();
        var teachers = (await directory.AtSchoolsAsync([.. schools.Select(s => s.Id)], ct)).Where(s => s.PostCode == StaffCodes.FullTimeTeacher).ToList();
        var standings = await tally.StandingsAsync(teachers, today, ct);
        var bySchool = standings.ToLookup(s => s.SchoolId);

        var districtOf = await tree.NearestAboveOfKindAsync(OrgUnitKind.District, ct);
        var districts = await tree.UnitsOfAsync(schools.Select(s => districtOf.GetValueOrDefault(s.Id)).Where(id => id != 0).Distinct(), ct);
        var districtRows = schools.GroupBy(s => districtOf.GetValueOrDefault(s.Id)).Where(g => districts.ContainsKey(g.Key))
            .Select(g => Unit(districts[g.Key].Code, districts[g.Key].DisplayName(english), g.SelectMany(s => bySchool[s.Id])))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

        var district = districtCode is { Length: > 0 } ? districts.Values.FirstOrDefault(d => d.Code == districtCode) : null;
        var listed = schools.Where(s => district is null || districtOf.GetValueOrDefault(s.Id) == district.Id).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var schoolRows = listed.ConvertAll(s => Unit(s.Code, s.DisplayName(english), bySchool[s.Id]));

        var school = schoolCode is { Length: > 0 } ? schools.Find(s => s.Code == schoolCode) : schools is [var only] ? only : null;
        var rows = school is null ? [] : bySchool[school.Id]
            .Where(s => !behindOnly || !s.OnPace)
            .OrderBy(s => s.OnPace).ThenBy(s => s.Counted - s.Expected).ThenBy(s => s.StaffNumber, StringComparer.Ordinal)
            .Select(s => new TeacherTrainingRow(s.StaffId, s.StaffNumber, s.Name, s.Counted, s.Target, s.Expected, s.FloorsMet, s.OnPace, s.Done))
            .ToList();
        var mayImport = (await access.SchoolsAsync(Permissions.TeachersManage, ct)).Count > 0;
        return new TrainingOverview(Cycle(today), Unit("", "", standings), districtRows.Count > 1 ? districtRows : [], district?.Code, schoolRows, school?.Code,
            rows, behindOnly, mayImport);
    }

    private static UnitTraining Unit(string code, string name, IEnumerable<TeacherStanding> teachers)
    {
        var list = teachers as IReadOnlyCollection<TeacherStanding> ?? [.. teachers];
        return new UnitTraining(code, name, list.Count, list.Count(s => s.OnPace), list.Count(s => s.Done),
            list.Count == 0 ? 0 : Math.Round(list.Average(s => s.Counted), 1));
    }
}
