namespace Qedu.SeatForecast;

/// <summary>The two grades where children enter a school and a seat must be ready for them.</summary>
public enum EntryGrade
{
    /// <summary>Grade one, the first year of primary school (children aged six).</summary>
    GradeOne = 1,

    /// <summary>Grade seven, the first year of junior secondary school (children aged twelve).</summary>
    GradeSeven = 7,
}

/// <summary>Children born in an attendance zone in one calendar year.</summary>
/// <param name="Zone">The attendance zone's key.</param>
/// <param name="Year">The calendar year of birth.</param>
/// <param name="Births">How many children were born; not negative.</param>
public sealed record BirthCount(string Zone, int Year, int Births);

/// <summary>Pupils enrolled in one grade of an attendance zone's schools in one school year.</summary>
/// <param name="Zone">The attendance zone's key.</param>
/// <param name="Year">The school year, named by the calendar year of its September.</param>
/// <param name="Grade">The grade, 1 to 9.</param>
/// <param name="Pupils">The head count; not negative.</param>
public sealed record EnrolmentCount(string Zone, int Year, int Grade, int Pupils);

/// <summary>Dwellings completed in an attendance zone, ready for families before the school year of
/// <paramref name="Year"/> starts.</summary>
/// <param name="Zone">The attendance zone's key.</param>
/// <param name="Year">The school year the families first send children in.</param>
/// <param name="Dwellings">How many dwellings; not negative.</param>
public sealed record HousingCompletion(string Zone, int Year, int Dwellings);

/// <summary>Children a new dwelling brings, by the age at which they enter school. Planners take these from surveys
/// of recent estates; they differ by city and by kind of housing, so the library has no default.</summary>
/// <param name="AgeSixPerDwelling">Children aged six per dwelling: they enter grade one.</param>
/// <param name="AgeTwelvePerDwelling">Children aged twelve per dwelling: they enter grade seven.</param>
public sealed record HousingYield(decimal AgeSixPerDwelling, decimal AgeTwelvePerDwelling);

/// <summary>A planner's adjustment for known moves the ratios cannot foresee (a factory opening, a village
/// relocated): children added to (or, when negative, taken from) an entry grade.</summary>
/// <param name="Zone">The attendance zone's key.</param>
/// <param name="Year">The school year.</param>
/// <param name="Grade">The entry grade adjusted.</param>
/// <param name="Children">Children added; negative for a net outflow.</param>
public sealed record MigrationAdjustment(string Zone, int Year, EntryGrade Grade, decimal Children);

/// <summary>Entry seats an attendance zone offers in one school year: today's seats plus those of projects opening by
/// then, as the caller counts them.</summary>
/// <param name="Zone">The attendance zone's key.</param>
/// <param name="Year">The school year.</param>
/// <param name="Grade">The entry grade.</param>
/// <param name="Seats">How many seats; not negative.</param>
public sealed record SeatCapacity(string Zone, int Year, EntryGrade Grade, int Seats);

/// <summary>Everything a forecast is made from. Only births and enrolment are required; the rest default to none.</summary>
/// <param name="Births">Births per zone and year. A forecast for grade one in year Y needs the births of Y − 6.</param>
/// <param name="Enrolment">Enrolment per zone, school year and grade. Its last year is the forecast's base year.</param>
public sealed record SeatForecastInput(IReadOnlyList<BirthCount> Births, IReadOnlyList<EnrolmentCount> Enrolment)
{
    /// <summary>Dwellings completed per zone and year; they need a <see cref="Yield"/>.</summary>
    public IReadOnlyList<HousingCompletion> Housing { get; init; } = [];

    /// <summary>Children per new dwelling; required when <see cref="Housing"/> has rows.</summary>
    public HousingYield? Yield { get; init; }

    /// <summary>Net migration adjustments per zone, year and entry grade.</summary>
    public IReadOnlyList<MigrationAdjustment> Migration { get; init; } = [];

    /// <summary>Entry seats per zone, year and entry grade. A year without seats gets no gap and no shortfall flag.</summary>
    public IReadOnlyList<SeatCapacity> Seats { get; init; } = [];
}

/// <summary>How a forecast is made.</summary>
public sealed record SeatForecastOptions
{
    /// <summary>The most years ahead a forecast may look: grade one six years ahead needs the births of the base
    /// year, the last ones known, and grade seven six years ahead starts from grade one in the base year.</summary>
    public const int MaxHorizon = 6;

    /// <summary>How many of the latest observed years (k) each ratio is the mean of; at least 1, default 3. More years
    /// smooth out a single odd year; fewer follow a change sooner.</summary>
    public int RatioYears { get; init; } = 3;

    /// <summary>How many years after the base year to forecast, 1 to <see cref="MaxHorizon"/>; default 6.</summary>
    public int Horizon { get; init; } = MaxHorizon;
}
