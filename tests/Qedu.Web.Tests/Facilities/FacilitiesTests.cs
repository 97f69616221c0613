using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Web.Tests.Infrastructure;
using static Qedu.Web.Tests.Infrastructure.Http;

namespace Qedu.Web.Tests.Facilities;

/// <summary>
/// Facilities and seats: a zone's forecast worked by hand through the API (births from the health authorities' file,
/// enrolment, housing, a project's seats from its opening year); a births file with bad rows refused whole, each problem
/// naming file, row and column in the caller's language; a district cannot touch another district's zone.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FacilitiesTests(WebApp app)
{
    private const string Shinan = "370202";

    private static readonly (int, string?)[] BadCells = [(3, "学区代码"), (4, "出生年份"), (5, "出生人数"), (6, "学区代码")];

    private static int ThisYear => CityDate.Today(TimeProvider.System).Year;

    private static string NewCode() => "TZ" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static MultipartFormDataContent BirthsFile(string csv, string fileName = "births.csv", bool dryRun = false) => new()
    {
        { new StringContent(dryRun ? "true" : "false"), "dryRun" },
        { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", fileName },
    };

    private static async Task<string> NewZoneAsync(HttpClient client)
    {
        var code = NewCode();
        await OkJsonAsync(await client.PostAsJsonAsync($"/api/facilities/zones?district={Shinan}", new { code, name = "测试学区" }));
        return code;
    }

    [Fact]
    public async Task A_zones_forecast_through_the_api_is_the_hand_worked_one()
    {
        var admin = await app.ClientAsync("shinan.admin");
        var code = await NewZoneAsync(admin); // no schools: today's seats are 0
        // The base year: the last school year with enrolment, the one the demo city's zones of the district end in too.
        var today = CityDate.Today(TimeProvider.System);
        var b = today.Month >= 9 ? today.Year : today.Year - 1;

        // Births born b−8 .. b−4 (100, 120, 140, 160, 150) from the health authorities' file.
        var csv = $"学区代码,出生年份,出生人数\n{code},{b - 8},100\n{code},{b - 7},120\n{code},{b - 6},140\n{code},{b - 5},160\n{code},{b - 4},150\n";
        var imported = await OkJsonAsync(await admin.PostAsync("/api/facilities/births/import", BirthsFile(csv)));
        Assert.Equal(5, imported.GetProperty("rows").GetInt32());

        // Grade one in b−2, b−1, b: 90, 108, 126 — each 0.9 of the births six years before. 100 dwellings for b+1; the
        // planner expects 20 children of a resettled village in grade one in b+2.
        await OkJsonAsync(await admin.PutAsJsonAsync($"/api/facilities/zones/{code}/history", new
        {
            enrolment = new[] { new { year = b - 2, grade = 1, pupils = 90 }, new { year = b - 1, grade = 1, pupils = 108 }, new { year = b, grade = 1, pupils = 126 } },
            housing = new[] { new { year = b + 1, dwellings = 100 } },
            migration = new[] { new { year = b + 2, grade = 1, children = 20 } },
        }));
        // A migration adjustment names grade 1 or 7, once per year; refused whole, naming the row.
        using (var bad = await admin.PutAsJsonAsync($"/api/facilities/zones/{code}/history", new
        {
            enrolment = new[] { new { year = b - 3, grade = 1, pupils = 80 } },
            migration = new[] { new { year = b + 3, grade = 3, children = 5 }, new { year = b + 4, grade = 7, children = -5 }, new { year = b + 4, grade = 7, children = 5 } },
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(["migration[0].grade", "migration[2]"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        // A new school of the zone adds 100 grade-one seats from b+2.
        await OkJsonAsync(await admin.PostAsJsonAsync($"/api/facilities/projects?district={Shinan}", new
        {
            name = "测试新建小学", kind = "New", zone = code, gradeOneSeats = 100, gradeSevenSeats = 0, totalSeats = 600, budgetWan = 8000m, openingYear = b + 2,
            planTask = "大班额专项", milestones = new[] { new { name = "开工", dueOn = $"{b}-03-01" } },
        }));

        var seats = await OkJsonAsync(await admin.GetAsync($"/api/facilities/seats?district={Shinan}"));
        var zone = seats.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("code").GetString() == code);
        var years = zone.GetProperty("years").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32());
        // Entry ratio: (90/100 + 108/120 + 126/140) / 3 = 0.9.
        // b+1: births of b−5 = 160 × 0.9 = 144, plus 100 dwellings × 0.08 = 8 → 152 against 0 seats (the project opens later): short by 152.
        var one = years[b + 1].GetProperty("gradeOne");
        Assert.Equal((152, 0, 152, true), (one.GetProperty("demand").GetInt32(), one.GetProperty("seats").GetInt32(), one.GetProperty("gap").GetInt32(), one.GetProperty("shortfall").GetBoolean()));
        // b+2: births of b−4 = 150 × 0.9 = 135, plus the 20 moving in = 155 against the project's 100 seats: short by 55.
        var two = years[b + 2].GetProperty("gradeOne");
        Assert.Equal((155, 100, 55), (two.GetProperty("demand").GetInt32(), two.GetProperty("seats").GetInt32(), two.GetProperty("gap").GetInt32()));
        // Nothing of the refused request was written: b−3 has no enrolment (the ratio still averages three years to 0.9).
        var zones = await OkJsonAsync(await admin.GetAsync($"/api/facilities/zones?district={Shinan}"));
        Assert.Equal(b - 2, zones.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("code").GetString() == code).GetProperty("firstEnrolmentYear").GetInt32());
        // b+3: no births of b−3 yet: not forecast, listed as missing; grade seven has no history at all.
        Assert.Equal(JsonValueKind.Null, years[b + 3].GetProperty("gradeOne").ValueKind);
        Assert.Equal(JsonValueKind.Null, years[b + 1].GetProperty("gradeSeven").ValueKind);
        Assert.Contains(seats.GetProperty("missing").EnumerateArray(), m => m.GetProperty("zone").GetString() == code && m.GetProperty("year").GetInt32() == b + 3 && m.GetProperty("reason").GetString() == "NoBirths");
        Assert.True(zone.GetProperty("shortfall").GetBoolean());
        Assert.Equal(152, zone.GetProperty("worstGap").GetInt32());
        // Shortfall zones come first.
        var flags = seats.GetProperty("zones").EnumerateArray().Select(z => z.GetProperty("shortfall").GetBoolean()).ToList();
        Assert.Equal(flags.OrderByDescending(f => f), flags);
        // The backtest on the stored history: per entry grade and horizon.
        Assert.Equal(12, seats.GetProperty("backtest").GetArrayLength());

        // The page shows the zone marked short.
        var page = await (await admin.GetAsync($"/facilities/seats?district={Shinan}")).Content.ReadAsStringAsync();
        Assert.Contains($"data-zone=\"{code}\" data-shortfall=\"true\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_births_file_with_bad_rows_is_refused_whole_naming_file_row_and_column_in_the_callers_language()
    {
        var admin = await app.ClientAsync("shinan.admin");
        var code = await NewZoneAsync(admin);
        var year = ThisYear - 2;
        // Row 2 good; row 3 an unknown zone; row 4 a bad year; row 5 a negative count; row 6 the zone and year of row 2 again.
        var csv = $"学区代码,出生年份,出生人数\n{code},{year},100\nNO-SUCH-ZONE,{year},50\n{code},19x,50\n{code},{year - 1},-3\n{code},{year},101\n";

        using var zh = await admin.SendAsync(Http.Request(HttpMethod.Post, "/api/facilities/births/import", BirthsFile(csv, "bad.csv"), "zh-CN"));
        Assert.Equal(HttpStatusCode.BadRequest, zh.StatusCode);
        var report = await zh.JsonAsync();
        Assert.False(report.GetProperty("ok").GetBoolean());
        var problems = report.GetProperty("problems").EnumerateArray().Select(p => (Row: p.GetProperty("row").GetInt32(), Column: p.GetProperty("column").GetString(), Message: p.GetProperty("message").GetString()!)).ToList();
        Assert.Equal(BadCells, problems.Select(p => (p.Row, p.Column)));
        Assert.StartsWith("文件“bad.csv”第 4 行“出生年份”列：", problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("不能为负数", problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("第 2 行", problems[3].Message, StringComparison.Ordinal);

        using var en = await admin.SendAsync(Http.Request(HttpMethod.Post, "/api/facilities/births/import", BirthsFile(csv, "bad.csv"), "en"));
        var english = (await en.JsonAsync()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!).ToList();
        Assert.StartsWith("File \"bad.csv\", row 5, column \"出生人数\": ", english[2], StringComparison.Ordinal);
        Assert.Contains("cannot be negative", english[2], StringComparison.Ordinal);

        // Nothing was written, not even the good row.
        var zones = await OkJsonAsync(await admin.GetAsync($"/api/facilities/zones?district={Shinan}"));
        var zone = zones.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("code").GetString() == code);
        Assert.Equal(JsonValueKind.Null, zone.GetProperty("firstBirthYear").ValueKind);
    }

    [Fact]
    public async Task A_district_cannot_touch_another_districts_zone()
    {
        var admin = await app.ClientAsync("shinan.admin");
        var code = await NewZoneAsync(admin);
        var other = await app.ClientAsync(await app.NewAccountAsync("fac.other", Roles.DistrictAdmin, "370203"));

        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/facilities/zones/{code}/history", new { enrolment = new[] { new { year = ThisYear - 1, grade = 1, pupils = 5 } } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/facilities/zones?district={Shinan}", new { code, name = "改名" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/facilities/seats?district={Shinan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/facilities/projects?district={Shinan}", new { name = "x" })).StatusCode);
        // Their own district cannot take the code either, and the births file reads the zone as unknown.
        Assert.Equal(HttpStatusCode.Conflict, (await other.PostAsJsonAsync("/api/facilities/zones?district=370203", new { code, name = "抢注" })).StatusCode);
        using var import = await other.PostAsync("/api/facilities/births/import", BirthsFile($"学区代码,出生年份,出生人数\n{code},{ThisYear - 1},10\n"));
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);

        var zones = await OkJsonAsync(await admin.GetAsync($"/api/facilities/zones?district={Shinan}"));
        var zone = zones.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("code").GetString() == code);
        Assert.Equal(("测试学区", JsonValueKind.Null), (zone.GetProperty("name").GetString(), zone.GetProperty("firstEnrolmentYear").ValueKind));
    }

    [Fact]
    public async Task The_demo_city_shows_zones_short_of_seats_projects_and_a_backtest_with_an_error()
    {
        var city = await app.ClientAsync("city.admin");
        var seats = await OkJsonAsync(await city.GetAsync("/api/facilities/seats"));
        var zones = seats.GetProperty("zones").EnumerateArray().ToList();
        Assert.Contains(zones, z => z.GetProperty("shortfall").GetBoolean());
        Assert.Contains(zones, z => !z.GetProperty("shortfall").GetBoolean());
        foreach (var grade in new[] { 1, 7 })
        {
            var first = seats.GetProperty("backtest").EnumerateArray().Single(a => a.GetProperty("grade").GetInt32() == grade && a.GetProperty("horizon").GetInt32() == 1);
            Assert.True(first.GetProperty("cases").GetInt32() > 0);
            Assert.InRange(first.GetProperty("mape").GetDecimal(), 0.1m, 30m);
        }
        var projects = await OkJsonAsync(await city.GetAsync("/api/facilities/projects"));
        Assert.True(projects.GetProperty("projects").GetArrayLength() >= 3);
        var inspector = await OkJsonAsync(await (await app.ClientAsync("shinan.inspector")).GetAsync("/api/facilities/seats"));
        Assert.Equal(Shinan, inspector.GetProperty("area").GetString());
    }

    /// <summary>The district's zones in shortfall as the indicators count them, computed as the system (as the recomputation runs).</summary>
    private Task<(decimal Short, decimal? Zones)> ShortfallFactsAsync(string district) => app.AsSystemAsync(async sp =>
    {
        var unit = (await sp.GetRequiredService<OrgTree>().FindAsync(district))!;
        var computed = await sp.GetRequiredService<Qedu.Indicators.Computation.IndicatorComputation>().ComputeAsync(
            ThisYear.ToString(CultureInfo.InvariantCulture), store: false, default);
        var share = computed.Values.Single(v => v.OrgUnitId == unit.Id && v.IndicatorCode == "seat-shortfall-zone-share");
        var count = computed.Values.Single(v => v.OrgUnitId == unit.Id && v.IndicatorCode == "seat-shortfall-zones");
        Assert.Equal(count.Numerator, share.Numerator);
        return (count.Numerator, share.Denominator);
    });

    [Fact]
    public async Task Zones_in_shortfall_are_indicator_facts_of_their_district_by_the_same_forecast_as_the_page()
    {
        var admin = await app.ClientAsync("shinan.admin");
        var seats = await OkJsonAsync(await admin.GetAsync($"/api/facilities/seats?district={Shinan}"));
        var (shortZones, zones) = await ShortfallFactsAsync(Shinan);
        Assert.Equal(seats.GetProperty("shortfallZones").GetInt32(), (int)shortZones);
        Assert.Equal(seats.GetProperty("zones").GetArrayLength(), (int)zones!.Value);

        // A new zone whose births outrun its (no) seats is one more zone in shortfall; one with no forecast is not.
        var b = ThisYear - (CityDate.Today(TimeProvider.System).Month >= 9 ? 0 : 1);
        var code = await NewZoneAsync(admin);
        var csv = $"学区代码,出生年份,出生人数\n{code},{b - 8},100\n{code},{b - 7},100\n{code},{b - 6},100\n{code},{b - 5},100\n";
        await OkJsonAsync(await admin.PostAsync("/api/facilities/births/import", BirthsFile(csv)));
        await OkJsonAsync(await admin.PutAsJsonAsync($"/api/facilities/zones/{code}/history", new
        {
            enrolment = new[] { new { year = b - 2, grade = 1, pupils = 90 }, new { year = b - 1, grade = 1, pupils = 90 }, new { year = b, grade = 1, pupils = 90 } },
        }));
        await NewZoneAsync(admin);
        Assert.Equal((shortZones + 1, zones + 2), await ShortfallFactsAsync(Shinan));

        // The city's figure is the sum of its districts'.
        var (city, districts) = await app.AsSystemAsync(async sp =>
        {
            var tree = sp.GetRequiredService<OrgTree>();
            var cityId = (await tree.FindAsync("370200"))!.Id;
            var districtIds = (await tree.OfKindPastScopeAsync([OrgUnitKind.District], default)).Select(d => d.Id).ToHashSet();
            var values = (await sp.GetRequiredService<Qedu.Indicators.Computation.IndicatorComputation>().ComputeAsync(
                ThisYear.ToString(CultureInfo.InvariantCulture), store: false, default)).Values.Where(v => v.IndicatorCode == "seat-shortfall-zones").ToList();
            return (values.Single(v => v.OrgUnitId == cityId).Numerator, values.Where(v => districtIds.Contains(v.OrgUnitId)).Sum(v => v.Numerator));
        });
        Assert.Equal(districts, city);
        Assert.True(city >= shortZones + 1);
    }
}
