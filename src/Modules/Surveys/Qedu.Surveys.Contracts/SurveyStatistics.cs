namespace Qedu.Surveys.Contracts;

/// <summary>
/// One school's answers in a closed parents' survey: responses, five-point answers, and how many of those were 满意 or
/// 非常满意. Only schools with at least the smallest cell of responses (10) are given, so no figure of fewer can be shown.
/// </summary>
/// <param name="OrgUnitId">The school the answers were about.</param>
/// <param name="Responses">Responses from the school's parents.</param>
/// <param name="Answers">Five-point answers in them.</param>
/// <param name="Satisfied">Of those, 满意 or 非常满意.</param>
public sealed record SurveySchoolFigures(int OrgUnitId, int Responses, int Answers, int Satisfied);

/// <summary>Survey aggregates for the indicators module: whole-city counts, so they ignore the caller's scope.</summary>
public interface ISurveyStatistics
{
    /// <summary>The year's latest closed parents' survey run by the city (closing in <paramref name="year"/>), per school; empty when none.</summary>
    Task<IReadOnlyList<SurveySchoolFigures>> LatestCityParentsSurveyAsync(int year, CancellationToken ct = default);
}
