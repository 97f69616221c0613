using System.Diagnostics;
using Xunit.Abstractions;

namespace Qedu.ExamAnalysis.Tests;

/// <summary>
/// Prints how long a province-sized run takes (150,000 students × 9 subjects, 300 schools). It asserts only the
/// results' shape, never the time, so a slow CI machine cannot fail it; run with a detailed console logger to see it.
/// </summary>
public class TimingTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Timing")]
    public void ProvinceSizedRun()
    {
        const int Students = 150_000;
        const int Subjects = 9;
        const int Schools = 300;
        var rng = new Random(20_260_101);
        var school = new int[Students];
        var prior = new double[Students];
        var shift = new double[Schools];
        for (int j = 0; j < Schools; j++)
        {
            shift[j] = 40 * Simulation.Gaussian(rng);
        }

        for (int i = 0; i < Students; i++)
        {
            school[i] = rng.Next(Schools);
            prior[i] = 500 + shift[school[i]] + (80 * Simulation.Gaussian(rng));
        }

        var scores = new double[Subjects][];
        var cohorts = new List<ValueAddedStudent>[Subjects];
        for (int s = 0; s < Subjects; s++)
        {
            scores[s] = new double[Students];
            cohorts[s] = new List<ValueAddedStudent>(Students);
            for (int i = 0; i < Students; i++)
            {
                double score = Math.Clamp(Math.Round(20 + (0.15 * prior[i]) + (12 * Simulation.Gaussian(rng))), 0, 150);
                scores[s][i] = score;
                // Two 0/1 flags, as a real run would carry (e.g. gender, special needs), so the p = 3 path is timed.
                double[] flags = [rng.Next(2), rng.NextDouble() < 0.1 ? 1 : 0];
                cohorts[s].Add(new ValueAddedStudent(school[i], prior[i], score, flags));
            }
        }

        var thresholds = new ScoreThresholds(0.6, 0.85);
        var options = new ValueAddedOptions();

        // Warm up the JIT on a small slice so the timings show steady-state work.
        ScoreStatistics.Summarise(scores[0].AsSpan(0, 1000).ToArray(), 0, 150, thresholds);
        ValueAdded.Estimate(cohorts[0].GetRange(0, 5000), options);

        var watch = Stopwatch.StartNew();
        var summaries = new ScoreSummary[Subjects];
        for (int s = 0; s < Subjects; s++)
        {
            summaries[s] = ScoreStatistics.Summarise(scores[s], 0, 150, thresholds);
        }

        TimeSpan summarise = watch.Elapsed;
        watch.Restart();
        var results = new ValueAddedResult[Subjects];
        for (int s = 0; s < Subjects; s++)
        {
            results[s] = ValueAdded.Estimate(cohorts[s], options);
        }

        TimeSpan estimate = watch.Elapsed;

        output.WriteLine(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Summarise: {Subjects} × {Students:N0} scores in {summarise.TotalMilliseconds:F1} ms ({summarise.TotalMilliseconds / Subjects:F1} ms each)"));
        output.WriteLine(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Estimate:  {Subjects} × {Students:N0} students / {Schools} schools + 2 flags in {estimate.TotalMilliseconds:F1} ms ({estimate.TotalMilliseconds / Subjects:F1} ms each)"));

        Assert.All(summaries, s => Assert.Equal(Students, s.Count));
        Assert.All(results, r => Assert.Equal(Schools, r.Schools.Count));
    }
}
