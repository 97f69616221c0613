using Qedu.SeatForecast.Internal;

namespace Qedu.SeatForecast;

/// <summary>
/// The seat forecast (学位预警): how many children will enter grade one and grade seven in each attendance zone in the
/// next years, against the seats there will be.
/// </summary>
/// <remarks>
/// <para>
/// <b>The base year.</b> The last school year with enrolment data (school years are named by the calendar year of
/// their September). The forecast covers the 1 to 6 years after it; births are known up to the base year, which is
/// what limits it to six years.
/// </para>
/// <para>
/// <b>Grade one.</b> The children entering grade one in a year were born six years before. Not all of them enrol in
/// the zone's schools: families move in and out, some choose private schools. So for each zone we look at the last
/// k years (default 3) and, for each, divide the grade-one pupils by the births six years earlier — the zone's
/// <i>entry ratio</i> that year — and take the plain average of the k ratios. Demand = births six years before × that
/// average. Example: births of 100, 110 and 120 gave grade-one classes of 95, 104 and 114, ratios 0.950, 0.945 and
/// 0.950, average 0.948; 130 births then give 130 × 0.948 ≈ 123 children.
/// </para>
/// <para>
/// <b>Grade seven.</b> The children entering grade seven are, mostly, the pupils already in a lower grade today. For
/// each grade we look at the last k years and divide the pupils of the next grade a year later by the pupils of
/// this grade (how many "move up": below 1 when families leave, above 1 when they arrive), and average. Demand =
/// today's pupils of the grade that reaches grade seven in that year × those averages multiplied from that grade up
/// to grade seven. Next year's grade seven comes from today's grade six; in six years, from today's grade one.
/// </para>
/// <para>
/// <b>Adjustments.</b> Dwellings completed for a year add their children: dwellings × children of six per dwelling
/// to grade one, × children of twelve per dwelling to grade seven. A planner's migration adjustment (children added
/// or taken) is added as given. Demand is never below zero.
/// </para>
/// <para>
/// <b>Seats.</b> Demand is rounded to whole children (a half upwards) at the very end; before that every figure
/// keeps its decimals. The gap is demand minus seats, and a year is flagged as a shortfall when demand exceeds seats.
/// </para>
/// <para>
/// <b>What is not guessed.</b> When the births of the year needed are missing, or fewer than k past years give a ratio
/// (a year with no births, or no pupils in a grade, gives none and is passed over), or the base year lacks the grade
/// a cohort is in, that zone's year is listed as missing with the reason instead of being filled in.
/// </para>
/// <para>
/// <b>Numbers.</b> Ratios and demand are <see cref="decimal"/>: head counts divided by head counts, small enough for its
/// range, and kept exact in the way officials check them by hand (0.95 is 0.95, and a demand of 122.5 really is a
/// half and rounds to 123), where binary <see cref="double"/> would turn some such figures into 122.4999….
/// </para>
/// <para>
/// <b>Backtest.</b> <see cref="Backtest"/> pretends each past year was the base year, forecasts from the data up to it
/// only, and compares with the enrolment that came.
/// </para>
/// </remarks>
public static class SeatForecaster
{
    /// <summary>Forecasts grade-one and grade-seven demand per zone for the years after the base year.</summary>
    /// <param name="input">Births, enrolment and, optionally, housing, migration and seats.</param>
    /// <param name="options">k and the horizon; the defaults (3 years, 6 years ahead) when null.</param>
    /// <returns>A row for every zone named in the input and every year of the horizon, and the missing figures.</returns>
    /// <exception cref="SeatForecastInputException">A negative count, a duplicate row, an unknown grade, a blank
    /// zone, housing without a yield, k below 1 or a horizon outside 1..6.</exception>
    public static ForecastResult Forecast(SeatForecastInput input, SeatForecastOptions? options = null)
    {
        options ??= new SeatForecastOptions();
        var history = History.From(input, options);
        if (history.EnrolmentSpan is not { } span)
        {
            return new ForecastResult(null, [], []);
        }
        int baseYear = span.Last;

        var rows = new List<ZoneYearForecast>();
        var missing = new List<MissingForecast>();
        foreach (string zone in history.Zones)
        {
            var projection = new ZoneProjection(history, zone, baseYear, options.RatioYears, adjusted: true);
            for (int horizon = 1; horizon <= options.Horizon; horizon++)
            {
                int year = baseYear + horizon;
                rows.Add(new ZoneYearForecast(zone, year, horizon,
                    Demand(projection.GradeOne(horizon), EntryGrade.GradeOne),
                    Demand(projection.GradeSeven(horizon), EntryGrade.GradeSeven)));

                EntryDemand? Demand(Projected projected, EntryGrade grade)
                {
                    if (projected is Shortage shortage)
                    {
                        missing.Add(new MissingForecast(zone, year, grade, shortage.Reason, shortage.Detail));
                        return null;
                    }
                    var estimate = (Estimate)projected;
                    return new EntryDemand(grade, estimate.Source, estimate.Ratio, estimate.Housing, estimate.Migration,
                        estimate.Whole, history.Seats(zone, year, grade));
                }
            }
        }
        return new ForecastResult(baseYear, rows, missing);
    }

