namespace Qedu.SeatForecast.Internal;

/// <summary>The input checked and indexed by key. Built once; the forecast and the backtest only read it.</summary>
internal sealed class History
{
    internal const int FirstGrade = 1;
    internal const int LastGrade = 9;

    // Years are kept to four digits so "year − 6" and "base year + horizon" can never wrap around.
    private const int MinYear = 1;
    private const int MaxYear = 9999;

    private readonly Dictionary<(string Zone, int Year), int> births = [];
    private readonly Dictionary<(string Zone, int Year, int Grade), int> enrolment = [];
    private readonly Dictionary<(string Zone, int Year), int> dwellings = [];
    private readonly Dictionary<(string Zone, int Year, EntryGrade Grade), decimal> migration = [];
    private readonly Dictionary<(string Zone, int Year, EntryGrade Grade), int> seats = [];
    private readonly Dictionary<string, SortedSet<int>> enrolmentYears = new(StringComparer.Ordinal);
    private readonly SortedSet<string> zones = new(StringComparer.Ordinal);
    private HousingYield? yield;

    private History()
    {
    }

    /// <summary>Every zone named anywhere in the input, in ordinal order: a zone with seats but no enrolment (a
    /// mistyped key, say) then shows up as missing forecasts instead of vanishing.</summary>
    internal IReadOnlyCollection<string> Zones => zones;

    /// <summary>The first and last school years with enrolment data in any zone; null without enrolment.</summary>
    internal (int First, int Last)? EnrolmentSpan { get; private set; }

    internal int? Births(string zone, int year) => births.TryGetValue((zone, year), out var n) ? n : null;

    internal int? Pupils(string zone, int year, int grade) => enrolment.TryGetValue((zone, year, grade), out var n) ? n : null;

    internal int? Seats(string zone, int year, EntryGrade grade) => seats.TryGetValue((zone, year, grade), out var n) ? n : null;

    internal decimal Migration(string zone, int year, EntryGrade grade) => migration.GetValueOrDefault((zone, year, grade));

    internal decimal Housing(string zone, int year, EntryGrade grade)
    {
        if (yield is null || !dwellings.TryGetValue((zone, year), out var built))
        {
            return 0m;
        }
        return built * (grade == EntryGrade.GradeOne ? yield.AgeSixPerDwelling : yield.AgeTwelvePerDwelling);
    }

    /// <summary>The zone's enrolment years up to <paramref name="upTo"/>, latest first: where the ratios look.</summary>
    internal IEnumerable<int> YearsDownFrom(string zone, int upTo) =>
        enrolmentYears.TryGetValue(zone, out var years) ? years.GetViewBetween(int.MinValue, upTo).Reverse() : [];

    internal static History From(SeatForecastInput input, SeatForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RatioYears < 1)
        {
            throw new SeatForecastInputException(SeatForecastInputError.RatioYears, nameof(options.RatioYears), null, null,
                $"RatioYears is {options.RatioYears}; each ratio needs at least one observed year.");
        }
        if (options.Horizon is < 1 or > SeatForecastOptions.MaxHorizon)
        {
            throw new SeatForecastInputException(SeatForecastInputError.Horizon, nameof(options.Horizon), null, null,
                $"Horizon is {options.Horizon}; it must be 1 to {SeatForecastOptions.MaxHorizon} years, as far as known births and today's pupils reach.");
        }

