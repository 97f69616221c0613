using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Indicators.Data;
using Qedu.Indicators.Definitions;
using Qedu.Indicators.Computation;
using Qedu.Kernel.Access;
using static Qedu.Indicators.Tests.HandBuiltCity;

namespace Qedu.Indicators.Tests;

/// <summary>The hand-built city, computed once for the period 2026.</summary>
public sealed class ComputedCity : IAsyncLifetime
{
    private KernelHost? _host;

    public KernelHost Host => _host ?? throw new InvalidOperationException("Not initialised yet.");
    internal ComputeResult Result { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _host = await KernelHost.CreateSeededAsync(seed: false);
        await BuildAsync(_host);
        await using var scope = _host.Scope(AccessContext.System("test-compute"));
        Result = await scope.ServiceProvider.GetRequiredService<IndicatorComputation>().ComputeAsync("2026", store: true, default);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>Every registry indicator against figures counted by hand from <see cref="HandBuiltCity"/>.</summary>
public sealed class ComputationTests(ComputedCity city) : IClassFixture<ComputedCity>
{
    private decimal? Value(string org, string code) =>
        city.Result.Values.FirstOrDefault(v => v.OrgCode == org && v.IndicatorCode == code)?.Value;

    [Theory]
    // Average class size: students placed in classes ÷ classes; graduates and the unplaced pupil do not count.
    [InlineData(PrimaryA, "class-size-avg.primary", 56.7)]         // (60 + 40 + 70) / 3
    [InlineData(NineYearB, "class-size-avg.primary", 45.0)]
    [InlineData(NineYearB, "class-size-avg.junior", 50.0)]
    [InlineData(DistrictA, "class-size-avg.primary", 56.7)]
    [InlineData(City, "class-size-avg.primary", 53.8)]             // 215 / 4 = 53.75, rounded half away from zero
    [InlineData(City, "class-size-avg.junior", 50.0)]
    [InlineData(SeniorB, "class-size-avg.senior", 50.0)]
    [InlineData(City, "large-class-share.senior", 0.0)]
    [InlineData(City, "student-teacher-ratio.senior", 10.0)]       // 50 / 5
    // 大班额: 56 or more; 超大班额: 66 or more.
    [InlineData(PrimaryA, "large-class-share.primary", 66.7)]      // 60 and 70 of three classes
    [InlineData(NineYearB, "large-class-share.primary", 0.0)]
    [InlineData(City, "large-class-share.primary", 50.0)]          // 2 of 4
    [InlineData(PrimaryA, "super-large-classes.primary", 1)]
    [InlineData(DistrictB, "super-large-classes.primary", 0)]
    [InlineData(City, "super-large-classes.primary", 1)]
    // Student–teacher ratio: enrolled ÷ full-time teachers (administrators are not teachers); a nine-year school's
    // 10 teachers are shared 45 : 50 between its stages.
    [InlineData(PrimaryA, "student-teacher-ratio.primary", 28.5)]  // 171 / 6
    [InlineData(NineYearB, "student-teacher-ratio.primary", 9.5)]  // 45 / (10 × 45/95)
    [InlineData(NineYearB, "student-teacher-ratio.junior", 9.5)]   // 50 / (10 × 50/95)
    [InlineData(City, "student-teacher-ratio.primary", 20.1)]      // 216 / (6 + 4.7368)
    [InlineData(KindergartenA, "student-teacher-ratio.preschool", 10.0)]
    [InlineData(City, "student-teacher-ratio.preschool", 20.0)]    // 60 children / 3 teachers
    // Kindergartens: 公办园 30, 普惠性民办园 20, other private 10.
    [InlineData(City, "inclusive-kindergarten-coverage", 83.3)]    // 50 / 60
    [InlineData(DistrictA, "inclusive-kindergarten-coverage", 100.0)]
    [InlineData(DistrictB, "inclusive-kindergarten-coverage", 66.7)]
    [InlineData(City, "public-kindergarten-share", 50.0)]          // 30 / 60
    [InlineData(DistrictB, "public-kindergarten-share", 0.0)]
    // Migrant and left-behind children, over every enrolled student (376 in the city).
    [InlineData(PrimaryA, "migrant-share", 5.8)]                   // 10 / 171
    [InlineData(City, "migrant-share", 2.7)]                       // 10 / 376
    [InlineData(City, "left-behind-children", 3)]
    [InlineData(NineYearB, "left-behind-children", 0)]
    // Seats: only schools with a seat count take part.
    [InlineData(PrimaryA, "seat-utilisation", 85.5)]               // 171 / 200
    [InlineData(NineYearB, "seat-utilisation", 105.6)]             // 95 / 90
    [InlineData(City, "seat-utilisation", 91.7)]                   // 266 / 290
    [InlineData(PrimaryA, "seat-surplus", 29)]
    [InlineData(NineYearB, "seat-surplus", -5)]
    [InlineData(City, "seat-surplus", 24)]
    // Class-size bands count primary and secondary classes only (the kindergartens' 30, 20 and 10 are not in them).
    [InlineData(City, "class-size-band.36-40", 1)]
    [InlineData(City, "class-size-band.41-45", 1)]
    [InlineData(City, "class-size-band.46-50", 2)]                 // B-9's junior class and the senior class
    [InlineData(City, "class-size-band.56-65", 1)]
    [InlineData(City, "class-size-band.66+", 1)]
    [InlineData(City, "class-size-band.1-30", 0)]
    public void Each_indicator_equals_the_hand_count(string org, string code, double expected) =>
        Assert.Equal((decimal)expected, Value(org, code));

    [Theory]
    [InlineData(KindergartenA, "class-size-avg.primary")]       // a kindergarten has no primary stage
    [InlineData(PrimaryA, "class-size-avg.junior")]             // a primary school has no junior stage
    [InlineData(PrimaryA, "inclusive-kindergarten-coverage")]   // city and district only
    [InlineData(InclusiveB, "student-teacher-ratio.preschool")] // no teachers: a ratio over nothing has no value
    [InlineData(City, "campus-network-compliance")]             // fed by a form nobody has returned
    [InlineData(City, "sister-schools")]
    [InlineData(City, "preschool-enrolment-rate")]
    [InlineData(City, "admissions-acceptance")]                 // the hand-built city has no admission season
    public void No_value_where_the_indicator_does_not_apply_or_has_no_data(string org, string code) =>
        Assert.Null(Value(org, code));

    [Fact]
    public void Every_registry_indicator_has_a_value_for_the_city()
    {
        var catalog = IndicatorCatalog.BuiltIn();
        var missing = catalog.Indicators.Where(i => i.Source == "registry" && Value(City, i.Code) is null).Select(i => i.Code).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_values_are_stored_as_the_periods_snapshots_and_recomputing_replaces_them()
    {
        await using var scope = city.Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<IndicatorsDb>();
        var stored = await db.Snapshots.Where(s => s.Period == "2026").CountAsync();
        Assert.Equal(city.Result.Values.Count, stored);

        var again = await scope.ServiceProvider.GetRequiredService<IndicatorComputation>().ComputeAsync("2026", store: true, default);
        Assert.Equal(stored, await db.Snapshots.Where(s => s.Period == "2026").CountAsync());
        Assert.Equal(city.Result.Values.Select(v => (v.OrgCode, v.IndicatorCode, v.Value)), again.Values.Select(v => (v.OrgCode, v.IndicatorCode, v.Value)));
        var cityId = city.Result.Values.First(v => v.OrgCode == City).OrgUnitId;
        var ratio = await db.Snapshots.SingleAsync(s => s.Period == "2026" && s.IndicatorCode == "large-class-share.primary" && s.OrgUnitId == cityId);
        Assert.Equal((2m, 4m), (ratio.Numerator, ratio.Denominator!.Value));
    }

    [Fact]
    public async Task A_district_reads_its_own_snapshots_and_not_the_citys()
    {
        var district = await city.Host.UserAsync(Qedu.Kernel.Access.Roles.DistrictAdmin, DistrictA);
        await using var scope = city.Host.Scope(district);
        var units = await scope.ServiceProvider.GetRequiredService<IndicatorsDb>().Snapshots.Select(s => s.OrgUnitId).Distinct().CountAsync();
        Assert.Equal(3, units); // district A, its primary school and its kindergarten
    }

    [Theory]
    [InlineData("2026", true)]
    [InlineData("2026-11", true)]
    [InlineData("2026-13", false)]
    [InlineData("26", false)]
    [InlineData("2026-1", false)]
    [InlineData("", false)]
    public void Periods_are_a_year_or_a_month(string period, bool valid) => Assert.Equal(valid, IndicatorComputation.IsPeriod(period));
}
