using System.Net;
using System.Net.Http.Json;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Exams;

/// <summary>An exam's thresholds are data: the bureau changes them (API or page) and every figure is recomputed with them; refusals by field; nobody else may.</summary>
[Collection(WebCollection.Name)]
public sealed class ThresholdTests(WebApp app)
{
    [Fact]
    public async Task Changing_the_pass_line_recomputes_the_figures_and_is_refused_by_field_when_it_makes_no_sense()
    {
        var world = await new ExamWorld(app).CreateAsync();
        var a = await world.StudentsAsync(world.SchoolA.Id, world.ClassA, 2);
        var code = ExamWorld.Code("THR");
        var city = await app.ClientAsync("city.admin");
        using (var imported = await city.PostAsync("/api/exams/import", ExamWorld.Upload(code, "阈值测试", ExamWorld.File([(a[0], "语文", "55", "100"), (a[1], "语文", "80", "100")]))))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }
        async Task<(double Pass, double Excellent)> RatesAsync()
        {
            var unit = (await (await city.GetAsync($"/api/exams/{code}?unit={world.SchoolA.Id}")).JsonAsync()).GetProperty("unit");
            return (unit.GetProperty("passRate").GetDouble(), unit.GetProperty("excellentRate").GetDouble());
        }
        // 55 and 80 against 60 % and 85 %: one passes, none excellent.
        Assert.Equal((0.5, 0.0), await RatesAsync());

        using (var changed = await city.PutAsJsonAsync($"/api/exams/{code}/thresholds", new { pass = 50, excellent = 80 }))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }
        Assert.Equal((1.0, 0.5), await RatesAsync());

        using (var refused = await city.PutAsJsonAsync($"/api/exams/{code}/thresholds", new { pass = 90, excellent = 80 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("excellent", out _));
        }
        using (var outOfRange = await city.PutAsJsonAsync($"/api/exams/{code}/thresholds", new { pass = 0, excellent = 120 }))
        {
            var errors = (await outOfRange.JsonAsync()).GetProperty("errors");
            Assert.True(errors.TryGetProperty("pass", out _) && errors.TryGetProperty("excellent", out _));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("shinan.admin")).PutAsJsonAsync($"/api/exams/{code}/thresholds", new { pass = 40, excellent = 70 })).StatusCode);
        Assert.Equal((1.0, 0.5), await RatesAsync());

        // The page's form does the same.
        using var page = await PageForms.SubmitAsync(city, $"/exams/{code}", "thresholds", new Dictionary<string, string> { ["Levels.Pass"] = "60", ["Levels.Excellent"] = "85" });
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal((0.5, 0.0), await RatesAsync());
    }
}