        var history = new History();
        foreach (var row in input.Births)
        {
            history.Check(row.Zone, row.Year, nameof(input.Births));
            NotNegative(row.Births, row.Zone, row.Year, nameof(input.Births));
            Add(history.births, (row.Zone, row.Year), row.Births, row.Zone, row.Year, nameof(input.Births), "");
        }
        foreach (var row in input.Enrolment)
        {
            history.Check(row.Zone, row.Year, nameof(input.Enrolment));
            if (row.Grade is < FirstGrade or > LastGrade)
            {
                throw new SeatForecastInputException(SeatForecastInputError.UnknownGrade, nameof(input.Enrolment), row.Zone, row.Year,
                    $"Zone '{row.Zone}', year {row.Year}: Enrolment grade {row.Grade} is not a grade of compulsory schooling (1 to 9).");
            }
            NotNegative(row.Pupils, row.Zone, row.Year, nameof(input.Enrolment));
            Add(history.enrolment, (row.Zone, row.Year, row.Grade), row.Pupils, row.Zone, row.Year, nameof(input.Enrolment), $", grade {row.Grade}");
            if (!history.enrolmentYears.TryGetValue(row.Zone, out var years))
            {
                history.enrolmentYears[row.Zone] = years = [];
            }
            years.Add(row.Year);
            history.EnrolmentSpan = history.EnrolmentSpan is { } span
                ? (Math.Min(span.First, row.Year), Math.Max(span.Last, row.Year))
                : (row.Year, row.Year);
        }
        foreach (var row in input.Housing)
        {
            history.Check(row.Zone, row.Year, nameof(input.Housing));
            NotNegative(row.Dwellings, row.Zone, row.Year, nameof(input.Housing));
            Add(history.dwellings, (row.Zone, row.Year), row.Dwellings, row.Zone, row.Year, nameof(input.Housing), "");
        }
        foreach (var row in input.Migration)
        {
            history.Check(row.Zone, row.Year, nameof(input.Migration));
            CheckEntryGrade(row.Grade, row.Zone, row.Year, nameof(input.Migration));
            Add(history.migration, (row.Zone, row.Year, row.Grade), row.Children, row.Zone, row.Year, nameof(input.Migration), $", {row.Grade}");
        }
        foreach (var row in input.Seats)
        {
            history.Check(row.Zone, row.Year, nameof(input.Seats));
            CheckEntryGrade(row.Grade, row.Zone, row.Year, nameof(input.Seats));
            NotNegative(row.Seats, row.Zone, row.Year, nameof(input.Seats));
            Add(history.seats, (row.Zone, row.Year, row.Grade), row.Seats, row.Zone, row.Year, nameof(input.Seats), $", {row.Grade}");
        }

        if (input.Yield is { } given)
        {
            NotNegativeYield(given.AgeSixPerDwelling, nameof(given.AgeSixPerDwelling));
            NotNegativeYield(given.AgeTwelvePerDwelling, nameof(given.AgeTwelvePerDwelling));
            history.yield = given;
        }
        else if (input.Housing.Count > 0)
        {
            // Dwellings without a yield would silently add no children; the caller must say how many a dwelling brings.
            var first = input.Housing[0];
            throw new SeatForecastInputException(SeatForecastInputError.MissingYield, nameof(input.Yield), first.Zone, first.Year,
                $"Zone '{first.Zone}', year {first.Year}: Housing is given but Yield is not; say how many children of six and of twelve a new dwelling brings.");
        }
        return history;
    }

    private void Check(string zone, int year, string field)
    {
        if (string.IsNullOrWhiteSpace(zone))
        {
            throw new SeatForecastInputException(SeatForecastInputError.EmptyZone, field, zone, year,
                $"Zone '{zone}', year {year}: {field} has a row with a blank zone key.");
        }
        if (year is < MinYear or > MaxYear)
        {
            throw new SeatForecastInputException(SeatForecastInputError.Year, field, zone, year,
                $"Zone '{zone}': {field} has the year {year}, outside {MinYear} to {MaxYear}.");
        }
        zones.Add(zone);
    }

    private static void NotNegative(int count, string zone, int year, string field)
    {
        if (count < 0)
        {
            throw new SeatForecastInputException(SeatForecastInputError.Negative, field, zone, year,
                $"Zone '{zone}', year {year}: {field} is {count}; a count cannot be negative.");
        }
    }

    private static void NotNegativeYield(decimal perDwelling, string part)
    {
        if (perDwelling < 0)
        {
            throw new SeatForecastInputException(SeatForecastInputError.Negative, $"Yield.{part}", null, null,
                $"Yield.{part} is {perDwelling}; a dwelling cannot bring fewer than no children.");
        }
    }

    private static void CheckEntryGrade(EntryGrade grade, string zone, int year, string field)
    {
        if (!Enum.IsDefined(grade))
        {
            throw new SeatForecastInputException(SeatForecastInputError.UnknownGrade, field, zone, year,
                $"Zone '{zone}', year {year}: {field} names entry grade {(int)grade}; only grade one and grade seven are entry grades.");
        }
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, TValue> rows, TKey key, TValue value, string zone, int year, string field, string rest)
        where TKey : notnull
    {
        // Two rows for one key would leave the forecast to pick one; the caller knows which is right.
        if (!rows.TryAdd(key, value))
        {
            throw new SeatForecastInputException(SeatForecastInputError.Duplicate, field, zone, year,
                $"Zone '{zone}', year {year}{rest}: {field} has two rows; give one.");
        }
    }
}
