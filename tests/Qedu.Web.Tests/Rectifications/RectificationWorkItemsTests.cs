using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Rectifications.Contracts;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Rectifications;

/// <summary>
/// The rectification module's lines on the home page: the school that must fix a finding, the district that must verify
/// the fix, and the city a serious finding was escalated to each see it, one click from its page. Other tests raise
/// findings too, so this looks for its own lines (or the one line a long list becomes), never for counts.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class RectificationWorkItemsTests(WebApp app)
{
    /// <summary>A district no other test raises findings in.</summary>
    private const string District = "370213";

    [Fact]
    public async Task The_fixer_the_verifier_and_the_city_each_find_a_serious_finding_on_their_home_page()
    {
        var school = await app.KernelAsync(async db =>
        {
            var district = await db.OrgUnits.SingleAsync(o => o.Code == District);
            var ids = db.OrgClosure.Where(c => c.AncestorId == district.Id).Select(c => c.DescendantId);
            return await db.OrgUnits.Where(o => ids.Contains(o.Id) && o.Kind == OrgUnitKind.School).OrderBy(o => o.Code).Select(o => o.Code).FirstAsync();
        });
        var id = await app.AsSystemAsync(async sp =>
        {
            var tree = sp.GetRequiredService<OrgTree>();
            var outcome = await sp.GetRequiredService<IRectifications>().RaiseAsync(new RectificationRequest
            {
                SourceKind = "safety.hazard", SourceId = 0, SourceTitle = "首页测试", SourceUrl = "/safety", RaisedByUnitId = (await tree.FindAsync(District))!.Id,
                ResponsibleUnitId = (await tree.FindAsync(school))!.Id, Finding = "配电房未上锁。", DueOn = CityDate.Today(TimeProvider.System).AddDays(3), Serious = true,
                FixPermission = Permissions.SafetyManage, VerifyPermission = Permissions.SafetyInspect,
            });
            Assert.True(outcome.IsOk, outcome.Message);
            return outcome.Value;
        });

        var fixer = await app.ClientAsync(await app.NewAccountAsync("work.school", Roles.SchoolAdmin, school));
        var fixerWork = await WorkAsync(fixer);
        Assert.Contains(fixerWork, i => i.Kind == "Rectification" && (i.Href == $"/rectifications/{id}" || i.Href == "/rectifications?state=open"));
        var city = await app.ClientAsync("city.admin");
        var cityWork = await WorkAsync(city);
        Assert.Contains(("SeriousFinding", "/rectifications?state=serious"), cityWork);

        using (var fixedIt = await fixer.PostAsJsonAsync($"/api/rectifications/{id}/fix", new { text = "已上锁并张贴警示。" }))
        {
            Assert.Equal(HttpStatusCode.OK, fixedIt.StatusCode);
        }
        Assert.DoesNotContain(await WorkAsync(fixer), i => i.Href == $"/rectifications/{id}");
        var verifier = await app.ClientAsync(await app.NewAccountAsync("work.inspector", Roles.Inspector, District));
        var verifierWork = await WorkAsync(verifier);
        Assert.Contains(verifierWork, i => i.Kind == "RectificationToVerify" && (i.Href == $"/rectifications/{id}" || i.Href == "/rectifications?state=fixed"));

        // Every line opens its page.
        foreach (var (client, work) in new[] { (fixer, fixerWork), (city, cityWork), (verifier, verifierWork) })
        {
            foreach (var (_, href) in work.Where(w => w.Href.StartsWith("/rectifications", StringComparison.Ordinal)))
            {
                using var target = await client.GetAsync(href);
                Assert.True(target.StatusCode == HttpStatusCode.OK, $"{href}: {(int)target.StatusCode}");
            }
        }
    }

    private static async Task<List<(string Kind, string Href)>> WorkAsync(HttpClient client) =>
        [.. WorkLine().Matches(await client.GetStringAsync("/")).Select(m => (m.Groups["kind"].Value, WebUtility.HtmlDecode(m.Groups["href"].Value)))];

    [GeneratedRegex("data-testid=\"work-item\" data-kind=\"(?<kind>\\w+)\"[^>]*>\\s*<span[^>]*>[^<]*</span>\\s*<a href=\"(?<href>[^\"]*)\"")]
    private static partial Regex WorkLine();
}
