using static Qedu.SeatForecast.Tests.Rows;

namespace Qedu.SeatForecast.Tests;

/// <summary>The forecast on small cases worked out by hand in the comments.</summary>
public class ForecastTests
{
    private const string North = "North";

    // Grade one, zone North, base year 2022 (the last year with enrolment):
    //   births 2014: 100, 2015: 110, 2016: 120   grade one 2020: 95, 2021: 104, 2022: 114
    //   entry ratios 95/100 = 19/20, 104/110 = 52/55, 114/120 = 19/20
    //   mean = (209/220 + 208/220 + 209/220) / 3 = 626/660 = 313/330 = 0.948484…
    //   grade one 2023 = births 2017 (130) × 313/330 = 40690/330 = 123.3030… → 123
    private static List<BirthCount> GradeOneBirths() =>
        [Born(North, 2014, 100), Born(North, 2015, 110), Born(North, 2016, 120), Born(North, 2017, 130)];

    private static List<EnrolmentCount> GradeOneHistory() =>
        [Pupils(North, 2020, 1, 95), Pupils(North, 2021, 1, 104), Pupils(North, 2022, 1, 114)];

    // Grade seven, zone North, k = 2, base year 2022:
    //   grade 5 → 6: 2020→2021 100 → 100 = 1.00; 2021→2022 80 → 76 = 0.95; mean 0.975
    //   grade 6 → 7: 2020→2021 200 → 210 = 1.05; 2021→2022 100 → 115 = 1.15; mean 1.10
    //   grade seven 2023 = grade 6 in 2022 (76) × 1.10 = 83.6 → 84
    //   grade seven 2024 = grade 5 in 2022 (150) × 0.975 × 1.10 = 150 × 1.0725 = 160.875 → 161
    private static List<EnrolmentCount> GradeSevenHistory() =>
    [
        Pupils(North, 2020, 5, 100), Pupils(North, 2021, 5, 80), Pupils(North, 2022, 5, 150),
        Pupils(North, 2020, 6, 200), Pupils(North, 2021, 6, 100), Pupils(North, 2022, 6, 76),
        Pupils(North, 2021, 7, 210), Pupils(North, 2022, 7, 115),
    ];

    [Fact]
    public void Grade_one_is_births_six_years_before_times_the_mean_entry_ratio()
    {
        var result = SeatForecaster.Forecast(new SeatForecastInput(GradeOneBirths(), GradeOneHistory()));

        Assert.Equal(2022, result.BaseYear);
        var gradeOne = Row(result, North, 2023).GradeOne!;
        Assert.Equal(130, gradeOne.Source);
        Near(313m / 330m, gradeOne.Ratio);
        Assert.Equal(123, gradeOne.Demand);
        Assert.Equal(1, Row(result, North, 2023).Horizon);
    }

    [Fact]
    public void The_entry_ratio_is_the_mean_of_the_last_k_years_only()
    {
        // An older year with a very different ratio (50/100) is outside k = 3 and must not count; with k = 4 it does:
        // (19/20 + 52/55 + 19/20 + 1/2) / 4 = (626/220 + 110/220) / 4 = 736/880 = 46/55, and 130 × 46/55 = 108.72… → 109.
        var births = GradeOneBirths().Append(Born(North, 2013, 100)).ToList();
        var enrolment = GradeOneHistory().Append(Pupils(North, 2019, 1, 50)).ToList();

        var three = SeatForecaster.Forecast(new SeatForecastInput(births, enrolment));
        var four = SeatForecaster.Forecast(new SeatForecastInput(births, enrolment), new SeatForecastOptions { RatioYears = 4 });

        Assert.Equal(123, Row(three, North, 2023).GradeOne!.Demand);
        Near(46m / 55m, Row(four, North, 2023).GradeOne!.Ratio);
        Assert.Equal(109, Row(four, North, 2023).GradeOne!.Demand);
    }

