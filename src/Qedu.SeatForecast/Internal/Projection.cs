namespace Qedu.SeatForecast.Internal;

/// <summary>A forecast for one entry grade and year, or the reason there is none.</summary>
internal abstract record Projected;

/// <summary>The unrounded figure and its parts.</summary>
internal sealed record Estimate(int Source, decimal Ratio, decimal Housing, decimal Migration) : Projected
{
    // Below zero only when a migration adjustment takes more children than the ratios expect; fewer than none cannot come.
    internal decimal Children => Math.Max(0m, Source * Ratio + Housing + Migration);

    /// <summary>Whole children, a half rounded away from zero (the rounding officials learnt at school).</summary>
    internal int Whole => (int)Math.Round(Children, MidpointRounding.AwayFromZero);
}

/// <summary>Why no figure is given.</summary>
internal sealed record Shortage(MissingReason Reason, string Detail) : Projected;

/// <summary>
/// One zone's ratios, worked out from the data up to an origin year only, and the forecasts they give for the years
/// after it. The forecast uses the last year of data as origin; the backtest uses each earlier year in turn.
/// </summary>
internal sealed class ZoneProjection
{
    private const int SeventhGrade = (int)EntryGrade.GradeSeven;
    private const int SchoolAge = 6;

    private readonly History history;
    private readonly string zone;
    private readonly int origin;
    private readonly int ratioYears;
    private readonly bool adjusted;
    private readonly (decimal? Mean, int Years) entry;
    // Index g holds the ratio of grade g + 1 in year t + 1 to grade g in year t, for g = 1..6.
    private readonly (decimal? Mean, int Years)[] progression = new (decimal?, int)[SeventhGrade];

    /// <param name="history">The checked input.</param>
    /// <param name="zone">The zone.</param>
    /// <param name="origin">The base year: no enrolment or births after it are looked at.</param>
    /// <param name="ratioYears">k, the number of latest observed years each ratio is the mean of.</param>
    /// <param name="adjusted">Whether housing and migration are added; the backtest leaves them out.</param>
    internal ZoneProjection(History history, string zone, int origin, int ratioYears, bool adjusted)
    {
        this.history = history;
        this.zone = zone;
        this.origin = origin;
        this.ratioYears = ratioYears;
        this.adjusted = adjusted;
        entry = EntryRatio();
        for (int grade = 1; grade < SeventhGrade; grade++)
        {
            progression[grade] = ProgressionRatio(grade);
        }
    }

    /// <summary>Grade one in origin + horizon: births six years before times the entry ratio.</summary>
    internal Projected GradeOne(int horizon)
    {
        int year = origin + horizon;
        int birthYear = year - SchoolAge;
        if (birthYear > origin || history.Births(zone, birthYear) is not int births)
        {
            return new Shortage(MissingReason.NoBirths,
                $"Zone '{zone}': no births recorded for {birthYear}, the birth year of grade one in {year}.");
        }
        if (entry.Mean is not decimal ratio)
        {
            return new Shortage(MissingReason.TooFewEntryYears,
                $"Zone '{zone}': only {entry.Years} of {ratioYears} years up to {origin} have both grade-one enrolment and the births six years before.");
        }
        return Adjust(births, ratio, year, EntryGrade.GradeOne);
    }

    /// <summary>Grade seven in origin + horizon: the base year's grade 7 − horizon carried up grade by grade.</summary>
    internal Projected GradeSeven(int horizon)
    {
        int year = origin + horizon;
        int sourceGrade = SeventhGrade - horizon;
        if (history.Pupils(zone, origin, sourceGrade) is not int pupils)
        {
            return new Shortage(MissingReason.NoBaseEnrolment,
                $"Zone '{zone}': no grade {sourceGrade} enrolment in {origin}, the class that reaches grade seven in {year}.");
        }
        decimal survival = 1m;
        for (int grade = sourceGrade; grade < SeventhGrade; grade++)
        {
            if (progression[grade].Mean is not decimal ratio)
            {
                return new Shortage(MissingReason.TooFewProgressionYears,
                    $"Zone '{zone}': only {progression[grade].Years} of {ratioYears} years up to {origin} show grade {grade} moving up to grade {grade + 1}.");
            }
            survival *= ratio;
        }
        return Adjust(pupils, survival, year, EntryGrade.GradeSeven);
    }

    private Estimate Adjust(int source, decimal ratio, int year, EntryGrade grade) => adjusted
        ? new Estimate(source, ratio, history.Housing(zone, year, grade), history.Migration(zone, year, grade))
        : new Estimate(source, ratio, 0m, 0m);

    // Years with grade-one enrolment and births six years before; a year with no births gives no ratio and is skipped.
    private (decimal? Mean, int Years) EntryRatio()
    {
        var ratios = new List<decimal>(ratioYears);
        foreach (int year in history.YearsDownFrom(zone, origin))
        {
            if (history.Pupils(zone, year, 1) is int pupils && history.Births(zone, year - SchoolAge) is int births and > 0)
            {
                ratios.Add((decimal)pupils / births);
                if (ratios.Count == ratioYears)
                {
                    break;
                }
            }
        }
        return Mean(ratios);
    }

    // Transitions t → t + 1 ending by the origin; a year with nobody in the grade gives no ratio and is skipped.
    private (decimal? Mean, int Years) ProgressionRatio(int grade)
    {
        var ratios = new List<decimal>(ratioYears);
        foreach (int year in history.YearsDownFrom(zone, origin - 1))
        {
            if (history.Pupils(zone, year, grade) is int from and > 0 && history.Pupils(zone, year + 1, grade + 1) is int to)
            {
                ratios.Add((decimal)to / from);
                if (ratios.Count == ratioYears)
                {
                    break;
                }
            }
        }
        return Mean(ratios);
    }

    // Fewer observed years than asked for gives no ratio: a mean of one odd year is a guess the official did not ask for.
    private (decimal? Mean, int Years) Mean(List<decimal> ratios) =>
        (ratios.Count == ratioYears ? ratios.Sum() / ratioYears : null, ratios.Count);
}
