namespace Qedu.ExamAnalysis;

/// <summary>
/// Classical item statistics of one exam question, as produced by <see cref="ItemAnalysis.Analyse"/>.
/// Both indices are <see cref="double.NaN"/> when <see cref="Count"/> is 0.
/// </summary>
/// <param name="Count">Number of students (rows) analysed.</param>
/// <param name="Difficulty">
/// Difficulty (facility) index: mean item score divided by the item's full marks, 0..1; higher means easier.
/// </param>
/// <param name="Discrimination">
/// Upper–lower 27 % discrimination index: (mean item score of the top 27 % by total − mean item score of the
/// bottom 27 % by total) / item full marks, −1..1; higher means the item separates strong from weak students better.
/// </param>
public sealed record ItemStatistics(int Count, double Difficulty, double Discrimination);
