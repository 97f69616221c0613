using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Resources;
using Qedu.Teachers.Training;

namespace Qedu.Teachers.Features.Training;

/// <summary>One line of a teacher's hours, as their page lists it.</summary>
internal sealed record HoursLine(long Id, string Title, string Category, double Hours, DateOnly CompletedOn, string Source, string? CourseCode, string? FileName,
    bool InCycle, string RecordedBy);

/// <summary>A teacher's place on a catalogue course.</summary>
internal sealed record EnrolmentLine(string CourseCode, string CourseTitle, DateOnly StartsOn, DateOnly EndsOn, int Sessions, int SessionsAttended, string State);

/// <summary>A teacher's continuing education: the cycle's standing by category, every line of hours (newest first), their courses.</summary>
internal sealed record TeacherTraining(
    long StaffId, string StaffNumber, string Name, CycleInfo Cycle, TeacherTrainingRow Standing, IReadOnlyDictionary<string, double> ByCategory,
    IReadOnlyList<HoursLine> Lines, IReadOnlyList<EnrolmentLine> Courses, bool MayManage);

/// <summary>Hours a school enters for its teacher: what (title), the category, hours (up to one decimal), the day completed.</summary>
internal sealed record NewHours(string? Title, string? Category, double? Hours, DateOnly? CompletedOn);

/// <summary>
/// A teacher's hours ledger: read with <c>teachers.read</c>; lines entered by the school or a bureau above it
/// (<c>teachers.manage</c>), checked by field in the caller's language. Hours from earlier than the previous cycle are
/// refused: a closed cycle's record is not reopened.
/// </summary>
internal sealed class TrainingLedger(
    TeachersDb db, TeacherAccess access, TrainingTally tally, TrainingCompliance compliance, TimeProvider clock, IStringLocalizer<TeachersText> t)
{
    public const int MaxTitle = 100;
    public const double MaxLineHours = 200;

    public async Task<TeacherTraining?> ForAsync(long staffId, CancellationToken ct)
    {
        if (await access.StaffAsync(staffId, Permissions.TeachersRead, ct) is not { } teacher)
        {
            return null;
        }
        var today = CityDate.Today(clock);
        var cycle = tally.Rules.CycleOf(today);
        var lines = await db.Hours.AsNoTracking().Where(h => h.StaffId == staffId).OrderByDescending(h => h.CompletedOn).ThenByDescending(h => h.Id)
            .Select(h => new { h.Id, h.Title, h.Category, h.Hours, h.CompletedOn, h.Source, h.CourseId, h.FileName, h.RecordedBy }).ToListAsync(ct);
        var courseIds = lines.Where(l => l.CourseId is not null).Select(l => l.CourseId!.Value).ToList();
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.StaffId == staffId).Select(e => new { e.CourseId, e.SessionsAttended, e.State }).ToListAsync(ct);
        courseIds.AddRange(enrolments.Select(e => e.CourseId));
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);

        var inCycle = lines.Where(l => l.CompletedOn >= cycle.From && l.CompletedOn <= cycle.To).ToList();
        var byCategory = inCycle.GroupBy(l => l.Category).ToDictionary(g => g.Key, g => Math.Round(g.Sum(l => l.Hours), 1), StringComparer.Ordinal);
        var s = tally.Standing(teacher, byCategory, cycle, today);
        return new TeacherTraining(
            teacher.StaffId, teacher.StaffNumber, teacher.Name, compliance.Cycle(today),
            new TeacherTrainingRow(s.StaffId, s.StaffNumber, s.Name, s.Counted, s.Target, s.Expected, s.FloorsMet, s.OnPace, s.Done), byCategory,
            lines.ConvertAll(l => new HoursLine(l.Id, l.Title, l.Category, l.Hours, l.CompletedOn, l.Source.ToString(),
                l.CourseId is { } c && courses.TryGetValue(c, out var course) ? course.Code : null, l.FileName, l.CompletedOn >= cycle.From && l.CompletedOn <= cycle.To,
                l.RecordedBy)),
            [.. enrolments.Where(e => courses.ContainsKey(e.CourseId)).Select(e => (Course: courses[e.CourseId], e.SessionsAttended, e.State))
                .OrderByDescending(p => p.Course.StartsOn)
                .Select(p => new EnrolmentLine(p.Course.Code, p.Course.Title, p.Course.StartsOn, p.Course.EndsOn, p.Course.Sessions, p.SessionsAttended, p.State.ToString()))],
            await access.MayAsync(Permissions.TeachersManage, teacher.SchoolId, ct));
    }

    public async Task<Outcome<long>> AddAsync(long staffId, NewHours input, CancellationToken ct)
    {
        if (await access.StaffAsync(staffId, Permissions.TeachersManage, ct) is not { } teacher)
        {
            return Outcome<long>.NotFound(t["Records.NoStaff"]);
        }
        var errors = new InputErrors();
        var title = input.Title?.Trim();
        if (title is not { Length: > 0 and <= MaxTitle })
        {
            errors.Add("title", t["Records.Text", MaxTitle]);
        }
        if (tally.Rules.Category(input.Category) is null)
        {
            errors.Add("category", t["Training.Category", string.Join(", ", tally.Rules.Categories.Select(c => c.Code))]);
        }
        if (HoursProblem(input.Hours, MaxLineHours) is { } hours)
        {
            errors.Add("hours", hours);
        }
        if (DateProblem(input.CompletedOn) is { } date)
        {
            errors.Add("completedOn", date);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var line = new TrainingHours
        {
            OrgUnitId = teacher.SchoolId, StaffId = staffId, Title = title!, Category = input.Category!, Hours = input.Hours!.Value,
            CompletedOn = input.CompletedOn!.Value, Source = HoursSource.School, RecordedAt = clock.GetUtcNow(), RecordedBy = access.ActorName,
        };
        db.Hours.Add(line);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(line.Id);
    }

    /// <summary>Why these hours cannot be recorded (more than zero, at most <paramref name="max"/>, at most one decimal), or null.</summary>
    public string? HoursProblem(double? hours, double max) =>
        hours is { } h && h > 0 && h <= max && Math.Abs((h * 10) - Math.Round(h * 10)) < 1e-9 ? null : t["Training.Hours", max].Value;

    /// <summary>Why hours completed on this day cannot be recorded (in the future, or before the previous cycle), or null.</summary>
    public string? DateProblem(DateOnly? day)
    {
        var today = CityDate.Today(clock);
        var earliest = tally.Rules.CycleOf(tally.Rules.CycleOf(today).From.AddDays(-1)).From;
        return day is { } d && d <= today && d >= earliest ? null : t["Training.CompletedOn", earliest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value;
    }
}
