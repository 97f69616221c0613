namespace Qedu.ExamAnalysis.Tests;

public class ScoreStatisticsTests
{
    private const double Tolerance = 1e-9;
    private static readonly ScoreThresholds Standard = new(0.6, 0.85);

    [Fact]
    public void HandComputedSixScores()
    {
        // Scores 45, 60, 72, 85, 90, 100 (already sorted), full marks 100, 2 absent, pass 60 %, excellent 85 %.
        // Mean = 452 / 6 = 75.333…
        // Sum of squares = 36134; squared deviations sum = 36134 − 452²/6 = 36134 − 34050.667 = 2083.333… = 6250/3;
        // sample variance = (6250/3) / 5 = 1250/3, SD = √(1250/3) ≈ 20.4124.
        // R-7 quartiles, h = (n − 1)·p with n = 6 (0-based positions):
        //   Q1: h = 1.25 → 60 + 0.25·(72 − 60) = 63
        //   median: h = 2.5 → 72 + 0.5·(85 − 72) = 78.5
        //   Q3: h = 3.75 → 85 + 0.75·(90 − 85) = 88.75
        // Pass (≥ 60): 60, 72, 85, 90, 100 → 5/6. Excellent (≥ 85): 85, 90, 100 → 3/6.
        // Bands of width 10: 45→[40,50) band 4; 60→band 6; 72→7; 85→8; 90→9; 100→top band 9.
        double[] scores = [72, 100, 45, 90, 60, 85];

        ScoreSummary s = ScoreStatistics.Summarise(scores, absent: 2, fullMarks: 100, Standard);

        Assert.Equal(6, s.Count);
        Assert.Equal(2, s.Absent);
        Assert.Equal(452.0 / 6, s.Mean, Tolerance);
        Assert.Equal(Math.Sqrt(1250.0 / 3), s.StandardDeviation, Tolerance);
        Assert.Equal(45, s.Min, Tolerance);
        Assert.Equal(100, s.Max, Tolerance);
        Assert.Equal(63, s.Q1, Tolerance);
        Assert.Equal(78.5, s.Median, Tolerance);
        Assert.Equal(88.75, s.Q3, Tolerance);
        Assert.Equal(5.0 / 6, s.PassRate, Tolerance);
        Assert.Equal(3.0 / 6, s.ExcellentRate, Tolerance);
        Assert.Equal([0, 0, 0, 0, 1, 0, 1, 1, 1, 2], s.Bands);
    }

    [Fact]
    public void ScoresInOrderGiveTheSameSummaryAsScoresOutOfOrder()
    {
        // The sort is skipped for ascending input (how the analyser hands each unit its scores); the figures must not care.
        double[] ascending = [45, 60, 72, 85, 90, 100];
        double[] shuffled = [72, 100, 45, 90, 60, 85];
        double[] nearlyAscending = [45, 60, 85, 72, 90, 100];

        var expected = ScoreStatistics.Summarise(shuffled, 2, 100, Standard);

        foreach (var scores in new[] { ascending, nearlyAscending })
        {
            var s = ScoreStatistics.Summarise(scores, 2, 100, Standard);
            Assert.Equal((expected.Min, expected.Q1, expected.Median, expected.Q3, expected.Max), (s.Min, s.Q1, s.Median, s.Q3, s.Max));
        }
    }

    [Fact]
    public void InputIsNotReordered()
    {
        double[] scores = [72, 100, 45];

        ScoreStatistics.Summarise(scores, 0, 100, Standard);

        Assert.Equal([72, 100, 45], scores);
    }

    [Fact]
    public void EmptyScoresGiveNaNStatisticsAndZeroRates()
    {
        ScoreSummary s = ScoreStatistics.Summarise([], absent: 5, fullMarks: 100, Standard, bandCount: 4);

        Assert.Equal(0, s.Count);
        Assert.Equal(5, s.Absent);
        Assert.True(double.IsNaN(s.Mean));
        Assert.True(double.IsNaN(s.StandardDeviation));
        Assert.True(double.IsNaN(s.Min));
        Assert.True(double.IsNaN(s.Max));
        Assert.True(double.IsNaN(s.Q1));
        Assert.True(double.IsNaN(s.Median));
        Assert.True(double.IsNaN(s.Q3));
        Assert.Equal(0, s.PassRate);
        Assert.Equal(0, s.ExcellentRate);
        Assert.Equal([0, 0, 0, 0], s.Bands);
    }

