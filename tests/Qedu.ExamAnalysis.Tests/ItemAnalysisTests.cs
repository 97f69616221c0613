namespace Qedu.ExamAnalysis.Tests;

public class ItemAnalysisTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void HandComputedTenStudents()
    {
        // Item worth 4 marks. Sorted by total (descending) the ten students are:
        //   total 95 item 4 | 88 3 | 82 4 | 75 2 | 70 3 | 65 1 | 60 2 | 52 0 | 45 1 | 30 0
        // Difficulty = mean item score / 4 = (4+3+4+2+3+1+2+0+1+0)/10 / 4 = 2.0 / 4 = 0.5.
        // Group size g = max(1, round(0.27·10)) = round(2.7) = 3.
        // Top 3 by total (95, 88, 82): item 4, 3, 4 → mean 11/3. Bottom 3 (30, 45, 52): 0, 1, 0 → mean 1/3.
        // Discrimination = (11/3 − 1/3) / 4 = (10/3) / 4 = 5/6 ≈ 0.8333.
        // Rows are given in a shuffled order so that the sort by total is exercised.
        (double, double)[] rows =
        [
            (2, 75), (0, 30), (4, 95), (1, 65), (3, 70),
            (0, 52), (4, 82), (1, 45), (3, 88), (2, 60),
        ];

        ItemStatistics s = ItemAnalysis.Analyse(rows, 4);

        Assert.Equal(10, s.Count);
        Assert.Equal(0.5, s.Difficulty, Tolerance);
        Assert.Equal(5.0 / 6, s.Discrimination, Tolerance);
    }

    [Fact]
    public void EmptyGivesNaN()
    {
        ItemStatistics s = ItemAnalysis.Analyse([], 5);

        Assert.Equal(0, s.Count);
        Assert.True(double.IsNaN(s.Difficulty));
        Assert.True(double.IsNaN(s.Discrimination));
    }

    [Fact]
    public void OneStudentHasZeroDiscrimination()
    {
        ItemStatistics s = ItemAnalysis.Analyse([(3, 50)], 5);

        Assert.Equal(0.6, s.Difficulty, Tolerance);
        Assert.Equal(0, s.Discrimination, Tolerance);
    }

    [Fact]
    public void BoundaryTiesFollowInputOrder()
    {
        // n = 4 → g = round(1.08) = 1. Totals all equal, so the stable order is the input order:
        // bottom group = first row (item 0), top group = last row (item 2) → (2 − 0) / 2 = 1.
        ItemStatistics s = ItemAnalysis.Analyse([(0, 10), (1, 10), (1, 10), (2, 10)], 2);

        Assert.Equal(1, s.Discrimination, Tolerance);
    }

    [Fact]
    public void GroupSizeRoundsHalfAwayFromZero()
    {
        // n = 150 → 0.27·150 = 40.5 → g = 41 (banker's rounding would give 40).
        // Only the top 40 by total score the item: upper mean = 40/41 with g = 41 (it would be 1 with g = 40).
        var rows = new (double, double)[150];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = (i >= 150 - 40 ? 1 : 0, i);
        }

        ItemStatistics s = ItemAnalysis.Analyse(rows, 1);

        Assert.Equal(40.0 / 41, s.Discrimination, Tolerance);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentNullException>(() => ItemAnalysis.Analyse(null!, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ItemAnalysis.Analyse([(1, 10)], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ItemAnalysis.Analyse([(5, 10)], 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ItemAnalysis.Analyse([(1, double.NaN)], 4));
    }
}
