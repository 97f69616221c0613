using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Files;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Resources;

namespace Qedu.Teachers.Features.Training;

/// <summary>One problem of an hours file: the spreadsheet row (1 = header; 0 = the file as a whole), the column as the file names it, the value, and what is wrong.</summary>
internal sealed record HoursProblem(int Row, string? Column, string? Value, string Message);

/// <summary>What an import did, or (not <see cref="Ok"/>) why it wrote nothing: every problem named by row and column (the first 1,000).</summary>
internal sealed record HoursImportReport(bool Ok, bool DryRun, string File, int Rows, int Teachers, double Hours, int ProblemCount, IReadOnlyList<HoursProblem> Problems);

/// <summary>
/// A training provider's hours file (docs/teachers.md): .csv (UTF-8 or GB18030) or .xlsx, header
/// <c>教职工号,课程代码,学时,完成日期</c> (or staff_number, course_code, hours, completed_on), one row per teacher and
/// course. Every row is checked — the teacher within the caller's <c>teachers.manage</c>, the course in the catalogue,
/// hours up to the course's, the day within this or the previous cycle, no course credited twice — and either every row
/// is written in one transaction or none (a dry run checks only). An enrolment on the course is marked completed.
/// </summary>
internal sealed class HoursImport(
    TeachersDb db, TeacherAccess access, IStaffDirectory directory, TrainingLedger ledger, WorkFiles work, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<TeachersText> t)
{
    public const long MaxFileBytes = 16L << 20;
    public const int MaxRows = 50_000;
    public const int MaxProblems = 1_000;

    public static readonly IReadOnlyList<(string Zh, string En)> Columns = [("教职工号", "staff_number"), ("课程代码", "course_code"), ("学时", "hours"), ("完成日期", "completed_on")];

    private const int Staff = 0, Course = 1, HoursColumn = 2, Completed = 3;

    private sealed record Row(int Number, string StaffNumber, string CourseCode, double? Hours, DateOnly? CompletedOn);

    public async Task<HoursImportReport> ImportAsync(string? fileName, Stream? content, long length, bool dryRun, CancellationToken ct)
    {
        var name = Path.GetFileName(fileName ?? "");
        var problems = new List<HoursProblem>();
        var count = 0;
        void Problem(int row, int? column, string? value, string message)
        {
            count++;
            if (problems.Count < MaxProblems)
            {
                problems.Add(new HoursProblem(row, column is { } c ? Columns[c].Zh : null, value, message));
            }
        }
        // Problems in row order (the file's own come first within a row, then the checks against the records).
        HoursImportReport Report(int rows, int teachers, double hours) => new(count == 0, dryRun, name, rows, teachers, hours, count, [.. problems.OrderBy(p => p.Row)]);

        if (content is null || length <= 0)
        {
            Problem(0, null, null, t["Training.File.Missing"]);
            return Report(0, 0, 0);
        }
        if (!TableFormats.TryFromFileName(name, out var format))
        {
            Problem(0, null, null, t["Training.File.Format", name]);
            return Report(0, 0, 0);
        }
        if (length > MaxFileBytes)
        {
            Problem(0, null, null, t["Training.File.Size", name, MaxFileBytes >> 20]);
            return Report(0, 0, 0);
        }
        // The readers stream from a file: the upload waits in the work directory, deleted whatever happens.
        var path = work.NewPath(TableFormats.Extension(format));
        List<Row> rows;
        bool broken;
        try
        {
            await using (var file = WorkFiles.Create(path))
            {
                await content.CopyToAsync(file, ct);
            }
            (rows, broken) = Read(path, format, name, Problem);
        }
        finally
        {
            File.Delete(path);
        }
        if (broken || rows.Count == 0)
        {
            if (count == 0)
            {
                Problem(0, null, null, t["Training.File.NoRows", name]);
            }
            return Report(rows.Count, 0, 0);
        }
        // Rows with a problem of their own are still checked against the records, so one report names everything.

        // Teachers (in the caller's scope, and under its teachers.manage) and courses, each asked once for the whole file.
        var staff = await directory.FindByNumbersAsync([.. rows.Select(r => r.StaffNumber)], ct);
        var managed = new Dictionary<int, bool>();
        foreach (var school in staff.Values.Select(s => s.SchoolId).Distinct())
        {
            managed[school] = await access.MayAsync(Permissions.TeachersManage, school, ct);
        }
        var codes = rows.Select(r => r.CourseCode).Distinct(StringComparer.Ordinal).ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        var staffIds = staff.Values.Select(s => s.StaffId).ToList();
        var courseIds = courses.Values.Select(c => c.Id).ToList();
        var credited = (await db.Hours.AsNoTracking().Where(h => h.CourseId != null && courseIds.Contains(h.CourseId.Value))
                .Select(h => new { h.StaffId, h.CourseId }).ToListAsync(ct))
            .Where(h => staffIds.Contains(h.StaffId)).Select(h => (h.StaffId, h.CourseId!.Value)).ToHashSet();

        var seen = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            var member = staff.GetValueOrDefault(row.StaffNumber);
            if (row.StaffNumber.Length > 0 && (member is null || !managed[member.SchoolId]))
            {
                Problem(row.Number, Staff, row.StaffNumber, t["Training.Row.Staff", row.StaffNumber]);
            }
            var course = courses.GetValueOrDefault(row.CourseCode);
            if (course is null && row.CourseCode.Length > 0)
            {
                Problem(row.Number, Course, row.CourseCode, t["Training.Row.Course", row.CourseCode]);
            }
            else if (course is not null)
            {
                if (row.Hours is not null && ledger.HoursProblem(row.Hours, course.Hours) is { } hours)
                {
                    Problem(row.Number, HoursColumn, row.Hours?.ToString(CultureInfo.InvariantCulture), hours);
                }
                if (row.CompletedOn < course.StartsOn)
                {
                    Problem(row.Number, Completed, Day(row.CompletedOn), t["Training.Row.BeforeCourse", Day(course.StartsOn)!]);
                }
                if (member is not null && credited.Contains((member.StaffId, course.Id)))
                {
                    Problem(row.Number, Course, row.CourseCode, t["Training.Row.Credited", row.StaffNumber, row.CourseCode]);
                }
            }
            if (row.CompletedOn is not null && ledger.DateProblem(row.CompletedOn) is { } date)
            {
                Problem(row.Number, Completed, Day(row.CompletedOn), date);
            }
            if (!seen.TryAdd((row.StaffNumber, row.CourseCode), row.Number))
            {
                Problem(row.Number, Course, row.CourseCode, t["Training.Row.Twice", seen[(row.StaffNumber, row.CourseCode)]]);
            }
        }
        var total = Math.Round(rows.Sum(r => r.Hours ?? 0), 1);
        var teachers = rows.Select(r => r.StaffNumber).Distinct(StringComparer.Ordinal).Count();
        if (count > 0 || dryRun)
        {
            return Report(rows.Count, teachers, total);
        }

        var now = clock.GetUtcNow();
        db.Hours.AddRange(rows.Select(r =>
        {
            var member = staff[r.StaffNumber];
            var course = courses[r.CourseCode];
            return new TrainingHours
            {
                OrgUnitId = member.SchoolId, StaffId = member.StaffId, CourseId = course.Id, Title = course.Title, Category = course.Category, Hours = r.Hours!.Value,
                CompletedOn = r.CompletedOn!.Value, Source = HoursSource.ProviderFile, FileName = name.Length > 200 ? name[..200] : name, RecordedAt = now,
                RecordedBy = access.ActorName,
            };
        }));
        // A teacher the file credits for a course they were enrolled on has completed it.
        var open = await db.Enrolments.Where(e => courseIds.Contains(e.CourseId) && e.State == EnrolmentState.Enrolled).ToListAsync(ct);
        var pairs = rows.Select(r => (staff[r.StaffNumber].StaffId, courses[r.CourseCode].Id)).ToHashSet();
        foreach (var enrolment in open.Where(e => pairs.Contains((e.StaffId, e.CourseId))))
        {
            enrolment.State = EnrolmentState.Completed;
        }
        try
        {
            // One SaveChanges: one transaction, every line or none.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another import or a course's close credited one of these courses meanwhile: nothing was written.
            Problem(0, null, null, t["Training.File.Changed"]);
            return Report(rows.Count, teachers, total);
        }
        await audit.RecordAsync("teachers.training-import", "TrainingHours", name, null, $"{rows.Count} lines, {teachers} teachers, {total} hours from {name}", ct: ct);
        return Report(rows.Count, teachers, total);
    }

    /// <summary>The file's rows, each cell checked for form; broken when the file itself cannot be read or lacks a column.</summary>
    private (List<Row> Rows, bool Broken) Read(string path, TableFormat format, string fileName, Action<int, int?, string?, string> problem)
    {
        var rows = new List<Row>();
        try
        {
            using var table = TableReader.Open(path, format, (key, values) => fileName + ": " + t["Training." + key, [.. values.Select(v => v ?? "")]], new TableLimits(64L << 20, 16L << 20));
            var map = new int?[Columns.Count];
            for (var i = 0; i < table.Header.Count; i++)
            {
                var header = SpreadsheetCells.Unescape(table.Header[i]).Trim();
                var at = Columns.ToList().FindIndex(c => c.Zh == header || string.Equals(c.En, header, StringComparison.OrdinalIgnoreCase));
                if (at >= 0)
                {
                    map[at] ??= i;
                }
            }
            for (var c = 0; c < map.Length; c++)
            {
                if (map[c] is null)
                {
                    problem(1, c, null, t["Training.File.Column", Columns[c].Zh, string.Join(",", Columns.Select(x => x.Zh))]);
                }
            }
            if (map.Any(m => m is null))
            {
                return (rows, true);
            }
            while (table.Read())
            {
                if (rows.Count >= MaxRows)
                {
                    problem(table.RowNumber, null, null, t["Training.File.TooMany", MaxRows]);
                    return (rows, true);
                }
                var number = table.RowNumber;
                string Cell(int column) => map[column] is int i && i < table.Cells.Count ? SpreadsheetCells.Unescape(table.Cells[i]).Trim() : "";
                var staffNumber = Cell(Staff);
                if (staffNumber.Length is 0 or > 30)
                {
                    problem(number, Staff, staffNumber, t["Training.Row.Required"]);
                }
                var courseCode = Cell(Course);
                if (courseCode.Length is 0 or > 30)
                {
                    problem(number, Course, courseCode, t["Training.Row.Required"]);
                }
                double? hours = double.TryParse(Cell(HoursColumn), NumberStyles.Float, CultureInfo.InvariantCulture, out var h) ? h : null;
                if (hours is null)
                {
                    problem(number, HoursColumn, Cell(HoursColumn), t["Training.Row.Number"]);
                }
                DateOnly? completed = DateOnly.TryParseExact(Cell(Completed), ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : null;
                if (completed is null)
                {
                    problem(number, Completed, Cell(Completed), t["Training.Row.Date"]);
                }
                rows.Add(new Row(number, staffNumber, courseCode, hours, completed));
            }
        }
        catch (TableFileException e)
        {
            problem(0, null, null, e.Message);
            return (rows, true);
        }
        return (rows, false);
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
