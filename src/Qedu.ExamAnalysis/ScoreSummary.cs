namespace Qedu.ExamAnalysis;

/// <summary>
/// Descriptive statistics of one exam (one subject, one unit) as produced by <see cref="ScoreStatistics.Summarise"/>.
/// When <see cref="Count"/> is 0, <see cref="Mean"/>, <see cref="StandardDeviation"/>, <see cref="Min"/>,
/// <see cref="Max"/>, <see cref="Q1"/>, <see cref="Median"/> and <see cref="Q3"/> are <see cref="double.NaN"/>
/// (there is nothing to describe); the counts are still given, the rates are 0 and every band is 0.
/// Record equality compares <see cref="Bands"/> by reference, as for any list-valued record member.
/// </summary>
/// <param name="Count">Number of students present (scores given).</param>
/// <param name="Absent">Number of students absent; they are excluded from every statistic and rate.</param>
/// <param name="Mean">Arithmetic mean of the present scores.</param>
/// <param name="StandardDeviation">Sample standard deviation (divisor n − 1); 0 when exactly one score is present.</param>
/// <param name="Min">Lowest present score.</param>
/// <param name="Max">Highest present score.</param>
/// <param name="Q1">First quartile, definition R-7 (see <see cref="ScoreStatistics.Summarise"/>).</param>
/// <param name="Median">Median (R-7, which for the median is the usual middle value or mean of the two middle values).</param>
/// <param name="Q3">Third quartile, definition R-7.</param>
/// <param name="PassRate">Share of present students who passed, 0..1.</param>
/// <param name="ExcellentRate">Share of present students with an excellent score, 0..1.</param>
/// <param name="Bands">
/// Number of present scores in each of the equal-width bands of full marks, lowest band first.
/// Band i covers [i·w, (i+1)·w) with w = fullMarks / bandCount; the top band also includes fullMarks itself.
/// </param>
public sealed record ScoreSummary(
    int Count,
    int Absent,
    double Mean,
    double StandardDeviation,
    double Min,
    double Max,
    double Q1,
    double Median,
    double Q3,
    double PassRate,
    double ExcellentRate,
    IReadOnlyList<int> Bands);
