namespace Qedu.SeatForecast.Tests;

/// <summary>Short ways to write the input rows of a hand-worked case.</summary>
internal static class Rows
{
    internal static BirthCount Born(string zone, int year, int births) => new(zone, year, births);

    internal static EnrolmentCount Pupils(string zone, int year, int grade, int pupils) => new(zone, year, grade, pupils);

    internal static SeatCapacity Seats(string zone, int year, EntryGrade grade, int seats) => new(zone, year, grade, seats);

    internal static ZoneYearForecast Row(ForecastResult result, string zone, int year) =>
        Assert.Single(result.Rows, r => r.Zone == zone && r.Year == year);

    /// <summary>Decimals compared to 20 places: a division such as 104 / 110 is cut at 28 digits, and the exact
    /// fraction computed another way may differ in the last one.</summary>
    internal static void Near(decimal expected, decimal actual) =>
        Assert.Equal(Math.Round(expected, 20), Math.Round(actual, 20));
}
