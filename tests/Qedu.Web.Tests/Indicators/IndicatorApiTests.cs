using System.Globalization;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Indicators.Data;
using Qedu.Indicators.Resources;
using Qedu.Kernel.OrgUnits;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Indicators;

/// <summary>
/// Indicators over HTTP on the demo city: recomputation, values, dashboards with drill-down down to a school's classes,
/// the .xlsx export, and the scope each caller sees. The figures themselves are checked by hand in Qedu.Indicators.Tests;
/// here every surface must show the stored figures and nothing else.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class IndicatorApiTests(WebApp app)
{
    private const string City = "370200";
    private const string Shinan = "370202";
    private const string Period = "2025";

    private async Task ComputeAsync(string period = Period)
    {
        var client = await app.ClientAsync("city.admin");
        using var response = await client.PostAsync($"/api/indicators/compute?period={period}", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The stored value of an indicator for a unit in the test period.</summary>
    private Task<Dictionary<string, decimal>> StoredAsync(string orgCode, string period = Period) => app.AsSystemAsync(async sp =>
    {
        var unit = await sp.GetRequiredService<Qedu.Kernel.Data.KernelDb>().OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.Code == orgCode);
        return await sp.GetRequiredService<IndicatorsDb>().Snapshots.IgnoreQueryFilters()
            .Where(s => s.Period == period && s.OrgUnitId == unit.Id).ToDictionaryAsync(s => s.IndicatorCode, s => s.Value);
    });

    [Fact]
    public async Task Recomputing_stores_every_units_values_and_the_values_api_returns_them()
    {
        await ComputeAsync();
        var stored = await StoredAsync(City);
        Assert.Contains("large-class-share.primary", stored.Keys);
        Assert.Contains("inclusive-kindergarten-coverage", stored.Keys);

        var client = await app.ClientAsync("city.admin");
        var json = await (await client.GetAsync($"/api/indicators/{City}/values?period={Period}")).JsonAsync();
        Assert.Equal(Period, json.GetProperty("period").GetString());
        var values = json.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("code").GetString()!, v => v.GetProperty("value").GetDecimal());
        foreach (var (code, value) in stored.Where(s => !s.Key.StartsWith("class-size-band.", StringComparison.Ordinal)))
        {
            Assert.Equal(value, values[code]);
        }
        var bands = json.GetProperty("bands").EnumerateArray().ToDictionary(b => b.GetProperty("band").GetString()!, b => b.GetProperty("classes").GetDecimal());
        Assert.Equal(stored["class-size-band.56-65"], bands["56-65"]);
    }

    [Fact]
    public async Task A_card_shows_the_previous_periods_value_beside_this_periods()
    {
        await ComputeAsync("2023");
        await ComputeAsync("2024");
        var value = (await StoredAsync(City, "2024"))["large-class-share.primary"];
        Assert.Equal(value, (await StoredAsync(City, "2023"))["large-class-share.primary"]); // the same registry, computed twice

        var client = await app.ClientAsync("city.admin");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/indicators/{City}?period=2024"));
        var card = System.Text.RegularExpressions.Regex.Match(html, "<a class=\"indicator-card[^\"]*\"[^>]*data-indicator=\"large-class-share.primary\">.*?</a>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains($"上期 2023: {value.ToString("N1", CultureInfo.InvariantCulture)}", card, StringComparison.Ordinal);
        var json = await (await client.GetAsync($"/api/indicators/{City}/values?period=2024")).JsonAsync();
        var previous = json.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("code").GetString() == "large-class-share.primary").GetProperty("previous");
        Assert.Equal(value, previous.GetDecimal());
    }

    [Theory]
    [InlineData("zh-CN", "统计期“2026-13”无效")]
    [InlineData("en", "The period \"2026-13\" is not valid")]
    public async Task A_bad_period_is_refused_naming_the_field_and_nothing_is_written(string language, string message)
    {
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<IndicatorsDb>().Runs.CountAsync());
        var client = await app.ClientAsync("city.admin");
        using var response = await client.SendAsync(Http.Request(HttpMethod.Post, "/api/indicators/compute?period=2026-13", language: language));
        var problem = await response.ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.StartsWith(message, problem.Errors["period"][0], StringComparison.Ordinal);
        Assert.Equal(before, await app.AsSystemAsync(sp => sp.GetRequiredService<IndicatorsDb>().Runs.CountAsync()));
    }

    [Fact]
    public async Task The_city_dashboard_shows_the_stored_values_and_each_district_with_its_own()
    {
        await ComputeAsync();
        var stored = await StoredAsync(City);
        var client = await app.ClientAsync("city.admin");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/indicators/{City}?period={Period}&i=large-class-share.primary"));
        Assert.Contains($"data-indicator=\"large-class-share.primary\"", html, StringComparison.Ordinal);
        Assert.Contains(stored["large-class-share.primary"].ToString("N1", CultureInfo.InvariantCulture) + "<small>%</small>", html, StringComparison.Ordinal);

        // Drill-down: one row and one link per district, each with the district's own stored value.
        var districts = await app.KernelAsync(db => db.OrgUnits.IgnoreQueryFilters().Where(u => u.Kind == OrgUnitKind.District).Select(u => u.Code).ToListAsync());
        foreach (var district in districts)
        {
            var value = (await StoredAsync(district))["large-class-share.primary"];
            var row = System.Text.RegularExpressions.Regex.Match(html, $"<tr data-org=\"{district}\"[^>]*>.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
            Assert.Contains($"href=\"/indicators/{district}?period={Period}&i=large-class-share.primary\"", row, StringComparison.Ordinal);
            Assert.Contains(value.ToString("N1", CultureInfo.InvariantCulture), row, StringComparison.Ordinal);
        }
        Assert.Contains("data-testid=\"chart-children\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"chart-bands\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schools_dashboard_lists_its_classes_and_the_large_ones_match_its_large_class_count()
    {
        await ComputeAsync();
        // A school whose classes include some of 56 or more.
        var school = await app.AsSystemAsync(async sp =>
        {
            var schools = await sp.GetRequiredService<Qedu.Kernel.Data.KernelDb>().OrgUnits.IgnoreQueryFilters()
                .Where(u => u.Kind == OrgUnitKind.School).ToDictionaryAsync(u => u.Id, u => u.Code);
            var withLarge = await sp.GetRequiredService<IndicatorsDb>().Snapshots.IgnoreQueryFilters()
                .Where(s => s.Period == Period && s.IndicatorCode.StartsWith("large-class-share.") && s.Numerator > 0)
                .Select(s => s.OrgUnitId).ToListAsync();
            return schools[withLarge.Where(schools.ContainsKey).Min()];
        });
        var stored = await app.AsSystemAsync(async sp =>
        {
            var unit = await sp.GetRequiredService<Qedu.Kernel.Data.KernelDb>().OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.Code == school);
            return await sp.GetRequiredService<IndicatorsDb>().Snapshots.IgnoreQueryFilters()
                .Where(s => s.Period == Period && s.OrgUnitId == unit.Id && s.IndicatorCode.StartsWith("large-class-share.")).SumAsync(s => s.Numerator);
        });
        var client = await app.ClientAsync("city.admin");
        var html = await client.GetStringAsync($"/indicators/{school}?period={Period}&large=1");
        var sizes = System.Text.RegularExpressions.Regex.Matches(html, "<tr data-class=\"[^\"]+\"[^>]*>.*?<td class=\"num\">(\\d+)</td>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal((int)stored, sizes.Count);
        Assert.All(sizes, s => Assert.True(s >= 56, $"{s} is not a large class"));
    }

    [Fact]
    public async Task A_district_sees_its_own_dashboard_and_schools_but_not_the_city()
    {
        await ComputeAsync();
        var client = await app.ClientAsync("shinan.admin");
        using var city = await client.GetAsync($"/api/indicators/{City}/values");
        Assert.Equal(HttpStatusCode.NotFound, city.StatusCode);
        using var own = await client.GetAsync($"/api/indicators/{Shinan}/values?period={Period}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        using var home = await client.GetAsync("/indicators");
        Assert.Equal($"/indicators/{Shinan}", home.RedirectPath());
        var html = await client.GetStringAsync($"/indicators/{Shinan}?period={Period}");
        var schools = await app.KernelAsync(db => db.OrgUnits.IgnoreQueryFilters().Where(u => u.Parent!.Code == Shinan && u.Kind == OrgUnitKind.School).Select(u => u.Code).ToListAsync());
        Assert.NotEmpty(schools);
        Assert.All(schools, s => Assert.Contains($"data-org=\"{s}\"", html, StringComparison.Ordinal));
        Assert.DoesNotContain($"data-org=\"370203\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_holds_every_table_of_the_dashboard_with_the_stored_numbers()
    {
        await ComputeAsync();
        var stored = await StoredAsync(City);
        var client = await app.ClientAsync("city.admin");
        using var response = await client.GetAsync($"/api/indicators/{City}/export.xlsx?period={Period}&i=seat-utilisation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(["指标", "各区(市)指标", "学位使用率-按区(市)", "学位使用率-趋势", "班额分布"], sheets);

        // The indicators sheet: a row per indicator, its value a number equal to the stored one.
        var first = (WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var rows = first.Worksheet.Descendants<Row>().Skip(2).Select(r => r.Elements<Cell>().ToList()).ToList();
        var seat = rows.Single(r => r[1].InnerText == "seat-utilisation");
        Assert.Equal(CellValues.Number, seat[3].DataType!.Value);
        Assert.Equal(stored["seat-utilisation"], decimal.Parse(seat[3].CellValue!.Text, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Imported_plan_targets_are_bound_by_keyword_and_show_their_live_value_on_the_task_and_the_overview()
    {
        await ComputeAsync(CurrentYear());
        var owner = await app.ClientAsync("city.admin");
        var planId = await PlanFiles.PublishedAsync(owner, PlanFiles.Seed("001"), "001.txt");
        var tasks = await PlanFiles.TaskElementsAsync(owner, planId);
        var preschool = await (await owner.GetAsync($"/api/plans/tasks/{tasks["22"].GetProperty("id").GetInt64()}")).JsonAsync();
        var bound = preschool.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("indicatorCode").GetString()).ToList();
        Assert.Equal(["preschool-enrolment-rate", "inclusive-kindergarten-coverage", "public-kindergarten-share"], bound);

        // The live value beside the target is the city's stored value.
        var coverage = preschool.GetProperty("targets")[1].GetProperty("indicator");
        var stored = await StoredAsync(City, CurrentYear());
        Assert.Equal(stored["inclusive-kindergarten-coverage"], coverage.GetProperty("value").GetDecimal());
        Assert.Equal(stored["inclusive-kindergarten-coverage"] >= 80, coverage.GetProperty("met").GetBoolean());

        // The task page shows the same live value beside the target, linked to the city's dashboard of that indicator.
        var taskPage = WebUtility.HtmlDecode(await owner.GetStringAsync($"/plans/tasks/{tasks["22"].GetProperty("id").GetInt64()}"));
        var cell = System.Text.RegularExpressions.Regex.Matches(taskPage, "<td data-testid=\"target-indicator\">(.*?)</td>", System.Text.RegularExpressions.RegexOptions.Singleline)[1].Groups[1].Value;
        Assert.Contains($"href=\"/indicators/{City}?i=inclusive-kindergarten-coverage\"", cell, StringComparison.Ordinal);
        Assert.Contains($">{stored["inclusive-kindergarten-coverage"].ToString("0.####", CultureInfo.InvariantCulture)}%<", cell, StringComparison.Ordinal);

        var overview = await owner.GetStringAsync("/indicators/overview");
        var section = System.Text.RegularExpressions.Regex.Match(overview, $"data-plan=\"{planId}\".*?</section>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("data-indicator=\"inclusive-kindergarten-coverage\"", section, StringComparison.Ordinal);
        Assert.Contains("data-indicator=\"campus-network-compliance\"", section, StringComparison.Ordinal); // task 3: 校园网络…达标率 98%
    }

    [Theory]
    [InlineData("zh-CN", "没有代码为“no-such-indicator”的指标", "单位“370299”不存在或不在本规划所属教育局之下")]
    [InlineData("en", "There is no indicator with the code \"no-such-indicator\"", "The unit \"370299\" does not exist or is not under this plan's bureau")]
    public async Task Binding_a_target_to_an_unknown_indicator_or_a_unit_outside_the_bureau_is_refused(string language, string indicatorError, string orgError)
    {
        var owner = await app.ClientAsync("city.admin");
        var planId = await PlanFiles.ImportAsync(owner, PlanFiles.Seed("001"), "001.txt");
        var task = (await PlanFiles.TaskElementsAsync(owner, planId))["22"];
        var body = new
        {
            number = "22", title = task.GetProperty("title").GetString(),
            targets = new object[]
            {
                new { text = "普惠性幼儿园覆盖率巩固在80%以上", value = 80, unit = "%", comparator = ">=", year = 2022, indicatorCode = "no-such-indicator" },
                new { text = "公办园不低于50%", value = 50, unit = "%", comparator = ">=", year = 2022, indicatorCode = "public-kindergarten-share", indicatorOrg = "370299" },
            },
        };
        using var response = await owner.SendAsync(Http.Request(HttpMethod.Put, $"/api/plans/tasks/{task.GetProperty("id").GetInt64()}", Http.Json(body), language));
        var problem = await response.ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Equal(indicatorError, problem.Errors["targets[0].indicatorCode"][0]);
        Assert.Equal(orgError, problem.Errors["targets[1].indicatorOrg"][0]);
    }

    [Fact]
    public async Task A_target_bound_to_a_district_shows_that_districts_value()
    {
        await ComputeAsync(CurrentYear());
        var owner = await app.ClientAsync("city.admin");
        var planId = await PlanFiles.ImportAsync(owner, PlanFiles.Seed("001"), "001.txt");
        var task = (await PlanFiles.TaskElementsAsync(owner, planId))["22"];
        var id = task.GetProperty("id").GetInt64();
        var body = new
        {
            number = "22", title = task.GetProperty("title").GetString(),
            targets = new object[] { new { text = "公办园不低于50%", value = 50, unit = "%", comparator = ">=", year = 2022, indicatorCode = "public-kindergarten-share", indicatorOrg = Shinan } },
        };
        using var response = await owner.PutAsync($"/api/plans/tasks/{id}", Http.Json(body));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var indicator = (await (await owner.GetAsync($"/api/plans/tasks/{id}")).JsonAsync()).GetProperty("targets")[0].GetProperty("indicator");
        Assert.Equal(Shinan, indicator.GetProperty("orgCode").GetString());
        Assert.Equal((await StoredAsync(Shinan, CurrentYear()))["public-kindergarten-share"], indicator.GetProperty("value").GetDecimal());
    }

    /// <summary>The period the task page reads: the latest computed (this year, as the app's clock says).</summary>
    private string CurrentYear() => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year.ToString(CultureInfo.InvariantCulture);
}
