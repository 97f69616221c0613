using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Catalogue;
using Qedu.StudentServices.Features.Changes;
using Qedu.StudentServices.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.StudentServices;

/// <summary>
/// The 一次办好 catalogue: public without a sign-in, searchable; edited by the city bureau only, version by version (a
/// published version never changes); a status change takes its limits from the item in force for its kind.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ServiceCatalogueTests(WebApp app)
{
    private static object Body(string name, int legal = 0, int promised = 5, string procedure = "none", bool immediate = false, object[]? materials = null) => new
    {
        name, category = "publicService", implementingBody = "学生就读学校", legalBasis = "《中小学生学籍管理办法》", conditions = "在校学生",
        materials = materials ?? [new { name = "户口簿", heldByQedu = true, note = "公安数据核验" }, new { name = "申请表", heldByQedu = false }],
        process = "提出申请\n学校审核\n办结", legalDays = legal, promisedDays = promised, fees = "不收费", channels = new[] { "online", "window" },
        immediate, zeroTrip = true, procedure, changeNote = "测试",
    };

    private static string NewCode() => "T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    [Fact]
    public async Task Anyone_reads_the_items_in_force_without_signing_in_finds_them_by_words_and_sees_what_qedu_already_holds()
    {
        var anyone = app.From(WebApp.DefaultClientAddress);
        using var all = await anyone.GetAsync("/api/service-guide");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var items = (await all.JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("code").GetString() == "QDJY-XJ-001");

        using var found = await anyone.GetAsync("/api/service-guide?q=" + Uri.EscapeDataString("休学"));
        var hits = (await found.JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(hits, i => i.GetProperty("code").GetString() == "QDJY-XJ-003");
        Assert.DoesNotContain(hits, i => i.GetProperty("code").GetString() == "QDJY-RX-001");
        using var payments = await anyone.GetAsync("/api/service-guide?category=payment");
        Assert.All((await payments.JsonAsync()).EnumerateArray(), i => Assert.Equal("payment", i.GetProperty("category").GetString()));
        using var badCategory = await anyone.GetAsync("/api/service-guide?category=7");
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);

        using var one = await anyone.GetAsync("/api/service-guide/QDJY-RX-001");
        var enrolment = await one.JsonAsync();
        Assert.Equal("/parent/admissions", enrolment.GetProperty("onlineAt").GetString());
        Assert.Contains(enrolment.GetProperty("materials").EnumerateArray(), m => m.GetProperty("name").GetString() == "户口簿" && m.GetProperty("heldByQedu").GetBoolean());
        using var transfer = await anyone.GetAsync("/api/service-guide/QDJY-XJ-001");
        Assert.Equal("/parent/services?kind=Transfer", (await transfer.JsonAsync()).GetProperty("onlineAt").GetString());

        using var page = await anyone.GetAsync("/service-guide?q=" + Uri.EscapeDataString("转学"));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("转学（本市学校之间）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("家庭经济困难学生资助申请", html, StringComparison.Ordinal);
        using var itemPage = await anyone.GetAsync("/service-guide/QDJY-XJ-001");
        var itemHtml = await itemPage.Content.ReadAsStringAsync();
        Assert.Contains(app.Text<ServicesText>("Guide.Held"), itemHtml, StringComparison.Ordinal);
        Assert.Contains("/parent/services?kind=Transfer", itemHtml, StringComparison.Ordinal);
        // Nobody has to sign in to find it: the parents' sign-in page offers the guide.
        var login = await (await anyone.GetAsync("/parent/login")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/service-guide\"", login, StringComparison.Ordinal);
        using var missing = await anyone.GetAsync("/service-guide/NO-SUCH-ITEM");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_city_bureau_drafts_and_publishes_versions_a_published_version_never_changes_and_a_withdrawn_item_leaves_the_public_list()
    {
        var city = await app.ClientAsync("city.admin");
        var code = NewCode();
        using (var draft = await city.PutAsync($"/api/services/catalogue/{code}/draft", Http.Json(Body("在读证明（测试）"))))
        {
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
            Assert.Equal(("draft", 1), ((await draft.JsonAsync()).GetProperty("state").GetString(), (await draft.JsonAsync()).GetProperty("version").GetInt32()));
        }
        var anyone = app.From(WebApp.DefaultClientAddress);
        using (var notYet = await anyone.GetAsync($"/api/service-guide/{code}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        }
        using (var published = await city.PostAsync($"/api/services/catalogue/{code}/publish", null))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }
        using (var again = await city.PostAsync($"/api/services/catalogue/{code}/publish", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        // An edit is the next version; version 1 stays as it was, and stays in force until version 2 is published.
        using (var second = await city.PutAsync($"/api/services/catalogue/{code}/draft", Http.Json(Body("在读证明开具（测试）", promised: 3))))
        {
            Assert.Equal(2, (await second.JsonAsync()).GetProperty("version").GetInt32());
        }
        Assert.Equal(5, (await (await anyone.GetAsync($"/api/service-guide/{code}")).JsonAsync()).GetProperty("promisedDays").GetInt32());
        await city.PostAsync($"/api/services/catalogue/{code}/publish", null);
        var now = await (await anyone.GetAsync($"/api/service-guide/{code}")).JsonAsync();
        Assert.Equal((2, 3, "在读证明开具（测试）"), (now.GetProperty("version").GetInt32(), now.GetProperty("promisedDays").GetInt32(), now.GetProperty("name").GetString()));
        var first = await (await anyone.GetAsync($"/api/service-guide/{code}?version=1")).JsonAsync();
        Assert.Equal((1, 5, "在读证明（测试）"), (first.GetProperty("version").GetInt32(), first.GetProperty("promisedDays").GetInt32(), first.GetProperty("name").GetString()));
        using (var history = await city.GetAsync($"/api/services/catalogue/{code}/versions"))
        {
            Assert.Equal([2, 1], (await history.JsonAsync()).EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        }

        using (var withdrawn = await city.PostAsync($"/api/services/catalogue/{code}/withdraw", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/service-guide/{code}")).StatusCode);
        Assert.DoesNotContain((await (await anyone.GetAsync("/api/service-guide")).JsonAsync()).EnumerateArray(), i => i.GetProperty("code").GetString() == code);

        // Nobody but the city bureau edits: a district administrator is refused.
        var district = await app.ClientAsync("shinan.admin");
        using var refused = await district.PutAsync($"/api/services/catalogue/{NewCode()}/draft", Http.Json(Body("区级事项")));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Bad_input_names_each_field_in_the_callers_language_and_writes_nothing(string culture)
    {
        var english = culture == "en";
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var code = NewCode();
            var input = new ItemInput("", null, "7", "学校", "依据", "条件", [new MaterialInput("", false, null)], "", 3, 5, "不收费", ["fax"], true, false, "transfer", null);
            var outcome = await AsCityAsync(c => c.SaveDraftAsync(code, input));
            Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
            var errors = outcome.Errors!.ByField;
            string Text(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, app.Text<ServicesText>(key, english), values);
            Assert.Equal(Text("Catalogue.Field", app.Text<ServicesText>("Catalogue.Name", english), 100), Assert.Single(errors["name"]));
            Assert.Equal(app.Text<ServicesText>("Catalogue.Category", english), Assert.Single(errors["category"]));
            Assert.Equal(Text("Catalogue.Field", app.Text<ServicesText>("Catalogue.MaterialName", english), 100), Assert.Single(errors["materials[0].name"]));
            Assert.Equal(Text("Catalogue.Field", app.Text<ServicesText>("Catalogue.Process", english), 2000), Assert.Single(errors["process"]));
            Assert.Equal(Text("Catalogue.Channel", "fax"), errors["channels"][0]);
            Assert.Contains(app.Text<ServicesText>("Catalogue.PromiseOverLegal", english), errors["promisedDays"]);
            Assert.Equal(app.Text<ServicesText>("Catalogue.Immediate", english), Assert.Single(errors["immediate"]));
            var badCode = await AsCityAsync(c => c.SaveDraftAsync("x", input));
            Assert.Equal(app.Text<ServicesText>("Catalogue.Code", english), Assert.Single(badCode.Errors!.ByField["code"]));
            Assert.Null(await AsCityAsync(c => c.FindAsync(code)));
            Assert.Empty(await AsCityAsync(c => c.HistoryAsync(code)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task A_change_takes_the_limits_of_the_item_in_force_a_running_one_keeps_its_own_and_a_withdrawn_item_cannot_be_asked_for()
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var (first, _, _) = await world.StudentAsync("周小舟");
        var (second, _, _) = await world.StudentAsync("吴小川");
        var (third, _, _) = await world.StudentAsync("郑小河");
        const string Code = "QDJY-XJ-003";
        var original = (await AsCityAsync(c => c.FindAsync(Code)))!.Version;
        var before = await world.AsReviewerAsync(world.FromSchoolId, f => f.StartAsync(new StartChange(first, ChangeKind.Suspension, "因病", SuspendedUntil: new DateOnly(2027, 1, 31))));
        Assert.Equal((original.PromisedDays, Code, original.Version), (before.Value!.PromisedDays, before.Value.ServiceCode, before.Value.ServiceVersion));
        try
        {
            Assert.True((await AsCityAsync(c => c.SaveDraftAsync(Code, Input(original, legal: 8, promised: 2)))).IsOk);
            var published = await AsCityAsync(c => c.PublishAsync(Code));
            var after = await world.AsReviewerAsync(world.FromSchoolId, f => f.StartAsync(new StartChange(second, ChangeKind.Suspension, "因病", SuspendedUntil: new DateOnly(2027, 1, 31))));
            Assert.Equal((8, 2, published.Value!.Version), (after.Value!.LegalDays, after.Value.PromisedDays, after.Value.ServiceVersion));
            var running = await world.AsReviewerAsync(world.FromSchoolId, f => f.FindAsync(before.Value.Id));
            Assert.Equal(original.PromisedDays, running!.PromisedDays);

            // A second item cannot take a procedure another item in force runs.
            var rival = NewCode();
            Assert.True((await AsCityAsync(c => c.SaveDraftAsync(rival, Input(original, legal: 10, promised: 3)))).IsOk);
            var taken = await AsCityAsync(c => c.PublishAsync(rival));
            Assert.Equal(OutcomeKind.Conflict, taken.Kind);
            Assert.Contains(Code, taken.Errors!.First("procedure"), StringComparison.Ordinal);

            Assert.True((await AsCityAsync(c => c.WithdrawAsync(Code))).IsOk);
            var notOffered = await world.AsReviewerAsync(world.FromSchoolId, f => f.StartAsync(new StartChange(third, ChangeKind.Suspension, "因病", SuspendedUntil: new DateOnly(2027, 1, 31))));
            Assert.Equal(OutcomeKind.Conflict, notOffered.Kind);
            Assert.Contains("kind", notOffered.Errors!.ByField.Keys);
        }
        finally
        {
            // The other tests count on the shipped limits: put them back in force as the next version.
            Assert.True((await AsCityAsync(c => c.SaveDraftAsync(Code, Input(original, original.LegalDays, original.PromisedDays)))).IsOk);
            Assert.True((await AsCityAsync(c => c.PublishAsync(Code))).IsOk);
        }
    }

    [Fact]
    public async Task On_the_editors_page_a_refused_draft_names_its_fields_a_saved_one_is_a_draft_and_publishing_puts_it_on_the_public_page()
    {
        var city = await app.ClientAsync("city.admin");
        var code = NewCode();
        var fields = new Dictionary<string, string>
        {
            ["ItemCode"] = code, ["Name"] = "", ["Category"] = "PublicService", ["ImplementingBody"] = "学生就读学校", ["LegalBasis"] = "《中小学生学籍管理办法》",
            ["Conditions"] = "在校学生", ["Materials"] = "申请表｜学校提供", ["HeldMaterials"] = "户口簿｜公安数据核验", ["Process"] = "提出\n审核",
            ["LegalDays"] = "0", ["PromisedDays"] = "2", ["Fees"] = "不收费", ["Channels"] = "Window", ["Procedure"] = "None",
        };
        using var refused = await PageForms.SubmitAsync(city, "/services/catalogue/edit", "draft", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(string.Format(CultureInfo.CurrentCulture, app.Text<ServicesText>("Catalogue.Field"), app.Text<ServicesText>("Catalogue.Name"), 100),
            (await refused.FieldErrorsAsync())["name"]);
        Assert.Null(await AsCityAsync(c => c.FindAsync(code)));

        fields["Name"] = "学生证补办（测试）";
        using var saved = await PageForms.SubmitAsync(city, "/services/catalogue/edit", "draft", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draft = (await AsCityAsync(c => c.FindAsync(code, 1)))!.Version;
        Assert.Equal((VersionState.Draft, 2), (draft.State, draft.Materials.Count));
        Assert.Equal(new ServiceMaterial("户口簿", true, "公安数据核验"), Assert.Single(draft.Materials, m => m.HeldByQedu));

        using var published = await PageForms.SubmitAsync(city, $"/services/catalogue/edit?code={code}", "publish", new Dictionary<string, string> { ["PublishCode"] = code });
        Assert.Contains(app.Text<ServicesText>("Catalogue.Published"), await published.TextAsync(), StringComparison.Ordinal);
        var page = await app.From(WebApp.DefaultClientAddress).GetAsync($"/service-guide/{code}");
        Assert.Contains("学生证补办（测试）", await page.TextAsync(), StringComparison.Ordinal);
    }

    private static ItemInput Input(ServiceItemVersion v, int legal, int promised) =>
        new(v.Name, v.NameEn, v.Category.ToString(), v.ImplementingBody, v.LegalBasis, v.Conditions,
            [.. v.Materials.Select(m => new MaterialInput(m.Name, m.HeldByQedu, m.Note))], v.Process, legal, promised, v.Fees,
            [.. Enum.GetValues<ServiceChannels>().Where(c => c != ServiceChannels.None && v.Channels.HasFlag(c)).Select(c => c.ToString())],
            v.Immediate, v.ZeroTrip, v.Procedure.ToString(), "测试");

    private async Task<T> AsCityAsync<T>(Func<ServiceCatalogue, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.ForUser(Guid.NewGuid(), "city-editor",
            [new Grant(1, "370200", new HashSet<string> { Permissions.ServiceCatalogueManage }, Roles.CityAdmin)]));
        return await work(scope.ServiceProvider.GetRequiredService<ServiceCatalogue>());
    }
}
