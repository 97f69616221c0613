using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Family.Data;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Web.Tests.Infrastructure;
using static Qedu.Web.Tests.Infrastructure.Http;

namespace Qedu.Web.Tests.Family;

/// <summary>
/// The credit bank (学分银行): a district accredits a provider and records a learner's outcomes, each worth credits by the
/// rules (worked by hand below, an equivalent course and certificate counted once); the learner signs in with their
/// number, sees the total and issues a transcript whose code anyone checks; refusals in the caller's language.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CreditBankTests(WebApp app)
{
    /// <summary>城阳区: its administrator accredits and records; no other test keeps credits there.</summary>
    private const string District = "370214";

    private static string Today => CityDate.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(HttpClient District, string Provider)> ProviderAsync()
    {
        var district = await app.ClientAsync(await app.NewAccountAsync("credits.admin", Roles.DistrictAdmin, District));
        var code = "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await OkJsonAsync(await district.PostAsJsonAsync("/api/credits/providers", new
        {
            code, name = "城阳区社区学院", kind = "社区学院", unit = District, accreditedUntil = CityDate.Today(TimeProvider.System).AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        return (district, code);
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, string provider, string phone, string kind, string code, string title, decimal? hours = null,
        decimal? score = null, string name = "测试学员", string? language = null) =>
        client.SendAsync(Http.Request(HttpMethod.Post, "/api/credits/outcomes", Http.Json(new { provider, phone, name, kind, code, title, hours, score, achievedOn = Today }), language));

    private static async Task<decimal> CreditsAsync(HttpResponseMessage response) => (await OkJsonAsync(response)).GetProperty("credits").GetDecimal();

    [Fact]
    public async Task Outcomes_convert_by_the_rules_and_the_learners_transcript_is_checked_by_its_code()
    {
        var (district, provider) = await ProviderAsync();
        var phone = Parents.NewPhone();
        // 48 hours ÷ 16 = 3; the certificate NCRE-2 is 4 and stands for the same course (group "computing"): only the 4 counts.
        Assert.Equal(3m, await CreditsAsync(await RecordAsync(district, provider, phone, "Course", "COMP-BASIC", "计算机应用基础", hours: 48)));
        Assert.Equal(4m, await CreditsAsync(await RecordAsync(district, provider, phone, "Certificate", "NCRE-2", "全国计算机等级考试二级")));
        // 40 hours ÷ 16 = 2.5 (steps of 0.5); 20 hours = 1.25 → 1; failed (score 59 under 60) → 0; a city award 1.
        Assert.Equal(2.5m, await CreditsAsync(await RecordAsync(district, provider, phone, "Course", "HOME-EDU", "家庭教育指导", hours: 40)));
        Assert.Equal(1m, await CreditsAsync(await RecordAsync(district, provider, phone, "Course", "PHOTO", "数码摄影", hours: 20, score: 75)));
        Assert.Equal(0m, await CreditsAsync(await RecordAsync(district, provider, phone, "Course", "ACCOUNTING", "会计基础", hours: 64, score: 59)));
        Assert.Equal(1m, await CreditsAsync(await RecordAsync(district, provider, phone, "Award", "city", "社区教育优秀学习成果")));

        var (learner, _) = await Parents.SignInAsync(app, phone);
        var account = await OkJsonAsync(await learner.GetAsync("/api/parent/credits/"));
        // 4 + 2.5 + 1 + 0 + 1 = 8.5: the course of the computing group is shown, not counted.
        Assert.Equal(8.5m, account.GetProperty("total").GetDecimal());
        var course = account.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("title").GetString() == "计算机应用基础");
        Assert.Equal((false, 0m), (course.GetProperty("counts").GetBoolean(), course.GetProperty("credits").GetDecimal()));

        var code = (await OkJsonAsync(await learner.PostAsync("/api/parent/credits/transcripts", null))).GetProperty("code").GetString()!;
        using (var pdf = await learner.GetAsync($"/parent/credits/transcripts/{code}.pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        }
        // A later outcome does not change the transcript as issued: anyone with the code sees 8.5, intact.
        await CreditsAsync(await RecordAsync(district, provider, phone, "Certificate", "PTH-2A", "普通话水平测试二级甲等"));
        var anyone = app.Anonymous();
        var check = await OkJsonAsync(await anyone.GetAsync($"/api/public/credits/transcripts/{code}"));
        Assert.Equal((8.5m, true, "测***", 6), (check.GetProperty("totalCredits").GetDecimal(), check.GetProperty("intact").GetBoolean(),
            check.GetProperty("learner").GetString(), check.GetProperty("lines").GetArrayLength()));
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/api/public/credits/transcripts/AAAA-BBBB-CCCC")).StatusCode);
        // Another learner cannot download it.
        var (stranger, _) = await Parents.SignInAsync(app, Parents.NewPhone());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/parent/credits/transcripts/{code}.pdf")).StatusCode);

        // The public page finds it by the code, posted from a form.
        var page = await (await anyone.GetAsync("/credits/verify")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"check-form\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "请填写 11 位手机号码。", "该证书不在学分认定规则中。")]
    [InlineData("en", "Give an 11-digit mobile number.", "The certificate is not in the credit rules.")]
    public async Task Bad_outcomes_are_refused_in_the_callers_language_and_nothing_is_banked(string? language, string phoneMessage, string codeMessage)
    {
        var (district, provider) = await ProviderAsync();
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().CreditOutcomes.CountAsync());
        using (var badPhone = await RecordAsync(district, provider, "12345", "Certificate", "NCRE-2", "x", language: language))
        {
            var problem = await badPhone.ProblemAsync();
            Assert.Equal(["phone"], problem.Errors.Keys);
            Assert.Equal(phoneMessage, problem.Errors["phone"][0]);
        }
        var phone = Parents.NewPhone();
        using (var unknown = await RecordAsync(district, provider, phone, "Certificate", "NO-SUCH", "x", language: language))
        {
            Assert.Equal(codeMessage, (await unknown.ProblemAsync()).Errors["code"][0]);
        }
        using (var noHours = await RecordAsync(district, provider, phone, "Course", "X", "x", language: language))
        {
            Assert.Equal(["hours"], (await noHours.ProblemAsync()).Errors.Keys);
        }
        Assert.Equal(before, await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().CreditOutcomes.CountAsync()));

        // The number's account keeps its name: another name is refused, not written over.
        await CreditsAsync(await RecordAsync(district, provider, phone, "Award", "city", "x", name: "王小明"));
        using (var otherName = await RecordAsync(district, provider, phone, "Award", "city", "x", name: "王晓明"))
        {
            Assert.Equal(["name"], (await otherName.ProblemAsync()).Errors.Keys);
        }
        // Another district cannot record for this provider; a lapsed accreditation records nothing.
        var elsewhere = await app.ClientAsync(await app.NewAccountAsync("credits.other", Roles.DistrictAdmin, "370203"));
        Assert.Equal(HttpStatusCode.NotFound, (await RecordAsync(elsewhere, provider, phone, "Award", "city", "x", name: "王小明")).StatusCode);
        await app.AsSystemAsync(sp => sp.GetRequiredService<FamilyDb>().CreditProviders.Where(p => p.Code == provider)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.AccreditedUntil, CityDate.Today(TimeProvider.System).AddDays(-1))));
        Assert.Equal(HttpStatusCode.Conflict, (await RecordAsync(district, provider, phone, "Award", "city", "x", name: "王小明")).StatusCode);
    }
}
