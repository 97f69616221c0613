namespace Qedu.ExamAnalysis;

/// <summary>
/// Classical test theory indices for a single exam item (question).
/// </summary>
public static class ItemAnalysis
{
    /// <summary>Share of students in each of the upper and lower groups (Kelley's 27 %).</summary>
    private const double GroupShare = 0.27;

    /// <summary>
    /// Computes the difficulty and the upper–lower 27 % discrimination index of one item.
    /// </summary>
    /// <remarks>
    /// Rows are sorted by total score ascending with a stable sort, so students with equal totals keep their input
    /// order. The group size is g = max(1, round(0.27·n)), rounding halves away from zero; the bottom group is the
    /// first g rows of that order and the top group the last g. Hence, when equal totals straddle a group
    /// boundary, the rows earlier in the input are treated as the lower ones. With n = 1 both groups are that one
    /// student and the discrimination is 0. When there are no rows both indices are NaN.
    /// </remarks>
    /// <param name="rows">One row per student: score on this item and total score on the exam; all finite.</param>
    /// <param name="itemFullMarks">Full marks of the item; positive and finite.</param>
    /// <returns>The item statistics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Full marks or a row value is out of range.</exception>
    public static ItemStatistics Analyse(IReadOnlyList<(double ItemScore, double Total)> rows, double itemFullMarks)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!double.IsFinite(itemFullMarks) || itemFullMarks <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(itemFullMarks), itemFullMarks, "Item full marks must be a positive finite number.");
        }

        int n = rows.Count;
        if (n == 0)
        {
            return new ItemStatistics(0, double.NaN, double.NaN);
        }

        var items = new double[n];
        var totals = new double[n];
        var order = new int[n];
        double itemSum = 0;
        for (int i = 0; i < n; i++)
        {
            (double item, double total) = rows[i];
            if (!double.IsFinite(item) || item < 0 || item > itemFullMarks + ScoreStatistics.Epsilon || !double.IsFinite(total))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(rows),
                    string.Create(CultureInfo.InvariantCulture, $"Row {i}: item score must be within [0, {itemFullMarks}] and the total finite."));
            }

            items[i] = item;
            totals[i] = total;
            order[i] = i;
            itemSum += item;
        }

        // Array.Sort is not stable; breaking ties by input index makes it so, and makes boundary ties deterministic.
        Array.Sort(order, (a, b) =>
        {
            int byTotal = totals[a].CompareTo(totals[b]);
            return byTotal != 0 ? byTotal : a.CompareTo(b);
        });

        int g = Math.Max(1, (int)Math.Round(GroupShare * n, MidpointRounding.AwayFromZero));
        double lowerSum = 0;
        double upperSum = 0;
        for (int k = 0; k < g; k++)
        {
            lowerSum += items[order[k]];
            upperSum += items[order[n - 1 - k]];
        }

        return new ItemStatistics(
            n,
            itemSum / n / itemFullMarks,
            (upperSum - lowerSum) / g / itemFullMarks);
    }
}
