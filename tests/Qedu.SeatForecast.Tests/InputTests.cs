using static Qedu.SeatForecast.Tests.Rows;

namespace Qedu.SeatForecast.Tests;

/// <summary>Input the forecast refuses, with a message naming the zone, the year and the field.</summary>
public class InputTests
{
    private static readonly List<BirthCount> SomeBirths = [Born("North", 2016, 100)];
    private static readonly List<EnrolmentCount> SomeEnrolment = [Pupils("North", 2022, 1, 95)];

    private static SeatForecastInput Valid => new(SomeBirths, SomeEnrolment);

    public static TheoryData<string, SeatForecastInput, SeatForecastInputError, string, string?, int?> BadRows => new()
    {
        { "negative births", new([Born("North", 2016, -1)], SomeEnrolment), SeatForecastInputError.Negative, "Births", "North", 2016 },
        { "negative pupils", new(SomeBirths, [Pupils("South", 2021, 3, -4)]), SeatForecastInputError.Negative, "Enrolment", "South", 2021 },
        { "negative dwellings", Valid with { Housing = [new("North", 2024, -10)], Yield = new(0.1m, 0.1m) }, SeatForecastInputError.Negative, "Housing", "North", 2024 },
        { "negative seats", Valid with { Seats = [Seats("East", 2025, EntryGrade.GradeSeven, -5)] }, SeatForecastInputError.Negative, "Seats", "East", 2025 },
        { "duplicate births", new([Born("North", 2016, 100), Born("North", 2016, 101)], SomeEnrolment), SeatForecastInputError.Duplicate, "Births", "North", 2016 },
        { "duplicate enrolment", new(SomeBirths, [Pupils("North", 2022, 1, 95), Pupils("North", 2022, 1, 96)]), SeatForecastInputError.Duplicate, "Enrolment", "North", 2022 },
        { "duplicate housing", Valid with { Housing = [new("West", 2024, 10), new("West", 2024, 20)], Yield = new(0.1m, 0.1m) }, SeatForecastInputError.Duplicate, "Housing", "West", 2024 },
        { "duplicate migration", Valid with { Migration = [new("North", 2024, EntryGrade.GradeOne, 3m), new("North", 2024, EntryGrade.GradeOne, 4m)] }, SeatForecastInputError.Duplicate, "Migration", "North", 2024 },
        { "duplicate seats", Valid with { Seats = [Seats("North", 2023, EntryGrade.GradeOne, 100), Seats("North", 2023, EntryGrade.GradeOne, 90)] }, SeatForecastInputError.Duplicate, "Seats", "North", 2023 },
        { "grade ten", new(SomeBirths, [Pupils("North", 2022, 10, 5)]), SeatForecastInputError.UnknownGrade, "Enrolment", "North", 2022 },
        { "grade zero", new(SomeBirths, [Pupils("North", 2022, 0, 5)]), SeatForecastInputError.UnknownGrade, "Enrolment", "North", 2022 },
        { "entry grade three", Valid with { Seats = [Seats("North", 2023, (EntryGrade)3, 100)] }, SeatForecastInputError.UnknownGrade, "Seats", "North", 2023 },
        { "blank zone", new([Born(" ", 2016, 100)], SomeEnrolment), SeatForecastInputError.EmptyZone, "Births", " ", 2016 },
        { "year 0", new(SomeBirths, [Pupils("North", 0, 1, 5)]), SeatForecastInputError.Year, "Enrolment", "North", 0 },
        { "housing without a yield", Valid with { Housing = [new("North", 2024, 300)] }, SeatForecastInputError.MissingYield, "Yield", "North", 2024 },
        { "negative yield", Valid with { Yield = new(0.1m, -0.2m) }, SeatForecastInputError.Negative, "Yield.AgeTwelvePerDwelling", null, null },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void A_bad_row_is_refused_naming_its_zone_year_and_field(
        string because, SeatForecastInput input, SeatForecastInputError error, string field, string? zone, int? year)
    {
        var forecast = Assert.Throws<SeatForecastInputException>(() => SeatForecaster.Forecast(input));
        var backtest = Assert.Throws<SeatForecastInputException>(() => SeatForecaster.Backtest(input));

        Assert.True((forecast.Error, forecast.Field, forecast.Zone, forecast.Year) == (error, field, zone, year),
            $"{because}: {forecast.Error}, {forecast.Field}, {forecast.Zone}, {forecast.Year}: {forecast.Message}");
        Assert.Equal(forecast.Message, backtest.Message);
        Assert.Contains(field, forecast.Message, StringComparison.Ordinal);
        if (zone is not null)
        {
            Assert.Contains($"'{zone}'", forecast.Message, StringComparison.Ordinal);
        }
        if (year is not null)
        {
            Assert.Contains(year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), forecast.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Fewer_than_one_ratio_year_is_refused(int ratioYears)
    {
        var refused = Assert.Throws<SeatForecastInputException>(() => SeatForecaster.Forecast(Valid, new SeatForecastOptions { RatioYears = ratioYears }));

        Assert.Equal((SeatForecastInputError.RatioYears, "RatioYears"), (refused.Error, refused.Field));
        Assert.Throws<SeatForecastInputException>(() => SeatForecaster.Backtest(Valid, new SeatForecastOptions { RatioYears = ratioYears }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void A_horizon_outside_one_to_six_is_refused(int horizon)
    {
        var refused = Assert.Throws<SeatForecastInputException>(() => SeatForecaster.Forecast(Valid, new SeatForecastOptions { Horizon = horizon }));

        Assert.Equal((SeatForecastInputError.Horizon, "Horizon"), (refused.Error, refused.Field));
        Assert.Throws<SeatForecastInputException>(() => SeatForecaster.Backtest(Valid, new SeatForecastOptions { Horizon = horizon }));
    }

    [Fact]
    public void Good_input_next_to_the_bad_is_accepted()
    {
        // The witness: the valid input the refusals start from passes, so each refusal is the one bad row's doing.
        var input = Valid with
        {
            Housing = [new("North", 2024, 10)],
            Yield = new(0m, 0m),
            Migration = [new("North", 2024, EntryGrade.GradeOne, -3m)],
            Seats = [Seats("North", 2023, EntryGrade.GradeOne, 0)],
        };

        Assert.Equal(2022, SeatForecaster.Forecast(input).BaseYear);
        Assert.Equal(12, SeatForecaster.Backtest(input).Accuracy.Count);
    }
}
