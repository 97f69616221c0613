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
/// A vision screening file (docs/growth.md): 学籍号, 左眼裸眼视力, 右眼裸眼视力 (five-point, 4.0–5.3, or decimal, 0.1–2.0,
/// converted by L = 5 + lg V), optionally 左眼等效球镜, 右眼等效球镜 (dioptres) and 戴镜, for a screening day. Each student is
/// found in the registry on that day at a school under the caller's <c>growth.health</c>; the screening rule decides
/// 视力不良 and 筛查性近视; every row is written in one transaction or none. A screening of the same school year is replaced.
/// </summary>
internal sealed class VisionImport(
    GrowthDb db, HealthFile file, VisionRules rules, GrowthAccess access, AuditTrail audit, TimeProvider clock, IStringLocalizer<GrowthText> t)
{
    private const int Number = 0, LeftAcuity = 1, RightAcuity = 2, LeftSe = 3, RightSe = 4, Glasses = 5;

    public static readonly IReadOnlyList<HealthColumn> Columns =
    [
        new("学籍号", "student_number", true), new("左眼裸眼视力", "left_acuity", true), new("右眼裸眼视力", "right_acuity", true),
        new("左眼等效球镜", "left_spherical_equivalent", false), new("右眼等效球镜", "right_spherical_equivalent", false), new("戴镜", "glasses", false),
    ];

    public async Task<HealthImportReport> ImportAsync(string? fileName, Stream? content, long length, DateOnly? screenedOn, bool dryRun, CancellationToken ct)
    {
        var (day, year, rows) = await file.OpenAsync(Columns, fileName, content, length, screenedOn, ct);
        if (rows is null)
        {
            return file.Report(dryRun, year, 0, 0, new Dictionary<string, int>());
        }
        var students = await file.StudentsAsync(rows, Number, day, ct);
        var results = new List<VisionResult>();
        foreach (var row in rows)
        {
            var left = Acuity(row, LeftAcuity);
            var right = Acuity(row, RightAcuity);
            var leftSe = Refraction(row, LeftSe);
            var rightSe = Refraction(row, RightSe);
            var glasses = file.Present[Glasses] && file.YesNo(row, Glasses);
            if (students.GetValueOrDefault(row.Number) is not { } student || left is null || right is null)
            {
                continue;
            }
            results.Add(new VisionResult
            {
                OrgUnitId = student.SchoolId, StudentId = student.StudentId, StudentNumber = student.StudentNumber, ClassId = student.ClassId, ClassName = student.ClassName,
                GradeCode = student.GradeCode ?? "", SchoolYear = year, ScreenedOn = day, LeftAcuity = left.Value, RightAcuity = right.Value,
                LeftSphericalEquivalent = leftSe, RightSphericalEquivalent = rightSe, Glasses = glasses, PoorVision = rules.PoorVision(left.Value, right.Value),
                Myopic = rules.Myopic(left.Value, right.Value, leftSe, rightSe, glasses), Edition = rules.Edition,
                FileName = file.Name.Length > 200 ? file.Name[..200] : file.Name, RecordedAt = clock.GetUtcNow(), RecordedBy = access.ActorName,
            });
        }
        var counts = new Dictionary<string, int>
        {
            ["screened"] = results.Count, ["poorVision"] = results.Count(r => r.PoorVision), ["myopic"] = results.Count(r => r.Myopic),
        };
        var ids = results.Select(r => r.StudentId).ToList();
        var earlier = await db.Vision.Where(v => v.SchoolYear == year && ids.Contains(v.StudentId)).ToListAsync(ct);
        if (file.ProblemCount > 0 || dryRun)
        {
            return file.Report(dryRun, year, rows.Count, earlier.Count, counts);
        }
        db.Vision.RemoveRange(earlier);
        db.Vision.AddRange(results);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("growth.vision-import", "VisionResult", file.Name, null,
            $"{results.Count} screenings of school year {year} on {HealthFile.Day(day)} from {file.Name} ({earlier.Count} replaced)", ct: ct);
        return file.Report(dryRun, year, rows.Count, earlier.Count, counts);
    }

    /// <summary>An eye's uncorrected acuity on the five-point scale; a decimal record (0.1–2.0) converted by L = 5 + lg V, to one decimal.</summary>
    private double? Acuity(HealthRow row, int column)
    {
        if (row.Cells[column].Length == 0)
        {
            file.Problem(row.Number, column, null, t["Vision.Row.Acuity"]);
            return null;
        }
        if (!double.TryParse(row.Cells[column], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            file.Problem(row.Number, column, row.Cells[column], t["Vision.Row.Acuity"]);
            return null;
        }
        if (value is > 0 and <= 2.0)
        {
            value = Math.Round(5 + Math.Log10(value), 1, MidpointRounding.AwayFromZero);
        }
        if (value < rules.AcuityRange[0] || value > rules.AcuityRange[1])
        {
            file.Problem(row.Number, column, row.Cells[column], t["Vision.Row.Acuity"]);
            return null;
        }
        return value;
    }

    private double? Refraction(HealthRow row, int column) =>
        file.Present[column] && row.Cells[column].Length > 0 ? file.Number(row, column, rules.SphericalEquivalentRange[0], rules.SphericalEquivalentRange[1]) : null;
}
