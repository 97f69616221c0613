using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Plans.Data;
using Qedu.PlanDocuments;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Plans;

/// <summary>Plans over HTTP: import as a draft, review (header, tasks, unit mappings), publish; who sees what; bad input.</summary>
[Collection(WebCollection.Name)]
public sealed class PlanApiTests(WebApp app)
{
    private static readonly string[] LeadInput = ["基础教育处"];
    private static readonly string[] ParticipatingInput = ["人事处、计财处"];

    private Task<T> PlansAsync<T>(Func<PlansDb, Task<T>> query) => app.AsSystemAsync(sp => query(sp.GetRequiredService<PlansDb>()));

    private static IEnumerable<JsonElement> Tasks(JsonElement plan) =>
        plan.GetProperty("sections").EnumerateArray().SelectMany(SectionTasks);

    private static IEnumerable<JsonElement> SectionTasks(JsonElement section) =>
        section.GetProperty("tasks").EnumerateArray().Concat(section.GetProperty("sections").EnumerateArray().SelectMany(SectionTasks));

    private static string[] Names(JsonElement task, string role) =>
        [.. task.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("role").GetString() == role).Select(u => u.GetProperty("name").GetString()!)];

    [Fact]
    public async Task Seed_001_imports_as_a_draft_with_every_task_and_unit_then_departments_see_it_once_published()
    {
        var owner = await app.ClientAsync("city.admin");
        var department = await app.ClientAsync("jjc.staff");
        var id = await PlanFiles.ImportAsync(owner, PlanFiles.Seed("001"), "001.txt");

        var plan = await (await owner.GetAsync($"/api/plans/{id}")).JsonAsync();
        Assert.Equal("Draft", plan.GetProperty("state").GetString());
        Assert.Equal(TestWorld.City, plan.GetProperty("ownerCode").GetString());
        var tasks = Tasks(plan).ToList();
        Assert.Equal(34, tasks.Count);

        // Every task's units as stored are the parser's, matched to the org tree: a department's task carries its code.
        var parsed = new PlanDocumentParser().Parse(Encoding.UTF8.GetString(PlanFiles.Seed("001"))).AllTasks().ToList();
        Assert.Equal(parsed.Select(t => t.Number), tasks.Select(t => t.GetProperty("number").GetString()));
        for (int i = 0; i < parsed.Count; i++)
        {
            var expectedLead = parsed[i].LeadUnits.SelectMany(n => UnitMatcher.Default.Match(n)).Select(m => m.Name).Distinct();
            Assert.Equal(expectedLead, Names(tasks[i], "Lead"));
        }
        var jjcTasks = tasks.Where(t => t.GetProperty("units").EnumerateArray().Any(u => u.GetProperty("unitCode").GetString() == TestWorld.City + "-JJC")).ToList();
        Assert.NotEmpty(jjcTasks);

        // A draft is the owner's alone.
        using (var hidden = await department.GetAsync($"/api/plans/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        var listed = await (await department.GetAsync("/api/plans")).JsonAsync();
        Assert.DoesNotContain(listed.EnumerateArray(), p => p.GetProperty("id").GetInt64() == id);

        using var published = await owner.PostAsync($"/api/plans/{id}/publish", null);
        Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);
        using var again = await owner.PostAsync($"/api/plans/{id}/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var seen = await (await department.GetAsync($"/api/plans/{id}")).JsonAsync();
        Assert.Equal("Active", seen.GetProperty("state").GetString());
        Assert.False(seen.GetProperty("canManage").GetBoolean());
        // Seed 001 dates its deadlines 2018–2020: every task with a deadline is overdue by now, none is done.
        Assert.All(Tasks(seen).Where(t => t.GetProperty("dueOn").ValueKind != JsonValueKind.Null),
            t => Assert.Equal("Overdue", t.GetProperty("status").GetString()));

        var taskId = jjcTasks[0].GetProperty("id").GetInt64();
        var detail = await (await department.GetAsync($"/api/plans/tasks/{taskId}")).JsonAsync();
        Assert.True(detail.GetProperty("canReport").GetBoolean());
        Assert.False(detail.GetProperty("canManage").GetBoolean());
    }

    [Fact]
    public async Task A_reviewer_corrects_the_header_and_any_task_field_and_bad_values_are_named()
    {
        var owner = await app.ClientAsync("city.admin");
        var id = await PlanFiles.ImportAsync(owner, Encoding.UTF8.GetBytes(
            "审核测试规划\n一、重点任务\n1. 完善招生制度。2019年，完成方案。到2020年，入学率达到95%。责任处室：基教处\n2. 加强队伍建设。责任处室：人事处\n"));

        using (var bad = await owner.PutAsync($"/api/plans/{id}", Http.Json(new { title = "", issuedOn = "2020/1/1" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = await bad.ProblemAsync();
            Assert.Contains("title", problem.Errors.Keys);
            Assert.Contains("issuedOn", problem.Errors.Keys);
        }
        using (var ok = await owner.PutAsync($"/api/plans/{id}", Http.Json(new { title = "审核后的标题", documentNumber = "青教发〔2026〕1号", issuedOn = "2026-03-01" })))
        {
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }
        var plan = await (await owner.GetAsync($"/api/plans/{id}")).JsonAsync();
        Assert.Equal("审核后的标题", plan.GetProperty("title").GetString());
        Assert.Equal("青教发〔2026〕1号", plan.GetProperty("documentNumber").GetString());

        var task = Tasks(plan).First();
        var taskId = task.GetProperty("id").GetInt64();
        var detail = await (await owner.GetAsync($"/api/plans/tasks/{taskId}")).JsonAsync();
        Assert.Equal(2019, detail.GetProperty("milestones")[0].GetProperty("year").GetInt32());
        var target = detail.GetProperty("targets")[0];
        Assert.Equal(95m, target.GetProperty("value").GetDecimal());

        using (var bad = await owner.PutAsync($"/api/plans/tasks/{taskId}", Http.Json(new
        {
            number = "1", title = "完善招生制度",
            milestones = new[] { new { year = 3000, text = "完成方案" } },
            targets = new[] { new { text = "入学率", value = (decimal?)null, comparator = ">=" } },
        })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = await bad.ProblemAsync();
            Assert.Contains("milestones[0].year", problem.Errors.Keys);
            Assert.Contains("targets[0].value", problem.Errors.Keys);
        }

        using (var ok = await owner.PutAsync($"/api/plans/tasks/{taskId}", Http.Json(new
        {
            number = "1", title = "完善义务教育招生制度", text = "改写后的全文",
            deadline = "2030年6月",
            leadUnits = LeadInput, participatingUnits = ParticipatingInput,
            milestones = new[] { new { year = 2029, text = "出台办法" } },
            targets = new object[]
            {
                new { id = target.GetProperty("id").GetInt64(), text = "入学率", value = 99m, unit = "%", comparator = ">=", year = 2030 },
                new { id = (long?)null, text = "新建学校", value = 10m, unit = "所", comparator = ">=", year = (int?)null },
            },
            policies = "招生办法\n学区划分意见",
        })))
        {
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }
        var changed = await (await owner.GetAsync($"/api/plans/tasks/{taskId}")).JsonAsync();
        var summary = changed.GetProperty("summary");
        Assert.Equal("完善义务教育招生制度", summary.GetProperty("title").GetString());
        Assert.Equal("2030-06-30", summary.GetProperty("dueOn").GetString());
        Assert.Equal(["基教处"], Names(summary, "Lead"));
        Assert.Equal(["人事处", "计财处"], Names(summary, "Participating"));
        Assert.Equal([2029], changed.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("year").GetInt32()));
        var targets = changed.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(2, targets.Count);
        Assert.Equal(target.GetProperty("id").GetInt64(), targets[0].GetProperty("id").GetInt64());
        Assert.Equal(99m, targets[0].GetProperty("value").GetDecimal());
        Assert.Equal("招生办法\n学区划分意见", changed.GetProperty("policies").GetString());

        // Deleting the draft removes every row under it.
        using var deleted = await owner.DeleteAsync($"/api/plans/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, await PlansAsync(db => db.Tasks.CountAsync(t => t.PlanId == id)));
        Assert.Equal(0, await PlansAsync(db => db.TaskUnits.CountAsync(u => u.TaskId == taskId)));
    }

    [Fact]
    public async Task An_unknown_unit_is_flagged_mapped_once_and_recognised_in_the_next_import()
    {
        var owner = await app.ClientAsync("city.admin");
        var unitName = "市教育宣传中心" + Guid.NewGuid().ToString("N")[..4];
        var text = Encoding.UTF8.GetBytes($"映射测试规划\n一、重点任务\n1. 加强宣传。责任单位：{unitName}\n");
        var first = await PlanFiles.ImportAsync(owner, text);

        var plan = await (await owner.GetAsync($"/api/plans/{first}")).JsonAsync();
        Assert.Equal([unitName], plan.GetProperty("unmatchedUnits").EnumerateArray().Select(u => u.GetString()));
        var unit = Tasks(plan).Single().GetProperty("units")[0];
        Assert.False(unit.GetProperty("matched").GetBoolean());

        var office = await app.KernelAsync(db => db.OrgUnits.SingleAsync(u => u.Code == TestWorld.City + "-BGS"));
        using (var bad = await owner.PostAsJsonAsync($"/api/plans/{first}/unit-mappings", new { printedName = unitName, unitId = -1 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("unitId", (await bad.ProblemAsync()).Errors.Keys);
        }
        using (var mapped = await owner.PostAsJsonAsync($"/api/plans/{first}/unit-mappings", new { printedName = unitName, unitId = office.Id }))
        {
            Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
            Assert.Equal(1, (await mapped.JsonAsync()).GetProperty("updated").GetInt32());
        }
        plan = await (await owner.GetAsync($"/api/plans/{first}")).JsonAsync();
        Assert.Empty(plan.GetProperty("unmatchedUnits").EnumerateArray());
        Assert.Equal(office.Code, Tasks(plan).Single().GetProperty("units")[0].GetProperty("unitCode").GetString());

        var second = await PlanFiles.ImportAsync(owner, text);
        var again = await (await owner.GetAsync($"/api/plans/{second}")).JsonAsync();
        Assert.Empty(again.GetProperty("unmatchedUnits").EnumerateArray());
        var remembered = Tasks(again).Single().GetProperty("units")[0];
        Assert.Equal("办公室", remembered.GetProperty("name").GetString());
        Assert.Equal(office.Code, remembered.GetProperty("unitCode").GetString());
    }

    [Fact]
    public async Task Bad_files_are_refused_with_the_file_named_and_nothing_written()
    {
        var owner = await app.ClientAsync("city.admin");
        var before = await PlansAsync(db => db.Plans.CountAsync());

        using (var empty = await owner.PostAsync("/api/plans/import?fileName=empty.txt", PlanFiles.Body([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("empty.txt", (await empty.ProblemAsync()).Errors["file"][0]);
        }
        using (var notPlan = await owner.PostAsync("/api/plans/import?fileName=notes.txt", PlanFiles.Body("今天天气很好。\n明天也不错。\n")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notPlan.StatusCode);
            Assert.Contains("notes.txt", (await notPlan.ProblemAsync()).Errors["file"][0]);
        }
        using (var brokenDocx = await owner.PostAsync("/api/plans/import?fileName=broken.docx",
                   PlanFiles.Body([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "application/vnd.openxmlformats-officedocument.wordprocessingml.document")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, brokenDocx.StatusCode);
            Assert.Contains("broken.docx", (await brokenDocx.ProblemAsync()).Errors["file"][0]);
        }
        // A form could post text/plain cross-site: refused, whatever it holds.
        using (var form = await owner.PostAsync("/api/plans/import", new StringContent("一、任务\n1. 任务。责任处室：基教处", Encoding.UTF8, "text/plain")))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        }
        using (var school = await owner.PostAsync($"/api/plans/import?org={TestWorld.AnchorSchool}", PlanFiles.Body("规划\n一、任务\n1. 任务。责任处室：基教处\n")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, school.StatusCode);
            Assert.Contains("org", (await school.ProblemAsync()).Errors.Keys);
        }
        using (var english = await owner.SendAsync(Http.Request(HttpMethod.Post, "/api/plans/import?fileName=empty.txt", PlanFiles.Body([]), "en")))
        {
            Assert.Contains("is empty", (await english.ProblemAsync()).Errors["file"][0]);
        }
        Assert.Equal(before, await PlansAsync(db => db.Plans.CountAsync()));
    }

    [Fact]
    public async Task A_district_manages_its_own_plans_and_cannot_import_into_the_city()
    {
        var district = await app.ClientAsync("shinan.admin");
        using var intoCity = await district.PostAsync($"/api/plans/import?org={TestWorld.City}", PlanFiles.Body("规划\n一、任务\n1. 任务。责任处室：基教处\n"));
        Assert.Equal(HttpStatusCode.BadRequest, intoCity.StatusCode);
        Assert.Contains("org", (await intoCity.ProblemAsync()).Errors.Keys);

        var own = await PlanFiles.ImportAsync(district, Encoding.UTF8.GetBytes("市南区规划\n一、任务\n1. 任务。责任处室：基教处\n"));
        var plan = await (await district.GetAsync($"/api/plans/{own}")).JsonAsync();
        Assert.Equal(TestWorld.Shinan, plan.GetProperty("ownerCode").GetString());
        // The city sees its districts' plans (scope), but a draft is its owner's alone.
        var city = await app.ClientAsync("city.admin");
        using var cityView = await city.GetAsync($"/api/plans/{own}");
        Assert.Equal(HttpStatusCode.OK, cityView.StatusCode);
        var departmentView = await (await app.ClientAsync("jjc.staff")).GetAsync($"/api/plans/{own}");
        Assert.Equal(HttpStatusCode.NotFound, departmentView.StatusCode);
    }
}
