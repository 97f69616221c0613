using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Surveys.Data;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Surveys;

/// <summary>
/// Satisfaction surveys: a bureau starts one, a school makes one-time links, each link answers once (also when two
/// arrive together) and names no one; results withhold every cell under 10 and the one that would give it away; the
/// comments wait for the close; who may do what.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SurveyTests(WebApp app)
{
    [Fact]
    public async Task A_school_hands_out_links_and_each_answers_once_even_when_sent_twice_at_the_same_moment()
    {
        var world = await new SurveyWorld(app).CreateAsync();
        var school = world.Schools[0];
        var links = await world.LinksAsync(school, 3);
        Assert.Equal(3, links.Distinct().Count());

        var anonymous = app.Anonymous();
        var form = await (await anonymous.GetAsync($"/api/surveys/respond/{links[0]}")).JsonAsync();
        Assert.Equal("ready", form.GetProperty("state").GetString(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(school.Name, form.GetProperty("school").GetString());
        Assert.Equal(9, form.GetProperty("items").GetArrayLength());

        // Item 3 missing and item 5 out of range: refused by item, nothing written, the link still unused.
        using (var refused = await app.Anonymous().PostAsJsonAsync($"/api/surveys/respond/{links[0]}",
            new { answers = new Dictionary<string, string> { ["1"] = "5", ["2"] = "4", ["4"] = "4", ["5"] = "7", ["6"] = "3", ["7"] = "5", ["8"] = "4" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var errors = (await refused.JsonAsync()).GetProperty("errors");
            Assert.True(errors.TryGetProperty("item3", out _) && errors.TryGetProperty("item5", out _));
        }
        Assert.Equal(0, await ResponsesAsync(world.Code));

        using (var answered = await world.AnswerAsync(links[0], "55443454", "希望多组织户外活动。"))
        {
            Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        }
        using (var again = await world.AnswerAsync(links[0], "11111111"))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
        Assert.Equal("used", (await (await anonymous.GetAsync($"/api/surveys/respond/{links[0]}")).JsonAsync()).GetProperty("state").GetString(),
            StringComparer.OrdinalIgnoreCase);

        // One link sent twice at once: exactly one counts.
        var both = await Task.WhenAll(world.AnswerAsync(links[1], "44444444"), world.AnswerAsync(links[1], "33333333"));
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order().ToArray());
        Assert.Equal(2, await ResponsesAsync(world.Code));

        // The response keeps the school, the day and the values; nothing ties it to its link.
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<SurveysDb>().Responses.AsNoTracking().Where(r => r.Values == "55443454").SingleAsync());
        Assert.Equal((school.Id, SurveyWorld.Today), (stored.SchoolId, stored.SubmittedOn));
        Assert.Equal(HttpStatusCode.NotFound, (await world.AnswerAsync("ZZZZ-ZZZZ-ZZZZ", "55555555")).StatusCode);

        // Links are the school's to make: another district's school, the district itself (no such permission).
        using var elsewhere = await (await world.HeadAsync(world.Elsewhere)).PostAsJsonAsync($"/api/surveys/{world.Code}/links", new { count = 1 });
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        using var district = await (await app.ClientAsync("shinan.admin")).PostAsJsonAsync($"/api/surveys/{world.Code}/links", new { count = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, district.StatusCode);
        using var tooMany = await (await world.HeadAsync(school)).PostAsJsonAsync($"/api/surveys/{world.Code}/links", new { count = 5000 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task Results_withhold_small_schools_and_the_one_that_would_give_them_away_and_comments_wait_for_the_close()
    {
        var world = await new SurveyWorld(app).CreateAsync();
        var (a, b, c) = (world.Schools[0], world.Schools[1], world.Schools[2]);
        // A: 12 answers, B: 4 (fewer than 10), C: 15. The district (31) shows, so B alone withheld would be 31 − A − C:
        // A, the smallest other, is withheld too.
        foreach (var link in await world.LinksAsync(a, 12))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await world.AnswerAsync(link, "44444444")).StatusCode);
        }
        foreach (var link in await world.LinksAsync(b, 4))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await world.AnswerAsync(link, "11111111", "B校的意见")).StatusCode);
        }
        var headC = await world.HeadAsync(c);
        var cLinks = await world.LinksAsync(c, 15, headC);
        for (var i = 0; i < cLinks.Count; i++)
        {
            // Items 1–7 very satisfied, item 8 dissatisfied: 7 of 8 answers satisfied (87.5 %); overall (items 1 and 8) 50 %.
            Assert.Equal(HttpStatusCode.NoContent, (await world.AnswerAsync(cLinks[i], "55555552", i == 0 ? "C校的意见" : null)).StatusCode);
        }

        var district = await app.ClientAsync("shinan.admin");
        var results = await (await district.GetAsync($"/api/surveys/{world.Code}/results")).JsonAsync();
        var whole = results.GetProperty("whole");
        Assert.Equal((31, JsonValueKind.Null), (whole.GetProperty("responses").GetInt32(), whole.GetProperty("suppressed").ValueKind));
        var schools = results.GetProperty("schools").EnumerateArray().ToDictionary(s => s.GetProperty("unitId").GetInt32());
        Assert.Equal("few", schools[b.Id].GetProperty("suppressed").GetString());
        Assert.Equal(JsonValueKind.Null, schools[b.Id].GetProperty("satisfied").ValueKind);
        Assert.Equal(4, schools[b.Id].GetProperty("responses").GetInt32());
        Assert.Equal("complement", schools[a.Id].GetProperty("suppressed").GetString());
        Assert.Equal(JsonValueKind.Null, schools[a.Id].GetProperty("satisfied").ValueKind);
        Assert.Equal(0.875, schools[c.Id].GetProperty("satisfied").GetDouble(), 6);
        Assert.Equal(0.5, schools[c.Id].GetProperty("dimensions").GetProperty("Overall").GetDouble(), 6);
        Assert.Equal(5.0, schools[c.Id].GetProperty("items")[0].GetProperty("mean").GetDouble(), 6);
        // The district's own figure counts everyone: (12 × 8 + 15 × 7) satisfied of 31 × 8 answers.
        Assert.Equal((12 * 8 + 15 * 7) / (31.0 * 8), whole.GetProperty("satisfied").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Null, results.GetProperty("comments").ValueKind);

        // A school sees its own row only, not the district's.
        var mine = await (await headC.GetAsync($"/api/surveys/{world.Code}/results")).JsonAsync();
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("whole").ValueKind);
        Assert.Equal([c.Id], mine.GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("unitId").GetInt32()).ToArray());

        // The bureau closes it (a school may not); then comments, never a withheld school's.
        Assert.Equal(HttpStatusCode.Forbidden, (await headC.PostAsync($"/api/surveys/{world.Code}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await district.PostAsync($"/api/surveys/{world.Code}/close", null)).StatusCode);
        var closed = await (await headC.GetAsync($"/api/surveys/{world.Code}/results")).JsonAsync();
        Assert.Equal("closed", closed.GetProperty("state").GetString());
        Assert.Equal(["C校的意见"], closed.GetProperty("comments").EnumerateArray().Select(x => x.GetProperty("text").GetString()!).ToArray());
        var all = await (await district.GetAsync($"/api/surveys/{world.Code}/results")).JsonAsync();
        Assert.DoesNotContain("B校的意见", all.GetProperty("comments").EnumerateArray().Select(x => x.GetProperty("text").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await world.AnswerAsync(cLinks[^1], "55555555")).StatusCode);
    }

    [Fact]
    public async Task A_survey_and_a_questionnaire_are_refused_by_field_and_only_a_bureau_starts_one()
    {
        var district = await app.ClientAsync("shinan.admin");
        var today = SurveyWorld.Today;
        using (var bad = await district.PostAsJsonAsync("/api/surveys",
            new { code = "?", name = "", questionnaire = "NO-SUCH", opensOn = today.AddDays(5), closesOn = today.AddDays(2), unit = "370200" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.JsonAsync()).GetProperty("errors");
            Assert.Equal(["closesOn", "code", "name", "questionnaire", "unit"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
        }
        var head = await app.ClientAsync(await app.NewAccountAsync("sv", Roles.SchoolAdmin, TestWorld.AnchorSchool));
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsJsonAsync("/api/surveys",
            new { code = "SV-NOPE", name = "x", questionnaire = SurveyWorld.Parents, opensOn = today, closesOn = today })).StatusCode);

        // A bureau's own questionnaire: faults by item; then it is there to use.
        var code = "QD-OWN-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        using (var faulty = await district.PostAsJsonAsync("/api/surveys/questionnaires", new
        {
            code, title = "自定义问卷", audience = "parents",
            items = new object[] { new { number = 1, kind = "likert", text = "总体", dimension = "overall" }, new { number = 3, kind = "text", text = "" } },
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, faulty.StatusCode);
            var errors = (await faulty.JsonAsync()).GetProperty("errors");
            Assert.True(errors.TryGetProperty("items[1].number", out _) && errors.TryGetProperty("items[1].text", out _));
        }
        using (var added = await district.PostAsJsonAsync("/api/surveys/questionnaires", new
        {
            code, title = "自定义问卷", audience = "parents",
            items = new object[] { new { number = 1, kind = "likert", text = "总体", dimension = "overall" }, new { number = 2, kind = "text", text = "建议" } },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
        var listed = await (await district.GetAsync("/api/surveys/questionnaires")).JsonAsync();
        Assert.Contains(code, listed.EnumerateArray().Select(q => q.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task The_pages_start_a_survey_and_take_an_answer_through_their_forms()
    {
        var district = await app.ClientAsync("shinan.admin");
        var code = "SV-PAGE-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var today = SurveyWorld.Today;
        using (var refused = await PageForms.SubmitAsync(district, "/surveys/new", "new-survey", new Dictionary<string, string>
        {
            ["Form.Questionnaire"] = SurveyWorld.Parents, ["Form.Name"] = "页面发起", ["Form.Code"] = code, ["Form.OpensOn"] = "2026-13-01", ["Form.ClosesOn"] = today.AddDays(3).ToString("yyyy-MM-dd"),
        }))
        {
            Assert.Contains("opensOn", (await refused.FieldErrorsAsync()).Keys);
        }
        using (var created = await PageForms.SubmitAsync(district, "/surveys/new", "new-survey", new Dictionary<string, string>
        {
            ["Form.Questionnaire"] = SurveyWorld.Parents, ["Form.Name"] = "页面发起", ["Form.Code"] = code, ["Form.OpensOn"] = today.ToString("yyyy-MM-dd"),
            ["Form.ClosesOn"] = today.AddDays(3).ToString("yyyy-MM-dd"),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.EndsWith($"/surveys/{code}", created.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        // The school's links page makes the slips; a parent answers on the public page.
        var world = await new SurveyWorld(app).CreateAsync();
        var head = await world.HeadAsync(world.Schools[0]);
        using var slips = await PageForms.SubmitAsync(head, $"/surveys/{world.Code}/links", "links", new Dictionary<string, string> { ["Form.Count"] = "2" });
        var page = await slips.TextAsync();
        var links = System.Text.RegularExpressions.Regex.Matches(page, @"data-testid=""slip-code"">([0-9A-Z-]{14})<").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, links.Count);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(page, "<svg"));

        var parent = app.Anonymous();
        var fields = Enumerable.Range(1, 8).ToDictionary(i => $"item{i}", _ => "4");
        fields.Remove("item2");
        using (var missing = await PageForms.SubmitAsync(parent, $"/survey/{links[0]}", "answer", fields))
        {
            Assert.Contains("item2", (await missing.FieldErrorsAsync()).Keys);
        }
        fields["item2"] = "5";
        fields["item9"] = "谢谢老师";
        using var answered = await PageForms.SubmitAsync(parent, $"/survey/{links[0]}", "answer", fields);
        Assert.Contains("data-testid=\"submitted\"", await answered.TextAsync(), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-state\"", await parent.GetStringAsync($"/survey/{links[0]}"), StringComparison.Ordinal);
        Assert.Equal(1, await ResponsesAsync(world.Code));
    }

    private Task<int> ResponsesAsync(string code) => app.AsSystemAsync(sp =>
    {
        var db = sp.GetRequiredService<SurveysDb>();
        return db.Responses.CountAsync(r => db.Surveys.Any(s => s.Id == r.SurveyId && s.Code == code));
    });
}
