namespace Qedu.Surveys;

/// <summary>Survey days are Beijing days: a survey closing on the 30th takes answers until midnight there, not in UTC.</summary>
internal static class SurveyDays
{
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}
