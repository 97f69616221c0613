using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>
/// The pages over HTTP: a family's form refused field by field in the language the family chose, with nothing saved;
/// an application is the family's alone (another family gets 404) and staff meet it only once submitted, in scope.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AdmissionsPageTests(WebApp app)
{
    [Theory]
    [InlineData(false, "必填", "身份证号码校验位错误", "请填写小区名称")]
    [InlineData(true, "Required", "check", "compound")]
    public async Task A_form_with_bad_fields_comes_back_naming_each_in_the_familys_language_and_nothing_is_saved(bool english, string required, string checksum, string address)
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        await world.OpenNowAsync();
        var (client, _) = await Parents.SignInAsync(app);
        if (english)
        {
            using var _ = await client.GetAsync("/culture?c=en&returnUrl=%2Fparent");
        }
        var valid = AdmissionsWorld.Child(new DateOnly(2020, 2, 2));
        using var refused = await PageForms.SubmitAsync(client, $"/parent/admissions/apply/{world.SeasonId}", "apply", new Dictionary<string, string>
        {
            ["Form.ChildName"] = "",
            ["Form.ResidentId"] = valid[..17] + (valid[17] == '0' ? '1' : '0'),
            ["Form.GuardianName"] = "张伟",
            ["Form.HomeCompound"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = await refused.FieldErrorsAsync();
        Assert.Contains(required, errors["childName"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(checksum, errors["residentId"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(address, errors["homeCompound"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.CountAsync(a => a.SeasonId == world.SeasonId)));
    }

    [Fact]
    public async Task An_application_is_its_familys_alone_and_reaches_the_school_only_once_submitted()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        await world.OpenNowAsync();
        var (family, _) = await Parents.SignInAsync(app);
        using var saved = await PageForms.SubmitAsync(family, $"/parent/admissions/apply/{world.SeasonId}", "apply", new Dictionary<string, string>
        {
            ["Form.ChildName"] = "刘小宇",
            ["Form.ResidentId"] = AdmissionsWorld.Child(new DateOnly(2020, 3, 8)),
            ["Form.GuardianName"] = "刘强",
            ["Form.HomeCompound"] = "测试花园",
            ["Form.HukouAtHome"] = "true",
        });
        var page = saved.RedirectPath() ?? "";
        Assert.Matches(@"^/parent/admissions/\d+$", page);
        using (var own = await family.GetAsync(page))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Contains("刘小宇", await own.TextAsync(), StringComparison.Ordinal);
        }
        // A refusal named in the address is shown in words; anything else put there is not echoed.
        using (var tooLarge = await family.GetAsync(page + "?material=TooLarge"))
        {
            Assert.Contains("文件超过 10 MB", await tooLarge.TextAsync(), StringComparison.Ordinal);
        }
        using (var forged = await family.GetAsync(page + "?material=%E8%AF%B7%E8%BD%AC%E8%B4%A6"))
        {
            Assert.DoesNotContain("请转账", await forged.TextAsync(), StringComparison.Ordinal);
        }
        var (stranger, _) = await Parents.SignInAsync(app);
        using (var other = await stranger.GetAsync(page))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }
        var id = page[(page.LastIndexOf('/') + 1)..];
        var school = await app.ClientAsync("school.admin");
        using (var draft = await school.GetAsync($"/admissions/applications/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        }
        using (var submitted = await PageForms.SubmitAsync(family, page, "submit"))
        {
            Assert.Equal(page, submitted.RedirectPath());
        }
        using (var review = await school.GetAsync($"/admissions/applications/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, review.StatusCode);
            Assert.Contains("刘小宇", await review.TextAsync(), StringComparison.Ordinal);
        }
        // A teacher of the same school holds no admissions.review: refused.
        var otherSchool = await app.ClientAsync("teacher");
        using var outside = await otherSchool.GetAsync($"/admissions/applications/{id}");
        Assert.NotEqual(HttpStatusCode.OK, outside.StatusCode);
    }
}
