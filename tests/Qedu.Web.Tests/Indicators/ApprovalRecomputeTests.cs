using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qedu.Web.Tests.Infrastructure;
using static Qedu.Web.Tests.Infrastructure.Forms;

namespace Qedu.Web.Tests.Indicators;

/// <summary>
/// An approved return reaches the dashboards at once: approving recomputes the indicators of the return's form for the
/// round's period, with no one pressing "recompute". A period of its own (2017), so no other test's figures move.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ApprovalRecomputeTests(WebApp app)
{
    private const string Period = "2017";
    private const string Indicator = "campus-network-compliance";

    private static async Task<decimal?> CityFigureAsync(HttpClient city)
    {
        using var response = await city.GetAsync($"/api/indicators/{TestWorld.City}/values?period={Period}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        var view = await response.JsonAsync();
        if (view.GetProperty("period").GetString() != Period)
        {
            return null; // nothing computed for the period yet: the dashboard falls back to another one
        }
        return view.GetProperty("values").EnumerateArray()
            .Where(v => v.GetProperty("code").GetString() == Indicator && v.GetProperty("value").ValueKind == JsonValueKind.Number)
            .Select(v => (decimal?)v.GetProperty("value").GetDecimal())
            .SingleOrDefault();
    }

    [Fact]
    public async Task Approving_a_return_changes_the_dashboard_figure_of_its_forms_indicator()
    {
        var city = await app.ClientAsync("city.admin");
        var schools = await OtherSchoolsAsync(app, TestWorld.Shibei);
        var first = await SchoolAdminAsync(app, "recompute.first", schools[0].Code);
        var second = await SchoolAdminAsync(app, "recompute.second", schools[1].Code);
        var (round, _) = await SendAsync(city, new { form = "campus-network", period = Period, deadline = Date(Today.AddDays(10)) });

        var returns = new List<long>();
        foreach (var (client, compliant) in new[] { (first, false), (second, true) })
        {
            var id = await MyReturnAsync(client, round);
            await Expect(HttpStatusCode.NoContent, await client.PostAsync($"/api/indicators/forms/returns/{id}/submit",
                Http.Json(new { values = new Dictionary<string, object> { ["compliant"] = compliant, ["bandwidth"] = compliant ? 1000 : 100 } })));
            returns.Add(id);
        }
        // Handed in is not yet counted: nothing approved, no figure for the period.
        Assert.Null(await CityFigureAsync(city));

        await Expect(HttpStatusCode.NoContent, await city.PostAsync($"/api/indicators/forms/returns/{returns[0]}/approve", null));
        var afterFirst = await CityFigureAsync(city);
        Assert.NotNull(afterFirst);

        await Expect(HttpStatusCode.NoContent, await city.PostAsync($"/api/indicators/forms/returns/{returns[1]}/approve", null));
        var afterSecond = await CityFigureAsync(city);
        Assert.NotNull(afterSecond);
        Assert.True(afterSecond > afterFirst, $"{afterFirst} → {afterSecond}");

        // Only the form's indicators were recomputed for the period: no registry figure appeared with them.
        var codes = await DbAsync(app, db => db.Snapshots.AsNoTracking().Where(s => s.Period == Period).Select(s => s.IndicatorCode).Distinct().ToListAsync());
        Assert.Contains(Indicator, codes);
        Assert.DoesNotContain("seat-utilisation", codes);
        Assert.DoesNotContain(codes, c => c.StartsWith("class-size-avg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sending_a_return_back_recomputes_nothing()
    {
        var city = await app.ClientAsync("city.admin");
        var school = await SchoolAdminAsync(app, "recompute.back", (await OtherSchoolsAsync(app, TestWorld.Shibei))[2].Code);
        var (round, _) = await SendAsync(city, new { form = "campus-network", period = "2016", deadline = Date(Today.AddDays(10)) });
        var id = await MyReturnAsync(school, round);
        await Expect(HttpStatusCode.NoContent, await school.PostAsync($"/api/indicators/forms/returns/{id}/submit",
            Http.Json(new { values = new Dictionary<string, object> { ["compliant"] = true, ["bandwidth"] = 1000 } })));
        var runs = await DbAsync(app, db => db.Runs.CountAsync(r => r.Period == "2016"));
        await Expect(HttpStatusCode.NoContent, await city.PostAsync($"/api/indicators/forms/returns/{id}/send-back", Http.Json(new { comment = "请补充无线覆盖情况" })));
        Assert.Equal(runs, await DbAsync(app, db => db.Runs.CountAsync(r => r.Period == "2016")));
    }
}
