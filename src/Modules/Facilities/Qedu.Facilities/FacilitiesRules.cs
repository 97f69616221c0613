namespace Qedu.Facilities;

/// <summary>The module's fixed planning figures (docs/facilities.md says where they come from and how to change them).</summary>
internal static class FacilitiesRules
{
    /// <summary>Children entering grade one per new dwelling, and grade seven: a planning rule of thumb for new estates.</summary>
    public static readonly Qedu.SeatForecast.HousingYield Yield = new(0.08m, 0.07m);

    /// <summary>How many past years each ratio averages (k) and how far the forecast looks.</summary>
    public static readonly Qedu.SeatForecast.SeatForecastOptions Options = new() { RatioYears = 3, Horizon = 6 };

    /// <summary>
    /// How many grades a school of this type (学校办学类型) teaches, to turn its seats into entry seats for grade one or
    /// grade seven: a primary school 6, a junior school 3, a nine-year school 9, a full middle school 6 (three of them
    /// junior). Null when the type does not take that entry grade.
    /// </summary>
    public static int? Grades(string? schoolType, bool gradeOne) => (schoolType, gradeOne) switch
    {
        ("211" or "218", true) => 6,
        ("312", _) => 9,
        ("311" or "341", false) => schoolType == "311" ? 3 : 6,
        (null or "", true) => 6,
        (null or "", false) => 3,
        _ => null,
    };
}
