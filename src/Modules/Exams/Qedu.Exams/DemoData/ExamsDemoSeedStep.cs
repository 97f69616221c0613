using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qedu.Exams.Analysis;
using Qedu.Exams.Data;
using Qedu.Exams.Import;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Files;
using Qedu.Registry.Contracts;

namespace Qedu.Exams.DemoData;

/// <summary>
/// The exams' part of the demo city: two city-wide exams of this year's ninth grade (J3), last summer's eighth-grade final
/// (late June) and a mid-term of this term (25 days ago), imported through the real intake (a CSV file of the contract), and a value-added
/// estimate of the second against the first. Scores come from a small model (each student's ability, each school's
/// intake and a known school effect, noise, 2 % absent), seeded, so the pages show real spread and schools that differ.
/// </summary>
internal sealed class ExamsDemoSeedStep(ExamsDb db, IStudentRoster roster, ScoreImport import, ValueAddedRunner valueAdded, TimeProvider clock)
    : IDemoSeedStep
{
    public const string PriorCode = "DEMO-J2-FINAL";
    public const string CurrentCode = "DEMO-J3-MID";

    private static readonly (string Name, double Full)[] Subjects = [("语文", 120), ("数学", 120), ("英语", 120), ("物理", 90), ("化学", 60)];

    public int Order => 70;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (await db.Exams.AnyAsync(ct))
        {
            return;
        }
        var students = await roster.InGradeAsync("J3", ct);
        if (students.Count == 0)
        {
            return;
        }
        var random = new Random(context.Seed * 7919 + 21);
        var schools = students.Select(s => s.SchoolId).Distinct().Order().ToList();
        var intake = schools.ToDictionary(s => s, _ => Normal(random) * 0.4);
        var effect = schools.ToDictionary(s => s, _ => Normal(random) * 0.12);
        var ability = students.ToDictionary(s => s.StudentId, s => intake[s.SchoolId] + Normal(random) - (s.FinancialHardship ? 0.2 : 0));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var path = Path.Combine(Path.GetTempPath(), $"qedu-demo-scores-{Guid.NewGuid():N}.csv");
        try
        {
            Write(path, students, s => ability[s.StudentId], random);
            var current = today.AddDays(-25);
            var prior = new DateOnly(current.Month >= 9 ? current.Year : current.Year - 1, 6, 25);
            await ImportAsync(PriorCode, "八年级下学期期末统考（演示）", prior, path, ct);
            Write(path, students, s => ability[s.StudentId] * 0.95 + effect[s.SchoolId] + Normal(random) * 0.25, random);
            await ImportAsync(CurrentCode, "九年级上学期期中统考（演示）", current, path, ct);
        }
        finally
        {
            File.Delete(path);
        }
        await valueAdded.RunAsync(new ValueAddedRequest(CurrentCode, PriorCode, ValueAddedRequest.Total), ct);
        // Last term's exam is released to families (the demo parent sees a report); this term's waits for the bureau's button.
        var released = await db.Exams.FirstAsync(e => e.Code == PriorCode, ct);
        released.ReleasedAt = new DateTimeOffset(released.Date.AddDays(10).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        released.ReleasedBy = "demo";
        await db.SaveChangesAsync(ct);
        context.Progress?.Report($"exams: 2 demo exams of {students.Count} ninth-graders, value-added for {schools.Count} schools");
    }

    private async Task ImportAsync(string code, string name, DateOnly day, string path, CancellationToken ct)
    {
        var report = await import.ImportAsync(new ScoreImportRequest(code, name, day, Path.GetFileName(path), path, TableFormat.Csv, false), ct);
        if (!report.Ok)
        {
            throw new InvalidOperationException($"The demo exam {code} was refused: {string.Join("; ", report.Problems.Take(3).Select(p => $"{p.Row} {p.Column} {p.Message}"))}");
        }
    }

    /// <summary>A score file of the contract: a share of full marks from the student's ability, with noise, 2 % absent.</summary>
    private static void Write(string path, IReadOnlyList<RosterStudent> students, Func<RosterStudent, double> level, Random random)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("学籍号,科目,分数,满分");
        foreach (var s in students)
        {
            var a = level(s);
            foreach (var (name, full) in Subjects)
            {
                var share = Math.Clamp(0.66 + 0.14 * a + Normal(random) * 0.07, 0, 1);
                var score = random.NextDouble() < 0.02 ? "" : (Math.Round(share * full * 2) / 2).ToString("0.#", CultureInfo.InvariantCulture);
                writer.WriteLine($"{s.StudentNumber},{name},{score},{full.ToString(CultureInfo.InvariantCulture)}");
            }
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
