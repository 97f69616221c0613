namespace Qedu.SeatForecast;

/// <summary>What is wrong with the input given to <see cref="SeatForecaster"/>.</summary>
public enum SeatForecastInputError
{
    /// <summary>A zone key is empty or blank.</summary>
    EmptyZone,
    /// <summary>A count (births, pupils, dwellings, seats) or a housing yield is below zero.</summary>
    Negative,
    /// <summary>Two rows of the same list share their key (zone, year and, where there is one, grade).</summary>
    Duplicate,
    /// <summary>An enrolment grade outside 1..9, or an entry grade that is neither grade one nor grade seven.</summary>
    UnknownGrade,
    /// <summary>A year outside 1..9999.</summary>
    Year,
    /// <summary>Dwellings are given but no yield per dwelling.</summary>
    MissingYield,
    /// <summary>The number of ratio years is below 1.</summary>
    RatioYears,
    /// <summary>The horizon is outside 1..6.</summary>
    Horizon,
}

/// <summary>Input the forecast refuses rather than guess around. The message names the zone, the year and the field.</summary>
public sealed class SeatForecastInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SeatForecastInputException(SeatForecastInputError error, string field, string? zone, int? year, string message)
        : base(message)
    {
        Error = error;
        Field = field;
        Zone = zone;
        Year = year;
    }

    /// <summary>What is wrong.</summary>
    public SeatForecastInputError Error { get; }

    /// <summary>The field at fault, e.g. "Births" or "RatioYears".</summary>
    public string Field { get; }

    /// <summary>The zone of the bad row; null for an option.</summary>
    public string? Zone { get; }

    /// <summary>The year of the bad row; null for an option.</summary>
    public int? Year { get; }
}