    [Fact]
    public void A_year_without_births_gives_no_entry_ratio_and_an_earlier_year_is_used()
    {
        // 2020's births year 2014 has 0 births, so 2020 gives no ratio; k = 3 then reaches back to 2019
        // (76/80 = 0.95): ratios 0.95, 52/55, 0.95 as in the main case → 123 again. Without 2019, too few years.
        var births = GradeOneBirths().Select(b => b.Year == 2014 ? b with { Births = 0 } : b).Append(Born(North, 2013, 80)).ToList();
        var enrolment = GradeOneHistory().Append(Pupils(North, 2019, 1, 76)).ToList();

        var result = SeatForecaster.Forecast(new SeatForecastInput(births, enrolment), new SeatForecastOptions { Horizon = 1 });
        var tooFew = SeatForecaster.Forecast(new SeatForecastInput(births, GradeOneHistory()), new SeatForecastOptions { Horizon = 1 });

        Assert.Equal(123, Row(result, North, 2023).GradeOne!.Demand);
        Assert.Null(Row(tooFew, North, 2023).GradeOne);
        var missing = Assert.Single(tooFew.Missing, m => m.Grade == EntryGrade.GradeOne);
        Assert.Equal(MissingReason.TooFewEntryYears, missing.Reason);
        Assert.Contains("only 2 of 3 years", missing.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_births_are_reported_not_guessed()
    {
        // Births are known up to 2017 only: 2023 (births 2017) is forecast, 2024..2028 (births 2018..2022) are not.
        var result = SeatForecaster.Forecast(new SeatForecastInput(GradeOneBirths(), GradeOneHistory()));

        Assert.Equal(6, result.Rows.Count);
        Assert.NotNull(Row(result, North, 2023).GradeOne);
        var missing = result.Missing.Where(m => m.Grade == EntryGrade.GradeOne).ToList();
        Assert.Equal([2024, 2025, 2026, 2027, 2028], missing.Select(m => m.Year));
        Assert.All(missing, m => Assert.Equal(MissingReason.NoBirths, m.Reason));
        Assert.All(missing, m => Assert.Null(Row(result, North, m.Year).GradeOne));
        Assert.Contains("no births recorded for 2018", missing[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_seven_carries_todays_pupils_up_by_the_mean_progression_ratios()
    {
        var options = new SeatForecastOptions { RatioYears = 2, Horizon = 3 };
        var result = SeatForecaster.Forecast(new SeatForecastInput([], GradeSevenHistory()), options);

        var oneAhead = Row(result, North, 2023).GradeSeven!;
        Assert.Equal(76, oneAhead.Source);
        Assert.Equal(1.10m, oneAhead.Ratio);
        Assert.Equal(84, oneAhead.Demand);

        var twoAhead = Row(result, North, 2024).GradeSeven!;
        Assert.Equal(150, twoAhead.Source);
        Assert.Equal(1.0725m, twoAhead.Ratio);
        Assert.Equal(161, twoAhead.Demand);

        // Three years ahead starts from grade 4 in 2022, which is not there.
        Assert.Null(Row(result, North, 2025).GradeSeven);
        Assert.Contains(result.Missing, m => m.Year == 2025 && m.Grade == EntryGrade.GradeSeven && m.Reason == MissingReason.NoBaseEnrolment);
    }

    [Fact]
    public void Grade_seven_without_enough_transitions_is_reported()
    {
        // With k = 3 only two transitions of each grade exist.
        var result = SeatForecaster.Forecast(new SeatForecastInput([], GradeSevenHistory()), new SeatForecastOptions { Horizon = 1 });

        Assert.Null(Row(result, North, 2023).GradeSeven);
        var missing = Assert.Single(result.Missing, m => m.Grade == EntryGrade.GradeSeven);
        Assert.Equal(MissingReason.TooFewProgressionYears, missing.Reason);
        Assert.Contains("grade 6 moving up to grade 7", missing.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void New_housing_adds_its_yield_to_both_entry_grades()
    {
        // 40 dwellings for 2023 at 0.15 children of six and 0.05 of twelve each add 6 to grade one and 2 to grade seven.
        // With k = 2: entry ratios 52/55 and 19/20, mean (208 + 209)/440 = 417/440; 130 × 417/440 = 123.2045…
        //   grade one 123.2045… + 6 = 129.2045… → 129; grade seven 83.6 + 2 = 85.6 → 86.
        var input = new SeatForecastInput(GradeOneBirths(), [.. GradeOneHistory(), .. GradeSevenHistory()])
        {
            Housing = [new HousingCompletion(North, 2023, 40)],
            Yield = new HousingYield(0.15m, 0.05m),
        };

        var row = Row(SeatForecaster.Forecast(input, new SeatForecastOptions { RatioYears = 2, Horizon = 2 }), North, 2023);

        Near(417m / 440m, row.GradeOne!.Ratio);
        Assert.Equal(6m, row.GradeOne.Housing);
        Assert.Equal(129, row.GradeOne.Demand);
        Assert.Equal(2m, row.GradeSeven!.Housing);
        Assert.Equal(86, row.GradeSeven.Demand);
    }

    [Fact]
    public void Migration_adds_as_given_and_a_half_child_rounds_away_from_zero()
    {
        // Grade seven 2023: 83.6 − 1.1 = 82.5 → 83 (to-even rounding would give 82).
        // Grade seven 2024: 160.875 − 200 is below zero → 0 children, never fewer.
        var input = new SeatForecastInput([], GradeSevenHistory())
        {
            Migration =
            [
                new MigrationAdjustment(North, 2023, EntryGrade.GradeSeven, -1.1m),
                new MigrationAdjustment(North, 2024, EntryGrade.GradeSeven, -200m),
            ],
        };

        var result = SeatForecaster.Forecast(input, new SeatForecastOptions { RatioYears = 2, Horizon = 2 });

        Assert.Equal(-1.1m, Row(result, North, 2023).GradeSeven!.Migration);
        Assert.Equal(83, Row(result, North, 2023).GradeSeven!.Demand);
        Assert.Equal(0, Row(result, North, 2024).GradeSeven!.Demand);
    }

    [Fact]
    public void A_shortfall_is_flagged_when_demand_exceeds_seats()
    {
        // k = 2, so grade one is 130 × 417/440 = 123.2… → 123 in 2023 and again in 2024 (births 2018: 130 as well).
        // Grade one 2023 demand 123 against 120 seats: 3 children short. Grade seven 2023 demand 84 against 84: no gap.
        // Grade seven 2024 demand 161 against 170: 9 spare seats. Grade one 2024 has no seats given: no gap, no flag.
        var input = new SeatForecastInput(GradeOneBirths().Append(Born(North, 2018, 130)).ToList(), [.. GradeOneHistory(), .. GradeSevenHistory()])
        {
            Seats =
            [
                Seats(North, 2023, EntryGrade.GradeOne, 120), Seats(North, 2023, EntryGrade.GradeSeven, 84),
                Seats(North, 2024, EntryGrade.GradeSeven, 170),
            ],
        };

        var result = SeatForecaster.Forecast(input, new SeatForecastOptions { RatioYears = 2, Horizon = 2 });

        var short2023 = Row(result, North, 2023).GradeOne!;
        Assert.Equal((123, 120, 3, true), (short2023.Demand, short2023.Seats!.Value, short2023.Gap!.Value, short2023.Shortfall));
        var even = Row(result, North, 2023).GradeSeven!;
        Assert.Equal((84, 0, false), (even.Demand, even.Gap!.Value, even.Shortfall));
        var spare = Row(result, North, 2024).GradeSeven!;
        Assert.Equal((161, -9, false), (spare.Demand, spare.Gap!.Value, spare.Shortfall));
        var unknown = Row(result, North, 2024).GradeOne!;
        Assert.Equal((123, (int?)null, (int?)null, false), (unknown.Demand, unknown.Seats, unknown.Gap, unknown.Shortfall));
    }

    [Fact]
    public void Every_zone_named_in_the_input_gets_rows_and_one_without_enrolment_is_reported_missing()
    {
        // "Nort" has seats but no enrolment, as a mistyped key would: it is listed with every figure missing.
        var input = new SeatForecastInput(GradeOneBirths(), GradeOneHistory()) { Seats = [Seats("Nort", 2023, EntryGrade.GradeOne, 120)] };

        var result = SeatForecaster.Forecast(input, new SeatForecastOptions { Horizon = 2 });

        Assert.Equal(["Nort", "Nort", North, North], result.Rows.Select(r => r.Zone));
        Assert.All(result.Rows.Where(r => r.Zone == "Nort"), r => Assert.True(r.GradeOne is null && r.GradeSeven is null));
        Assert.Equal(4, result.Missing.Count(m => m.Zone == "Nort"));
    }

    [Fact]
    public void No_enrolment_gives_no_base_year_and_no_rows()
    {
        var result = SeatForecaster.Forecast(new SeatForecastInput(GradeOneBirths(), []));

        Assert.Null(result.BaseYear);
        Assert.Empty(result.Rows);
    }
}
