using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Growth.Data;
using Qedu.Growth.Domain;
using Qedu.Growth.Health;
using Qedu.Growth.Resources;
using Qedu.Growth.Rules;
using Qedu.Kernel.Audit;

namespace Qedu.Growth.Features.HealthFiles;

/// <summary>
/// A school's (or a district's) physical-fitness file (docs/growth.md): the national standard's upload columns
/// (学籍号, 性别, 身高, 体重, 肺活量, 50米跑, 坐位体前屈, 一分钟跳绳, 一分钟仰卧起坐, 50米×8往返跑, 立定跳远, 引体向上,
/// 1000米跑, 800米跑, 免测), one row per student, for a test day. Each student is found in the registry on that day (their
/// school under the caller's <c>growth.health</c>, their grade and sex deciding the items), every item the grade needs
/// checked, and the row scored by the standard's tables; every row is written in one transaction or none (a dry run
/// checks only). A student's result of the same school year is replaced.
/// </summary>
internal sealed class FitnessImport(
    GrowthDb db, HealthFile file, FitnessStandard standard, GrowthAccess access, AuditTrail audit, TimeProvider clock, IStringLocalizer<GrowthText> t)
{
    private const int Number = 0, Sex = 1, Height = 2, Weight = 3, Exempt = 14;

    public static readonly IReadOnlyList<HealthColumn> Columns =
    [
        new("学籍号", "student_number", true), new("性别", "sex", false), new("身高", "height_cm", false), new("体重", "weight_kg", false),
        new("肺活量", "vital_capacity", false), new("50米跑", "sprint_50m", false), new("坐位体前屈", "sit_and_reach", false),
        new("一分钟跳绳", "rope_skip", false, "1分钟跳绳"), new("一分钟仰卧起坐", "sit_ups", false, "1分钟仰卧起坐"),
        new("50米×8往返跑", "shuttle_50x8", false, "50米x8往返跑"), new("立定跳远", "standing_jump", false), new("引体向上", "pull_ups", false),
        new("1000米跑", "run_1000m", false), new("800米跑", "run_800m", false), new("免测", "exempt", false),
    ];

    /// <summary>The column of each item of the standard, and the bounds a plausible result lies within (a typo, not a record, beyond them).</summary>
    private static readonly Dictionary<string, (int Column, double Min, double Max, bool Time)> ItemColumns = new()
    {
        ["vitalCapacity"] = (4, 100, 9999, false), ["sprint50"] = (5, 4, 30, false), ["sitAndReach"] = (6, -40, 60, false), ["ropeSkip"] = (7, 0, 400, false),
        ["sitUps"] = (8, 0, 120, false), ["shuttle50x8"] = (9, 60, 400, true), ["standingJump"] = (10, 20, 400, false), ["pullUps"] = (11, 0, 80, false),
        ["run1000"] = (12, 120, 1200, true), ["run800"] = (13, 120, 1200, true),
    };

    public async Task<HealthImportReport> ImportAsync(string? fileName, Stream? content, long length, DateOnly? testedOn, bool dryRun, CancellationToken ct)
    {
        var (day, year, rows) = await file.OpenAsync(Columns, fileName, content, length, testedOn, ct);
        if (rows is null)
        {
            return file.Report(dryRun, year, 0, 0, new Dictionary<string, int>());
        }
        var students = await file.StudentsAsync(rows, Number, day, ct);

        var results = new List<(FitnessResult Result, int Row)>();
        foreach (var row in rows)
        {
            if (students.GetValueOrDefault(row.Number) is not { } student)
            {
                continue;
            }
            var grade = student.GradeCode ?? "";
            var gender = student.GenderCode;
            var weights = standard.WeightsFor(grade, gender);
            if (weights.Count == 0)
            {
                file.Problem(row.Number, Number, student.StudentNumber,
                    gender is "1" or "2" ? t["Fitness.Row.Grade", student.StudentNumber, grade] : t["Fitness.Row.Gender", student.StudentNumber]);
                continue;
            }
            if (row.Cells[Sex] is { Length: > 0 } sex && SexCode(sex) != gender)
            {
                file.Problem(row.Number, Sex, sex, SexCode(sex) is null ? t["Fitness.Row.SexValue"] : t["Fitness.Row.SexDiffers"]);
            }
            var exempt = file.Present[Exempt] && file.YesNo(row, Exempt);
            var measured = new Dictionary<string, double>(StringComparer.Ordinal);
            double? height = null, weight = null;
            if (!exempt)
            {
                height = Required(row, Height, 60, 230, grade);
                weight = Required(row, Weight, 10, 200, grade);
                foreach (var item in weights.Keys.Where(k => k != FitnessStandard.Bmi))
                {
                    var (column, min, max, time) = ItemColumns[item];
                    if (!file.Present[column] || row.Cells[column].Length == 0)
                    {
                        file.Problem(row.Number, column, null, t["Fitness.Row.Needed", GradeName(grade)]);
                        continue;
                    }
                    if ((time ? Seconds(row.Cells[column]) : Parse(row.Cells[column])) is { } value && value >= min && value <= max)
                    {
                        measured[item] = value;
                    }
                    else
                    {
                        file.Problem(row.Number, column, row.Cells[column], time ? t["Fitness.Row.Time", min, max] : t["Health.Row.Range", min, max]);
                    }
                }
            }
            var score = exempt ? null : standard.Score(grade, gender, height, weight, measured);
            results.Add((new FitnessResult
            {
                OrgUnitId = student.SchoolId, StudentId = student.StudentId, StudentNumber = student.StudentNumber, ClassId = student.ClassId, ClassName = student.ClassName,
                GradeCode = grade, GenderCode = gender, SchoolYear = year, TestedOn = day, Exempt = exempt, HeightCm = height, WeightKg = weight,
                Measurements = JsonSerializer.Serialize(measured), Score = score?.Score ?? 0, Bonus = score?.Bonus ?? 0, Total = score?.Total ?? 0,
                Level = score?.Level ?? FitnessLevel.Fail, Edition = standard.Edition, FileName = Clip(file.Name), RecordedAt = clock.GetUtcNow(),
                RecordedBy = access.ActorName,
            }, row.Number));
        }
        var counts = results.Where(r => !r.Result.Exempt).GroupBy(r => r.Result.Level.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
        counts["exempt"] = results.Count(r => r.Result.Exempt);
        var ids = results.Select(r => r.Result.StudentId).ToList();
        var earlier = await db.Fitness.Where(f => f.SchoolYear == year && ids.Contains(f.StudentId)).ToListAsync(ct);
        if (file.ProblemCount > 0 || dryRun)
        {
            return file.Report(dryRun, year, rows.Count, earlier.Count, counts);
        }
        // A result of the same school year is replaced (a retest, or a corrected file): one save, every row or none.
        db.Fitness.RemoveRange(earlier);
        db.Fitness.AddRange(results.Select(r => r.Result));
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("growth.fitness-import", "FitnessResult", file.Name, null,
            $"{results.Count} results of school year {year} tested {HealthFile.Day(day)} from {file.Name} ({earlier.Count} replaced)", ct: ct);
        return file.Report(dryRun, year, rows.Count, earlier.Count, counts);
    }

    private double? Required(HealthRow row, int column, double min, double max, string grade)
    {
        if (!file.Present[column] || row.Cells[column].Length == 0)
        {
            file.Problem(row.Number, column, null, t["Fitness.Row.Needed", GradeName(grade)]);
            return null;
        }
        return file.Number(row, column, min, max);
    }

    private string GradeName(string grade) => t["Fitness.Grade." + grade];

    private static string Clip(string name) => name.Length > 200 ? name[..200] : name;

    private static double? Parse(string cell) => double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>A time as m'ss (4'05, 4′05″, 4:05) or plain seconds (245).</summary>
    internal static double? Seconds(string cell)
    {
        var text = cell.Replace('′', '\'').Replace('’', '\'').Replace(':', '\'').Replace("″", "").Replace("\"", "").Replace("''", "'").Trim();
        var parts = text.Split('\'', StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            [var minutes, var seconds] when int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                && double.TryParse(seconds, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) && s < 60 => m * 60 + s,
            [var seconds] => Parse(seconds),
            _ => null,
        };
    }

    /// <summary>The registry's gender code of a 性别 cell (男/女, 1/2, M/F), or null.</summary>
    private static string? SexCode(string cell) => cell.ToUpperInvariant() switch
    {
        "男" or "1" or "M" or "MALE" => "1",
        "女" or "2" or "F" or "FEMALE" => "2",
        _ => null,
    };
}
