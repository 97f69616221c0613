using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Surveys.Data;
using Qedu.Surveys.DemoData;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Surveys;

/// <summary>The parents' survey reaches the indicators: the city's share satisfied, counted over the schools with at least 10 responses.</summary>
[Collection(WebCollection.Name)]
public sealed class SurveyIndicatorTests(WebApp app)
{
    [Fact]
    public async Task The_closed_parents_survey_gives_the_citys_satisfaction_over_the_schools_with_ten_or_more_responses()
    {
        var (answers, satisfied) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<SurveysDb>();
            var survey = await db.Surveys.SingleAsync(s => s.Code == SurveysDemoSeedStep.ClosedCode);
            var values = await db.Responses.Where(r => r.SurveyId == survey.Id).Select(r => new { r.SchoolId, r.Values }).ToListAsync();
            var counted = values.GroupBy(r => r.SchoolId).Where(g => g.Count() >= 10).SelectMany(g => g).SelectMany(r => r.Values).ToList();
            Assert.True(values.GroupBy(r => r.SchoolId).Any(g => g.Count() < 10), "the demo has a school under the smallest cell, left out");
            return (counted.Count, counted.Count(v => v is '4' or '5'));
        });
        var city = await app.ClientAsync("city.admin");
        var values = (await (await city.GetAsync("/api/indicators/370200/values")).JsonAsync()).GetProperty("values").EnumerateArray()
            .ToDictionary(v => v.GetProperty("code").GetString()!, v => v.GetProperty("value").GetDecimal());
        Assert.Equal(Math.Round(100m * satisfied / answers, 1), values["parent-satisfaction"]);
    }
}
