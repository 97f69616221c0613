using static Qedu.SeatForecast.Tests.Rows;

namespace Qedu.SeatForecast.Tests;

/// <summary>The backtest on histories whose errors are worked out by hand.</summary>
public class BacktestTests
{
    [Fact]
    public void Constant_ratios_forecast_the_past_exactly_and_origins_need_k_earlier_years()
    {
        // Births 2000..2026 grow by 10 a year from 100; every grade one is 0.9 × the births six years before and every
        // class moves up whole (grade g in t = 0.9 × births of t − 5 − g). Every ratio is exactly 0.9 or 1, so MAPE is 0.
        // Enrolment 2016..2026, k = 3: grade one can be forecast from 2018 (three entry years), grade seven from 2019
        // (three transitions). Cases at horizon h: grade one origins 2018..2026−h → 9 − h; grade seven 2019..2026−h → 8 − h.
        const string zone = "Steady";
        var births = Enumerable.Range(2000, 27).Select(y => Born(zone, y, 100 + 10 * (y - 2000))).ToList();
        var enrolment = (from year in Enumerable.Range(2016, 11)
                         from grade in Enumerable.Range(1, 9)
                         select Pupils(zone, year, grade, 9 * (100 + 10 * (year - 5 - grade - 2000)) / 10)).ToList();

        var result = SeatForecaster.Backtest(new SeatForecastInput(births, enrolment));

        Assert.Equal(12, result.Accuracy.Count);
        foreach (var horizon in Enumerable.Range(1, 6))
        {
            var gradeOne = Assert.Single(result.Accuracy, a => a.Grade == EntryGrade.GradeOne && a.Horizon == horizon);
            var gradeSeven = Assert.Single(result.Accuracy, a => a.Grade == EntryGrade.GradeSeven && a.Horizon == horizon);
            Assert.Equal((9 - horizon, 0, 0m), (gradeOne.Cases, gradeOne.ZeroActuals, gradeOne.Mape!.Value));
            Assert.Equal((8 - horizon, 0, 0m), (gradeSeven.Cases, gradeSeven.ZeroActuals, gradeSeven.Mape!.Value));
        }
        Assert.Equal(2018, result.Cases.Where(c => c.Grade == EntryGrade.GradeOne).Min(c => c.Origin));
        Assert.Equal(2019, result.Cases.Where(c => c.Grade == EntryGrade.GradeSeven).Min(c => c.Origin));
    }

    // Zone Jump, k = 1, births 2010..2013: 100 each; grade one 2016: 90, 2017: 90, 2018: 99, 2019: 90.
    //   origin 2016 (ratio 0.90): 2017 90 vs 90 → 0; 2018 90 vs 99 → 9/99 = 1/11; 2019 90 vs 90 → 0
    //   origin 2017 (ratio 0.90): 2018 90 vs 99 → 1/11; 2019 90 vs 90 → 0
    //   origin 2018 (ratio 0.99): 2019 99 vs 90 → 9/90 = 1/10
    //   horizon 1: (0 + 1/11 + 1/10) / 3 = 7/110 → 70/11 % = 6.3636… %, 3 cases
    //   horizon 2: (1/11 + 0) / 2 = 1/22 → 50/11 % = 4.5454… %, 2 cases
    //   horizon 3: 0 %, 1 case; horizons 4..6: no case.
    // Grade six 2016..2018: 100; grade seven 2017: 100, 2018: 110.
    //   origin 2017 (ratio 100/100 from 2016 → 2017): 2018 grade seven 100 vs 110 → 1/11 → 100/11 % = 9.0909… %;
    //   origin 2016 has no transition yet; origin 2018 forecasts 2019, which has no grade seven to compare with.
    // Zone Closed, births 2010, 2011: 10; grade one 2016: 10, 2017: 0.
    //   origin 2016 (ratio 1): 2017 10 vs 0 → left out of the MAPE and counted; the later births are not known.
    private static SeatForecastInput JumpAndClosed() => new(
        [
            Born("Jump", 2010, 100), Born("Jump", 2011, 100), Born("Jump", 2012, 100), Born("Jump", 2013, 100),
            Born("Closed", 2010, 10), Born("Closed", 2011, 10),
        ],
        [
            Pupils("Jump", 2016, 1, 90), Pupils("Jump", 2017, 1, 90), Pupils("Jump", 2018, 1, 99), Pupils("Jump", 2019, 1, 90),
            Pupils("Jump", 2016, 6, 100), Pupils("Jump", 2017, 6, 100), Pupils("Jump", 2018, 6, 100),
            Pupils("Jump", 2017, 7, 100), Pupils("Jump", 2018, 7, 110),
            Pupils("Closed", 2016, 1, 10), Pupils("Closed", 2017, 1, 0),
        ]);

    [Fact]
    public void A_known_error_gives_the_hand_computed_MAPE_per_horizon()
    {
        var result = SeatForecaster.Backtest(JumpAndClosed(), new SeatForecastOptions { RatioYears = 1 });

        var gradeOne = result.Accuracy.Where(a => a.Grade == EntryGrade.GradeOne).ToList();
        Assert.Equal([3, 2, 1, 0, 0, 0], gradeOne.Select(a => a.Cases));
        Assert.Equal([1, 0, 0, 0, 0, 0], gradeOne.Select(a => a.ZeroActuals));
        Near(70m / 11m, gradeOne[0].Mape!.Value);
        Near(50m / 11m, gradeOne[1].Mape!.Value);
        Assert.Equal(0m, gradeOne[2].Mape);
        Assert.All(gradeOne.Skip(3), a => Assert.Null(a.Mape));

        var gradeSeven = result.Accuracy.Where(a => a.Grade == EntryGrade.GradeSeven).ToList();
        Assert.Equal([1, 0, 0, 0, 0, 0], gradeSeven.Select(a => a.Cases));
        Near(100m / 11m, gradeSeven[0].Mape!.Value);

        var last = Assert.Single(result.Cases, c => c.Zone == "Jump" && c.Origin == 2018 && c.Grade == EntryGrade.GradeOne);
        Assert.Equal((1, 99m, 90), (last.Horizon, last.Forecast, last.Actual));
        Assert.Contains(result.Cases, c => c is { Zone: "Closed", Origin: 2016, Horizon: 1, Forecast: 10m, Actual: 0 });
    }

    [Fact]
    public void The_backtest_measures_the_ratios_alone_without_housing_or_migration()
    {
        var plain = SeatForecaster.Backtest(JumpAndClosed(), new SeatForecastOptions { RatioYears = 1 });
        var adjusted = SeatForecaster.Backtest(
            JumpAndClosed() with
            {
                Housing = [new HousingCompletion("Jump", 2018, 100)],
                Yield = new HousingYield(0.5m, 0.5m),
                Migration = [new MigrationAdjustment("Jump", 2019, EntryGrade.GradeOne, 30m)],
            },
            new SeatForecastOptions { RatioYears = 1 });

        Assert.Equal(plain.Accuracy, adjusted.Accuracy);
        Assert.Equal(plain.Cases, adjusted.Cases);
    }

    [Fact]
    public void The_horizon_option_limits_what_is_measured()
    {
        var result = SeatForecaster.Backtest(JumpAndClosed(), new SeatForecastOptions { RatioYears = 1, Horizon = 2 });

        Assert.Equal(4, result.Accuracy.Count);
        Assert.All(result.Cases, c => Assert.InRange(c.Horizon, 1, 2));
    }
}