    /// <summary>
    /// Measures the method on the past: each year of the enrolment history before the last is taken as the base year
    /// in turn, a forecast is made from the births and enrolment up to that year only, and for each horizon it is
    /// compared with the grade-one and grade-seven enrolment that came.
    /// </summary>
    /// <remarks>
    /// The error is the mean absolute percentage error (MAPE): for each zone and base year, |forecast − actual| ÷
    /// actual, averaged, in percent. Forecasts are compared before rounding, so the figure is the method's error, not
    /// the rounding's. Zones whose actual was zero are left out (no percentage of zero exists) and counted. Base years
    /// without enough earlier years for the ratios give no forecast and so no case. Housing and migration are left
    /// out: they are planners' assumptions about the future, not history, so this measures the ratios alone.
    /// </remarks>
    /// <param name="input">The history; housing, migration and seats are checked but not used.</param>
    /// <param name="options">k and the longest horizon measured; the defaults when null.</param>
    /// <returns>The error per entry grade and horizon, and every case compared.</returns>
    /// <exception cref="SeatForecastInputException">As for <see cref="Forecast"/>.</exception>
    public static BacktestResult Backtest(SeatForecastInput input, SeatForecastOptions? options = null)
    {
        options ??= new SeatForecastOptions();
        var history = History.From(input, options);
        var cases = new List<BacktestCase>();
        if (history.EnrolmentSpan is { } span)
        {
            var (first, last) = span;
            foreach (string zone in history.Zones)
            {
                for (int origin = first; origin < last; origin++)
                {
                    var projection = new ZoneProjection(history, zone, origin, options.RatioYears, adjusted: false);
                    for (int horizon = 1; horizon <= options.Horizon && origin + horizon <= last; horizon++)
                    {
                        Compare(projection.GradeOne(horizon), EntryGrade.GradeOne);
                        Compare(projection.GradeSeven(horizon), EntryGrade.GradeSeven);

                        void Compare(Projected projected, EntryGrade grade)
                        {
                            if (projected is Estimate estimate && history.Pupils(zone, origin + horizon, (int)grade) is int actual)
                            {
                                cases.Add(new BacktestCase(zone, origin, horizon, grade, estimate.Children, actual));
                            }
                        }
                    }
                }
            }
        }

        var accuracy = new List<HorizonAccuracy>();
        foreach (var grade in new[] { EntryGrade.GradeOne, EntryGrade.GradeSeven })
        {
            for (int horizon = 1; horizon <= options.Horizon; horizon++)
            {
                var these = cases.Where(c => c.Grade == grade && c.Horizon == horizon).ToList();
                var compared = these.Where(c => c.Actual > 0).ToList();
                decimal? mape = compared.Count == 0
                    ? null
                    : compared.Sum(c => Math.Abs(c.Forecast - c.Actual) / c.Actual) / compared.Count * 100m;
                accuracy.Add(new HorizonAccuracy(grade, horizon, compared.Count, these.Count - compared.Count, mape));
            }
        }
        return new BacktestResult(accuracy, cases);
    }
}
