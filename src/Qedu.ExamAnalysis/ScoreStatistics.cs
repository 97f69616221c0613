using MathNet.Numerics.Statistics;

namespace Qedu.ExamAnalysis;

/// <summary>
/// Descriptive statistics of exam scores: mean, spread, quartiles, pass/excellent rates and score bands.
/// </summary>
public static class ScoreStatistics
{
    /// <summary>Tolerance in score points for threshold and band-edge comparisons, absorbing binary rounding.</summary>
    internal const double Epsilon = 1e-9;

    /// <summary>
    /// Summarises the scores of the students present at one exam.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Quartiles use definition R-7 of Hyndman &amp; Fan (1996), the one used by Excel's QUARTILE.INC and R's default:
    /// with the n scores sorted ascending as x[0..n−1], the p-quantile is at position h = (n − 1)·p and is
    /// x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]), i.e. linear interpolation between neighbouring order statistics.
    /// </para>
    /// <para>
    /// A score passes when score ≥ PassShare·fullMarks − 1e-9 (likewise for excellent). Band i of
    /// <paramref name="bandCount"/> equal-width bands covers [i·w, (i+1)·w) with w = fullMarks/bandCount; the
    /// top band also holds fullMarks. Band edges use the same 1e-9 tolerance, so a score that is exactly on an
    /// edge in decimal (e.g. 0.3 of 1.0 with 10 bands) lands in the upper band despite binary rounding.
    /// </para>
    /// <para>
    /// With no present scores, the location and spread statistics are NaN, the rates are 0 and all bands are 0.
    /// The work is one copy, one sort (O(n log n), skipped when the scores come in ascending order) and two linear
    /// passes, so 150,000 scores take milliseconds.
    /// </para>
    /// </remarks>
    /// <param name="presentScores">Scores of the students present; each must be finite and within [0, fullMarks].</param>
    /// <param name="absent">Number of absent students (not ≥ 0 is rejected).</param>
    /// <param name="fullMarks">Full marks of the exam; positive and finite.</param>
    /// <param name="thresholds">Pass and excellent shares of full marks, each in [0, 1].</param>
    /// <param name="bandCount">Number of equal-width score bands; at least 1.</param>
    /// <returns>The summary; the input list is not modified.</returns>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument or a score is outside its allowed range.</exception>
    public static ScoreSummary Summarise(
        IReadOnlyList<double> presentScores,
        int absent,
        double fullMarks,
        ScoreThresholds thresholds,
        int bandCount = 10)
    {
        ArgumentNullException.ThrowIfNull(presentScores);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentOutOfRangeException.ThrowIfNegative(absent);
        ArgumentOutOfRangeException.ThrowIfLessThan(bandCount, 1);
        if (!double.IsFinite(fullMarks) || fullMarks <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fullMarks), fullMarks, "Full marks must be a positive finite number.");
        }

        ValidateShare(thresholds.PassShare, nameof(thresholds), "PassShare");
        ValidateShare(thresholds.ExcellentShare, nameof(thresholds), "ExcellentShare");

        int n = presentScores.Count;
        var bands = new int[bandCount];
        if (n == 0)
        {
            return new ScoreSummary(
                0, absent, double.NaN, double.NaN, double.NaN, double.NaN,
                double.NaN, double.NaN, double.NaN, 0, 0, Array.AsReadOnly(bands));
        }

        // Sort a private copy: the caller's list stays untouched and quartiles/min/max come from one sort.
        double[] sorted = CopyToArray(presentScores);

        double passMark = thresholds.PassShare * fullMarks - Epsilon;
        double excellentMark = thresholds.ExcellentShare * fullMarks - Epsilon;
        double bandsPerMark = bandCount / fullMarks;
        double sum = 0;
        int passed = 0;
        int excellent = 0;
        bool ascending = true;
        for (int i = 0; i < sorted.Length; i++)
        {
            double score = sorted[i];
            ascending &= i == 0 || score >= sorted[i - 1];
            if (!double.IsFinite(score) || score < 0 || score > fullMarks + Epsilon)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(presentScores),
                    score,
                    string.Create(CultureInfo.InvariantCulture, $"Score at index {i} must be finite and within [0, {fullMarks}]."));
            }

            sum += score;
            if (score >= passMark)
            {
                passed++;
            }

            if (score >= excellentMark)
            {
                excellent++;
            }

            // Multiply before dividing and add the tolerance so decimal band edges are not lost to rounding.
            int band = (int)Math.Floor(score * bandsPerMark + Epsilon);
            bands[Math.Min(band, bandCount - 1)]++;
        }

        double mean = sum / n;

        // Second pass over deviations: numerically stable, unlike sum-of-squares minus square-of-sum.
        double squares = 0;
        foreach (double score in sorted)
        {
            double d = score - mean;
            squares += d * d;
        }

        double sd = n < 2 ? 0 : Math.Sqrt(squares / (n - 1));

        // Scores that come in order (the analyser hands each unit its scores ascending) need no sort.
        if (!ascending)
        {
            Array.Sort(sorted);
        }

        return new ScoreSummary(
            Count: n,
            Absent: absent,
            Mean: mean,
            StandardDeviation: sd,
            Min: sorted[0],
            Max: sorted[^1],
            Q1: SortedArrayStatistics.QuantileCustom(sorted, 0.25, QuantileDefinition.R7),
            Median: SortedArrayStatistics.QuantileCustom(sorted, 0.5, QuantileDefinition.R7),
            Q3: SortedArrayStatistics.QuantileCustom(sorted, 0.75, QuantileDefinition.R7),
            PassRate: (double)passed / n,
            ExcellentRate: (double)excellent / n,
            Bands: Array.AsReadOnly(bands));
    }

    /// <summary>
    /// The <paramref name="tau"/> quantile (0..1) of <paramref name="values"/> by the same definition as the quartiles
    /// (R-7, Excel's PERCENTILE.INC: linear interpolation between order statistics); NaN when there are none. Sorts a copy.
    /// </summary>
    public static double Quantile(IReadOnlyList<double> values, double tau)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tau, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tau, 1);
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = CopyToArray(values);
        Array.Sort(sorted);
        return SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7);
    }

    private static double[] CopyToArray(IReadOnlyList<double> values)
    {
        var copy = new double[values.Count];
        switch (values)
        {
            // Fast paths for the common concrete types avoid an interface call per element.
            case double[] array:
                array.CopyTo(copy, 0);
                break;
            case List<double> list:
                list.CopyTo(copy);
                break;
            default:
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = values[i];
                }

                break;
        }

        return copy;
    }

    private static void ValidateShare(double share, string paramName, string what)
    {
        if (!(share >= 0 && share <= 1))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                share,
                string.Create(CultureInfo.InvariantCulture, $"{what} must be a share of full marks in [0, 1]."));
        }
    }
}
