namespace Qedu.SeatForecast;

/// <summary>The forecast: one row per zone and year, and what could not be forecast, with the reason.</summary>
/// <param name="BaseYear">The last school year with enrolment data; null when there is none (and so no rows).</param>
/// <param name="Rows">Per zone (ordinal order) and year (ascending).</param>
/// <param name="Missing">Each zone, year and entry grade that was not forecast, and why.</param>
public sealed record ForecastResult(int? BaseYear, IReadOnlyList<ZoneYearForecast> Rows, IReadOnlyList<MissingForecast> Missing);

/// <summary>One zone in one future school year.</summary>
/// <param name="Zone">The attendance zone's key.</param>
/// <param name="Year">The school year.</param>
/// <param name="Horizon">Years after the base year, 1 to 6.</param>
/// <param name="GradeOne">Grade-one demand; null when it could not be forecast (see <see cref="ForecastResult.Missing"/>).</param>
/// <param name="GradeSeven">Grade-seven demand; null when it could not be forecast.</param>
public sealed record ZoneYearForecast(string Zone, int Year, int Horizon, EntryDemand? GradeOne, EntryDemand? GradeSeven);

/// <summary>
/// The children expected at one entry grade, how the figure was made, and the seats against it.
/// <see cref="Demand"/> = <see cref="Source"/> × <see cref="Ratio"/> + <see cref="Housing"/> + <see cref="Migration"/>,
/// rounded to whole children (a half away from zero) and never below zero.
/// </summary>
/// <param name="Grade">The entry grade.</param>
/// <param name="Source">Grade one: the births six years before. Grade seven: the pupils of the base year's grade the
/// cohort is in.</param>
/// <param name="Ratio">Grade one: the zone's entry ratio. Grade seven: the product of the progression ratios from the
/// source grade up to grade seven.</param>
/// <param name="Housing">Children from dwellings completed for this year.</param>
/// <param name="Migration">The planner's migration adjustment for this year.</param>
/// <param name="Demand">The children expected, whole.</param>
/// <param name="Seats">The entry seats; null when none were given for this zone and year.</param>
public sealed record EntryDemand(
    EntryGrade Grade, int Source, decimal Ratio, decimal Housing, decimal Migration, int Demand, int? Seats)
{
    /// <summary>Demand minus seats: above zero is children without a seat, below zero spare seats. Null without seats.</summary>
    public int? Gap => Demand - Seats;

    /// <summary>True when more children are expected than there are seats. The whole-child figures are compared, so
    /// the flag agrees with the table an official reads.</summary>
    public bool Shortfall => Gap > 0;
}

/// <summary>Why a zone's entry grade could not be forecast for a year.</summary>
public enum MissingReason
{
    /// <summary>No births recorded for the year six years before.</summary>
    NoBirths,
    /// <summary>Fewer years than asked for have both grade-one enrolment and births six years before.</summary>
    TooFewEntryYears,
    /// <summary>The base year has no enrolment for the grade the cohort is in.</summary>
    NoBaseEnrolment,
    /// <summary>Fewer years than asked for show a grade moving up to the next.</summary>
    TooFewProgressionYears,
}

/// <summary>A zone, year and entry grade not forecast, rather than guessed.</summary>
/// <param name="Zone">The attendance zone's key.</param>
/// <param name="Year">The school year.</param>
/// <param name="Grade">The entry grade.</param>
/// <param name="Reason">Why.</param>
/// <param name="Detail">The reason in a sentence, naming the year or grade that is short.</param>
public sealed record MissingForecast(string Zone, int Year, EntryGrade Grade, MissingReason Reason, string Detail);

/// <summary>How well the method would have done in the past.</summary>
/// <param name="Accuracy">Per entry grade (grade one first) and horizon (ascending).</param>
/// <param name="Cases">Every forecast compared with what happened, zero actuals included.</param>
public sealed record BacktestResult(IReadOnlyList<HorizonAccuracy> Accuracy, IReadOnlyList<BacktestCase> Cases);

/// <summary>The error of one entry grade's forecasts made a given number of years ahead.</summary>
/// <param name="Grade">The entry grade.</param>
/// <param name="Horizon">Years ahead, 1 to 6.</param>
/// <param name="Cases">Forecasts compared (zone and origin pairs with an actual above zero).</param>
/// <param name="ZeroActuals">Forecasts left out because the actual was zero, where a percentage error has no meaning.</param>
/// <param name="Mape">Mean absolute percentage error over the compared cases, in percent (5 means 5 %); null without cases.</param>
public sealed record HorizonAccuracy(EntryGrade Grade, int Horizon, int Cases, int ZeroActuals, decimal? Mape);

/// <summary>One forecast made in the past next to what happened.</summary>
/// <param name="Zone">The attendance zone's key.</param>
/// <param name="Origin">The base year the forecast was made from.</param>
/// <param name="Horizon">Years ahead.</param>
/// <param name="Grade">The entry grade.</param>
/// <param name="Forecast">The forecast before rounding.</param>
/// <param name="Actual">The enrolment that came.</param>
public sealed record BacktestCase(string Zone, int Origin, int Horizon, EntryGrade Grade, decimal Forecast, int Actual);
