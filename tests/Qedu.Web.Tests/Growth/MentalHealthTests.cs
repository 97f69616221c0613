using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Growth.Data;
using Qedu.Growth.Domain;
using Qedu.Growth.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Growth;

/// <summary>
/// Mental health (心理健康): the screening rule's bands, the counsellor's work from a result to a closed case, notes
/// encrypted at rest, a case opened only with a reason (audited) and only by a counsellor of the child's school, counts
/// for everyone else, and one open case per student under concurrent results.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class MentalHealthTests(WebApp app)
{
    private static DateOnly Today => CityDate.Today(TimeProvider.System);

    [Fact]
    public void A_score_reaches_the_band_its_instrument_says_and_a_risk_item_is_a_crisis()
    {
        var rules = app.Services.GetRequiredService<MentalRules>();
        var mht = rules.Find("MHT")!;
        var phq = rules.Find("phq-9")!;
        Assert.Equal([MentalLevel.None, MentalLevel.Watch, MentalLevel.Watch, MentalLevel.Concern],
            new[] { 55.0, 56, 64, 65 }.Select(s => MentalRules.LevelOf(mht, s, false)).ToList());
        Assert.Equal([MentalLevel.None, MentalLevel.Watch, MentalLevel.Concern, MentalLevel.Concern, MentalLevel.Crisis],
            new[] { 4.0, 5, 10, 19, 20 }.Select(s => MentalRules.LevelOf(phq, s, false)).ToList());
        // PHQ-9's ninth item (self-harm) makes any score a crisis; the MHT has no such item.
        Assert.Equal((MentalLevel.Crisis, MentalLevel.None), (MentalRules.LevelOf(phq, 3, true), MentalRules.LevelOf(mht, 30, true)));
        Assert.Equal(MentalLevel.Concern, rules.CaseFrom);
    }

    [Fact]
    public async Task A_counsellor_records_a_result_opens_the_case_with_a_reason_follows_it_up_and_closes_it()
    {
        var student = await app.StudentAsync("P5", "1", skip: 2, school: TestWorld.AnchorSchool);
        var counsellor = await app.ClientAsync("school.counsellor");

        using (var bad = await counsellor.PostAsJsonAsync("/api/growth/mental/screenings", new { studentNumber = student.StudentNumber, instrument = "PHQ-9", score = 30 }))
        {
            // PHQ-9 goes to 27, and is not given in primary school: the score is refused first, field by field.
            Assert.Equal(["score"], (await bad.ProblemAsync()).Errors.Keys.ToList());
        }
        using (var primary = await counsellor.PostAsJsonAsync("/api/growth/mental/screenings", new { studentNumber = student.StudentNumber, instrument = "PHQ-9", score = 12 }))
        {
            Assert.Equal(["instrument"], (await primary.ProblemAsync()).Errors.Keys.ToList());
        }
        using var recorded = await counsellor.PostAsJsonAsync("/api/growth/mental/screenings",
            new { studentNumber = student.StudentNumber, instrument = "MHT", score = 70, screenedOn = Today.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var result = await recorded.JsonAsync();
        Assert.Equal("Concern", result.GetProperty("level").GetString());
        var caseId = result.GetProperty("caseId").GetInt64();

        // The list names no one: class, level, stage and the first follow-up, ten working days on.
        var cases = (await (await counsellor.GetAsync("/api/growth/mental/cases")).JsonAsync()).EnumerateArray().ToList();
        var row = cases.Single(c => c.GetProperty("id").GetInt64() == caseId);
        Assert.False(row.TryGetProperty("name", out _) || row.TryGetProperty("studentNumber", out _));
        var due = (await app.Services.CreateScope().ServiceProvider.GetRequiredService<WorkingCalendar>().CurrentAsync()).AddWorkingDays(Today, 10);
        Assert.Equal((student.ClassName, "Concern", "Identified", due.ToString("yyyy-MM-dd")),
            (row.GetProperty("className").GetString(), row.GetProperty("level").GetString(), row.GetProperty("stage").GetString(), row.GetProperty("nextFollowUpOn").GetString()));

        // Opened without a reason: refused, nothing audited; with one: the child, and the reason in the audit log.
        var open = $"/api/growth/mental/cases/{caseId}/open";
        using (var noReason = await counsellor.PostAsJsonAsync(open, new { reason = "看" }))
        {
            Assert.Equal(["reason"], (await noReason.ProblemAsync()).Errors.Keys.ToList());
        }
        var view = await (await counsellor.PostAsJsonAsync(open, new { reason = "本周例行跟踪" })).JsonAsync();
        Assert.Equal(student.StudentNumber, view.GetProperty("studentNumber").GetString());
        Assert.True(view.GetProperty("name").GetString()!.Length > 0);
        var audited = await app.KernelAsync(db => db.AuditEntries.Where(a => a.Action == "growth.mental-case.read" && a.EntityKey == caseId.ToString()).Select(a => a.Details).ToListAsync());
        Assert.Equal(["reason=本周例行跟踪"], audited);

        // Steps: an intervention; a referral must say where; the note is stored encrypted.
        var entries = $"/api/growth/mental/cases/{caseId}/entries";
        Assert.Equal(HttpStatusCode.Created, (await counsellor.PostAsJsonAsync(entries,
            new { stage = "Intervention", note = "个别辅导一次，情绪平稳，约定下周再谈", nextFollowUpOn = Today.AddDays(7).ToString("yyyy-MM-dd") })).StatusCode);
        using (var referral = await counsellor.PostAsJsonAsync(entries, new { stage = "Referred", note = "建议就医", nextFollowUpOn = Today.AddDays(14).ToString("yyyy-MM-dd") }))
        {
            Assert.Equal(["referredTo"], (await referral.ProblemAsync()).Errors.Keys.ToList());
        }
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<GrowthDb>().MentalCaseEntries.AsNoTracking().SingleAsync(e => e.CaseId == caseId));
        Assert.DoesNotContain("个别辅导", Encoding.UTF8.GetString(stored.Note), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await counsellor.PostAsJsonAsync(entries, new { stage = "Closed", note = "连续跟踪后情况稳定，结案" })).StatusCode);
        var closed = await (await counsellor.PostAsJsonAsync(open, new { reason = "结案复核" })).JsonAsync();
        Assert.Equal(("Closed", 2), (closed.GetProperty("stage").GetString(), closed.GetProperty("entries").GetArrayLength()));
        Assert.Equal("个别辅导一次，情绪平稳，约定下周再谈", closed.GetProperty("entries")[0].GetProperty("note").GetString());
        Assert.DoesNotContain((await (await counsellor.GetAsync("/api/growth/mental/cases")).JsonAsync()).EnumerateArray(), c => c.GetProperty("id").GetInt64() == caseId);
        // A closed case takes no more steps.
        Assert.Equal(HttpStatusCode.NotFound, (await counsellor.PostAsJsonAsync(entries, new { stage = "FollowUp", note = "x", nextFollowUpOn = Today.ToString("yyyy-MM-dd") })).StatusCode);
    }

    [Fact]
    public async Task Only_a_counsellor_of_the_childs_school_reads_a_case_and_everyone_else_sees_counts()
    {
        var student = await app.StudentAsync("P6", "2", skip: 3, school: TestWorld.AnchorSchool);
        var counsellor = await app.ClientAsync("school.counsellor");
        var caseId = (await (await counsellor.PostAsJsonAsync("/api/growth/mental/screenings",
            new { studentNumber = student.StudentNumber, instrument = "MHT", score = 80 })).JsonAsync()).GetProperty("caseId").GetInt64();

        // The school's administrator and the district see counts (this case among the open ones), never a child.
        foreach (var user in new[] { "school.admin", "shinan.admin" })
        {
            var client = await app.ClientAsync(user);
            var figures = await (await client.GetAsync("/api/growth/mental")).JsonAsync();
            Assert.True(figures.GetProperty("total").GetProperty("openCases").GetInt32() >= 1);
            Assert.DoesNotContain(student.StudentNumber, figures.GetRawText(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/growth/mental/cases")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/growth/mental/cases/{caseId}/open", new { reason = "了解情况" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/growth/mental/screenings", new { studentNumber = student.StudentNumber, instrument = "MHT", score = 10 })).StatusCode);
        }
        // A teacher, even the child's, sees nothing of it.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("teacher")).GetAsync("/api/growth/mental")).StatusCode);

        // Another school's counsellor finds no such case, cannot record this child, and their page 404s.
        var other = await app.ClientAsync(await app.NewAccountAsync("counsellor.other", Roles.Counsellor, await OtherSchoolAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/growth/mental/cases/{caseId}/open", new { reason = "了解情况" })).StatusCode);
        using (var outside = await other.PostAsJsonAsync("/api/growth/mental/screenings", new { studentNumber = student.StudentNumber, instrument = "MHT", score = 80 }))
        {
            Assert.Equal(["studentNumber"], (await outside.ProblemAsync()).Errors.Keys.ToList());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/growth/mental/cases/{caseId}")).StatusCode);

        // The counsellor's own page asks for the reason before naming the child.
        var page = await counsellor.GetStringAsync($"/growth/mental/cases/{caseId}");
        Assert.Contains("data-testid=\"open-case\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(student.StudentNumber, page, StringComparison.Ordinal);
        var list = await counsellor.GetStringAsync("/growth/mental");
        Assert.Contains($"data-case=\"{caseId}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain(student.StudentNumber, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_results_for_one_student_open_one_case()
    {
        var student = await app.StudentAsync("P4", "1", skip: 4, school: TestWorld.AnchorSchool);
        var counsellor = await app.ClientAsync("school.counsellor");
        var before = await app.AsSystemAsync(sp => sp.GetRequiredService<GrowthDb>().MentalScreenings.CountAsync(s => s.StudentId == student.StudentId));
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            using var response = await counsellor.PostAsJsonAsync("/api/growth/mental/screenings", new { studentNumber = student.StudentNumber, instrument = "MHT", score = 66 + i });
            return response.StatusCode;
        }));
        Assert.All(answers, a => Assert.True(a is HttpStatusCode.Created or HttpStatusCode.Conflict, a.ToString()));
        var open = await app.AsSystemAsync(sp => sp.GetRequiredService<GrowthDb>().MentalCases.CountAsync(c => c.StudentId == student.StudentId && c.Open));
        var screenings = await app.AsSystemAsync(sp => sp.GetRequiredService<GrowthDb>().MentalScreenings.CountAsync(s => s.StudentId == student.StudentId));
        // One case (the demo's, if the child had one, or a new one), and a screening for every 201 and none for a 409.
        Assert.Equal((1, answers.Count(a => a == HttpStatusCode.Created)), (open, screenings - before));
    }

    private Task<string> OtherSchoolAsync() => app.KernelAsync(db => db.OrgUnits
        .Where(o => o.Parent!.Code == TestWorld.Shinan && o.Kind == Qedu.Kernel.OrgUnits.OrgUnitKind.School && o.Code != TestWorld.AnchorSchool)
        .OrderBy(o => o.Code).Select(o => o.Code).FirstAsync());
}
