namespace Qedu.ExamAnalysis;

/// <summary>
/// Pass and excellent thresholds, each given as a share of full marks (for example 0.6 and 0.85).
/// A score passes when it is at least <c>PassShare × fullMarks</c>, allowing a tolerance of 1e-9 score points
/// so that binary rounding of the product (e.g. 0.7 × 150 = 105.00000000000001) never fails an exact score.
/// </summary>
/// <param name="PassShare">Share of full marks needed to pass, in [0, 1].</param>
/// <param name="ExcellentShare">Share of full marks needed for an excellent result, in [0, 1].</param>
public sealed record ScoreThresholds(double PassShare, double ExcellentShare);