    [Fact]
    public void OneScoreHasZeroSpreadAndEveryQuantileEqualToIt()
    {
        ScoreSummary s = ScoreStatistics.Summarise([59.5], 0, 100, Standard);

        Assert.Equal(1, s.Count);
        Assert.Equal(59.5, s.Mean, Tolerance);
        Assert.Equal(0, s.StandardDeviation);
        Assert.Equal(59.5, s.Min, Tolerance);
        Assert.Equal(59.5, s.Max, Tolerance);
        Assert.Equal(59.5, s.Q1, Tolerance);
        Assert.Equal(59.5, s.Median, Tolerance);
        Assert.Equal(59.5, s.Q3, Tolerance);
        Assert.Equal(0, s.PassRate);
        Assert.Equal(1, s.Bands[5]);
    }

    [Fact]
    public void BandAndThresholdEdges()
    {
        // Exactly 60 of 100 passes; exactly 85 is excellent; 0 is in the bottom band; full marks in the top band.
        ScoreSummary s = ScoreStatistics.Summarise([0, 60, 85, 100], 0, 100, Standard);

        Assert.Equal(3.0 / 4, s.PassRate, Tolerance);
        Assert.Equal(2.0 / 4, s.ExcellentRate, Tolerance);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1, 0, 1, 1], s.Bands);
    }

    [Fact]
    public void FloatingPointEdgesAreNotLostToRounding()
    {
        // 0.7 × 150 = 105.00000000000001 in binary; 0.3 / 0.1 = 2.9999999999999996.
        ScoreSummary pass = ScoreStatistics.Summarise([105], 0, 150, new ScoreThresholds(0.7, 0.9));
        ScoreSummary band = ScoreStatistics.Summarise([0.3], 0, 1.0, Standard);

        Assert.Equal(1, pass.PassRate);
        Assert.Equal(1, band.Bands[3]);
    }

    [Fact]
    public void JustBelowThresholdFails()
    {
        ScoreSummary s = ScoreStatistics.Summarise([59.999], 0, 100, Standard);

        Assert.Equal(0, s.PassRate);
        Assert.Equal(1, s.Bands[5]);
    }

    [Fact]
    public void AcceptsListsAndOtherReadOnlyLists()
    {
        var list = new List<double> { 45, 60, 72, 85, 90, 100 };

        ScoreSummary fromList = ScoreStatistics.Summarise(list, 0, 100, Standard);
        ScoreSummary fromReadOnly = ScoreStatistics.Summarise(list.AsReadOnly(), 0, 100, Standard);

        Assert.Equal(78.5, fromList.Median, Tolerance);
        Assert.Equal(78.5, fromReadOnly.Median, Tolerance);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void RejectsScoresOutsideFullMarks(double bad)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreStatistics.Summarise([50, bad], 0, 100, Standard));
    }

    [Fact]
    public void RejectsBadArguments()
    {
        Assert.Throws<ArgumentNullException>(() => ScoreStatistics.Summarise(null!, 0, 100, Standard));
        Assert.Throws<ArgumentNullException>(() => ScoreStatistics.Summarise([50], 0, 100, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreStatistics.Summarise([50], -1, 100, Standard));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreStatistics.Summarise([50], 0, 0, Standard));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreStatistics.Summarise([50], 0, 100, Standard, bandCount: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreStatistics.Summarise([50], 0, 100, new ScoreThresholds(1.2, 0.9)));
    }

    [Fact]
    public void LargeInputMatchesDirectComputation()
    {
        var rng = new Random(2024);
        var scores = new double[150_000];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Round(rng.NextDouble() * 150, 1);
        }

        ScoreSummary s = ScoreStatistics.Summarise(scores, 0, 150, Standard, bandCount: 15);

        double[] sorted = [.. scores.Order()];
        Assert.Equal(scores.Average(), s.Mean, 1e-9);
        Assert.Equal(sorted[0], s.Min);
        Assert.Equal(sorted[^1], s.Max);
        // R-7 median of an even count is the mean of the two middle order statistics.
        Assert.Equal((sorted[74_999] + sorted[75_000]) / 2, s.Median, 1e-9);
        Assert.Equal(scores.Length, s.Bands.Sum());
    }

    [Fact]
    public void QuantileInterpolatesLikeTheQuartilesAndIgnoresOrder()
    {
        // Totals 90, 115, 130, 140, 150, 170, 185 (given unsorted): h = (7 − 1) × 0.3 = 1.8 → 115 + 0.8 × (130 − 115) = 127.
        double[] totals = [150, 90, 185, 130, 170, 115, 140];
        Assert.Equal(127, ScoreStatistics.Quantile(totals, 0.3), 9);
        Assert.Equal([150, 90, 185, 130, 170, 115, 140], totals);
        Assert.True(double.IsNaN(ScoreStatistics.Quantile([], 0.3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreStatistics.Quantile(totals, 1.5));
    }
}
