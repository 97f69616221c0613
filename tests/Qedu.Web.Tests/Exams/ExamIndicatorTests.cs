using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Exams;

/// <summary>The exams' figures reach the indicators: the demo city's latest city exam gives pass, excellent and lowest-30 % rates that plan targets can bind to.</summary>
[Collection(WebCollection.Name)]
public sealed class ExamIndicatorTests(WebApp app)
{
    [Fact]
    public async Task The_latest_city_exam_gives_the_citys_attainment_indicators()
    {
        var city = await app.ClientAsync("city.admin");
        var values = (await (await city.GetAsync("/api/indicators/370200/values")).JsonAsync()).GetProperty("values").EnumerateArray()
            .ToDictionary(v => v.GetProperty("code").GetString()!, v => v.GetProperty("value").GetDecimal());
        Assert.InRange(values["exam-pass-rate"], 1, 100);
        Assert.InRange(values["exam-excellent-rate"], 0, values["exam-pass-rate"]);
        // The city's own share of its lowest 30 % is 30 %, give or take ties at the cutoff.
        Assert.InRange(values["exam-bottom30-share"], 28, 32);
    }
}
