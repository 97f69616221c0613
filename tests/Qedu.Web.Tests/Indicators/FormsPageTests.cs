using Qedu.Indicators.Domain;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qedu.Indicators.Features.Forms;
using Qedu.Kernel.OrgUnits;
using Qedu.Testing;
using Qedu.Web.Tests.Infrastructure;
using static Qedu.Web.Tests.Infrastructure.Forms;

namespace Qedu.Web.Tests.Indicators;

/// <summary>
/// The collection-form pages as a browser gets them: the city sends a round from the forms page, the school fills in
/// through its return page (a refused answer shows its message and saves nothing), the district sends it back and
/// approves the correction, and the round page marks late and overdue returns in red.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class FormsPageTests(WebApp app)
{
    [GeneratedRegex("/indicators/forms/rounds/(\\d+)$")]
    private static partial Regex RoundPath();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(path);
        fields["__RequestVerificationToken"] = QeduApp.AntiforgeryToken(html);
        fields["_handler"] = handler;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {Http.Snippet(html, 500)}");
        return html;
    }

    /// <summary>The fill form's fields for answers by field code, in the form's order.</summary>
    private static Dictionary<string, string> Answers(string action, params (string Code, string Value)[] answers)
    {
        var fields = new Dictionary<string, string> { ["Fill.Action"] = action };
        var codes = new[] { "compliant", "bandwidth", "wireless", "notes" };
        for (var i = 0; i < codes.Length; i++)
        {
            fields[$"Fill.Fields[{i}].Code"] = codes[i];
            if (answers.FirstOrDefault(a => a.Code == codes[i]) is { Value: { } value })
            {
                fields[$"Fill.Fields[{i}].Value"] = value;
            }
        }
        return fields;
    }

    [Fact]
    public async Task A_round_is_sent_filled_in_sent_back_and_approved_through_the_pages()
    {
        const string period = "2019";
        var city = await app.ClientAsync("city.admin");
        var district = await app.ClientAsync("shinan.admin");
        var school = await app.ClientAsync("school.admin");
        var anchor = await UnitAsync(app, TestWorld.AnchorSchool);

        // The city sends from the forms page and lands on the round.
        var list = await PageAsync(city, "/indicators/forms");
        Assert.Contains("data-testid=\"send-form\"", list, StringComparison.Ordinal);
        using var sent = await PostAsync(city, "/indicators/forms", "send", new()
        {
            ["Send.Form"] = "campus-network", ["Send.Period"] = period, ["Send.Deadline"] = Date(Today.AddDays(5)),
        });
        Assert.True(sent.IsRedirect(), $"{(int)sent.StatusCode}: {Http.Snippet(WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync()), 1500)}");
        var round = long.Parse(RoundPath().Match(sent.RedirectPath()!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var schools = await BelowAsync(app, TestWorld.City, OrgUnitKind.School);
        Assert.Equal(schools.Count, await DbAsync(app, db => db.FormReturns.CountAsync(r => r.RoundId == round)));

        // The school sees it to fill in; a bad answer shows its message by the field and saves nothing.
        var mine = (await ReturnAsync(app, round, anchor.Id)).Id;
        Assert.Contains($"data-return=\"{mine}\"", await PageAsync(school, "/indicators/forms"), StringComparison.Ordinal);
        var path = $"/indicators/forms/returns/{mine}";
        Assert.Contains("data-testid=\"fill-form\"", await PageAsync(school, path), StringComparison.Ordinal);
        using (var bad = await PostAsync(school, path, "fill", Answers("submit", ("compliant", "true"), ("bandwidth", "很快"))))
        {
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.True(bad.StatusCode == HttpStatusCode.OK, Http.Snippet(html, 1500));
            Assert.Contains("data-field=\"values.bandwidth\">“出口带宽”须为整数", html, StringComparison.Ordinal);
            Assert.Contains("value=\"很快\"", html, StringComparison.Ordinal); // what was typed stays to be corrected
        }
        var untouched = await ReturnAsync(app, round, anchor.Id);
        Assert.Equal((ReturnState.Draft, null), (untouched.State, untouched.SavedAt));

        // A draft, then the hand-in.
        using (var draft = await PostAsync(school, path, "fill", Answers("save", ("compliant", "true"), ("bandwidth", "800"))))
        {
            Assert.True(draft.IsRedirect(), Http.Snippet(await draft.Content.ReadAsStringAsync(), 800));
        }
        Assert.Equal(ReturnState.Draft, (await ReturnAsync(app, round, anchor.Id)).State);
        Assert.Contains("value=\"800\"", await PageAsync(school, path), StringComparison.Ordinal);
        using (var submit = await PostAsync(school, path, "fill", Answers("submit", ("compliant", "true"), ("bandwidth", "800"), ("notes", "千兆到校"))))
        {
            Assert.True(submit.IsRedirect(), Http.Snippet(await submit.Content.ReadAsStringAsync(), 800));
        }
        var handedIn = await PageAsync(school, path);
        Assert.Contains("data-state=\"Submitted\"", handedIn, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"fill-form\"", handedIn, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"review\"", handedIn, StringComparison.Ordinal);

        // The district: a send-back without a reason is refused on the page; with one, the school sees it.
        Assert.Contains("data-testid=\"review\"", await PageAsync(district, path), StringComparison.Ordinal);
        using (var noReason = await PostAsync(district, path, "send-back", new() { ["Act.Comment"] = "" }))
        {
            Assert.Contains("data-field=\"comment\"", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        using (var back = await PostAsync(district, path, "send-back", new() { ["Act.Comment"] = "请补充无线覆盖情况。" }))
        {
            Assert.True(back.IsRedirect());
        }
        var returned = await PageAsync(school, path);
        Assert.Contains("请补充无线覆盖情况。", returned, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"fill-form\"", returned, StringComparison.Ordinal);
        using (var again = await PostAsync(school, path, "fill", Answers("submit", ("compliant", "true"), ("bandwidth", "800"), ("wireless", "true"))))
        {
            Assert.True(again.IsRedirect());
        }
        using (var approve = await PostAsync(district, path, "approve", new() { ["Act.Comment"] = "" }))
        {
            Assert.True(approve.IsRedirect());
        }
        var approved = await PageAsync(city, path);
        Assert.Contains("data-state=\"Approved\"", approved, StringComparison.Ordinal);
        Assert.Contains("<tr data-field-code=\"wireless\"><th>无线网络覆盖全部教学区域</th><td>是</td></tr>", approved, StringComparison.Ordinal);

        // Once the deadline has passed, the round page marks the schools that never handed in, in red.
        await MoveDeadlineAsync(app, round, Today.AddDays(-1));
        var roundPage = await PageAsync(city, $"/indicators/forms/rounds/{round}");
        var other = schools.First(s => s.Id != anchor.Id);
        Assert.Matches($"<tr data-unit=\"{other.Code}\" data-return=\"\\d+\" class=\"status-overdue\">", roundPage);
        Assert.Matches($"<tr data-unit=\"{anchor.Code}\" data-return=\"{mine}\">", roundPage);
        Assert.Contains("逾期未报", roundPage, StringComparison.Ordinal);
        var overview = await PageAsync(city, "/indicators/forms");
        Assert.Matches($"<tr data-round=\"{round}\" class=\"status-overdue\">", overview);

        // The same page in English, in a session of its own (the shared one stays Chinese).
        var english = await app.SignInAsync("city.admin");
        (await english.GetAsync("/culture?c=en&returnUrl=/")).Dispose();
        var englishHtml = await PageAsync(english, $"/indicators/forms/rounds/{round}");
        Assert.Contains("Campus network · 2019", englishHtml, StringComparison.Ordinal);
        Assert.Contains(">Overdue<", englishHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_without_a_form_shows_the_messages_and_sends_nothing()
    {
        var city = await app.ClientAsync("city.admin");
        var before = await DbAsync(app, db => db.FormRounds.CountAsync());
        using var refused = await PostAsync(city, "/indicators/forms", "send", new() { ["Send.Form"] = "", ["Send.Period"] = "去年", ["Send.Deadline"] = "" });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.True(refused.StatusCode == HttpStatusCode.OK, Http.Snippet(html, 1500));
        Assert.Contains("data-field=\"form\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"period\">“去年”不是统计期", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"deadline\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await DbAsync(app, db => db.FormRounds.CountAsync()));
        // A school administrator fills in but sends nothing: no send form for it.
        Assert.DoesNotContain("data-testid=\"send-form\"", await PageAsync(await app.ClientAsync("school.admin"), "/indicators/forms"), StringComparison.Ordinal);
    }
}
