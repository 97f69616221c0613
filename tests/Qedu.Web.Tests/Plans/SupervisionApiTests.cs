using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Plans.Data;
using Qedu.Plans.Domain;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Plans;

/// <summary>
/// The supervision workflow over HTTP on seed 001: a department reports progress with figures and evidence, status
/// follows, the owner sends a 督办单 and raises a 整改 item that go back and forth, and accepts the task as done; and
/// the refusals (a unit not on the task, a department acting as owner, bad input) that write nothing.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SupervisionApiTests(WebApp app)
{
    private const string Owner = "city.admin";
    private const string Department = "jjc.staff";

    /// <summary>Task 18: 基教处 leads, 教科院 takes part, "长期" (no deadline, no milestones). Task 22: 基教处 leads, due 2022-12, three targets.</summary>
    private const string OpenTask = "18";
    private const string OverdueTask = "22";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static string Today(int days = 0) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(days).ToString("yyyy-MM-dd");

    private Task<T> PlansAsync<T>(Func<PlansDb, Task<T>> query) => app.AsSystemAsync(sp => query(sp.GetRequiredService<PlansDb>()));

    private static async Task<JsonElement> TaskAsync(HttpClient client, long id)
    {
        using var response = await client.GetAsync($"/api/plans/tasks/{id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static SupervisionStatus Status(JsonElement task) => Enum.Parse<SupervisionStatus>(task.GetProperty("summary").GetProperty("status").GetString()!);

    private static async Task Expect(HttpStatusCode status, HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<long> CreatedId(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.JsonAsync()).GetProperty("id").GetInt64();
        }
    }

    [Fact]
    public async Task A_department_reports_the_owner_supervises_and_accepts()
    {
        var owner = await app.ClientAsync(Owner);
        var department = await app.ClientAsync(Department);
        var tasks = await PlanFiles.TasksAsync(owner, await PlanFiles.PublishedAsync(owner, PlanFiles.Seed("001"), "001.txt"));
        var open = tasks[OpenTask];
        var overdue = tasks[OverdueTask];

        var before = await TaskAsync(department, open);
        Assert.Equal(SupervisionStatus.NotStarted, Status(before));
        Assert.True(before.GetProperty("canReport").GetBoolean());
        var jjc = before.GetProperty("summary").GetProperty("units").EnumerateArray()
            .Single(u => u.GetProperty("name").GetString() == "基教处").GetProperty("unitId").GetInt32();

        // Progress with an evidence file: on track, and the owner downloads the file as it was sent.
        var reportId = await CreatedId(await department.PostAsync("/api/plans/reports", Http.Json(new
        {
            taskId = open,
            text = "已召开全市课后服务工作推进会，印发实施方案。",
            evidence = new[] { new { fileName = "推进会纪要.pdf", content = Convert.ToBase64String(Pdf) } },
        })));
        var after = await TaskAsync(owner, open);
        Assert.Equal(SupervisionStatus.OnTrack, Status(after));
        var report = after.GetProperty("reports").EnumerateArray().Single();
        Assert.Equal(reportId, report.GetProperty("id").GetInt64());
        Assert.True(report.GetProperty("isLead").GetBoolean());
        Assert.Equal("基教处", report.GetProperty("reportingUnit").GetString());
        var evidenceId = report.GetProperty("evidence")[0].GetProperty("id").GetInt64();
        using (var file = await owner.GetAsync($"/api/plans/evidence/{evidenceId}"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
        }
        var audited = await app.KernelAsync(db => db.AuditEntries.CountAsync(e => e.Action == "plans.evidence.download" && e.EntityKey == evidenceId.ToString()));
        Assert.Equal(1, audited);

        // A task past its deadline is overdue, and a report with a figure does not change that; the figure is the target's current value.
        var late = await TaskAsync(department, overdue);
        Assert.Equal(SupervisionStatus.Overdue, Status(late));
        var target = late.GetProperty("targets")[0];
        await Expect(HttpStatusCode.Created, await department.PostAsync("/api/plans/reports", Http.Json(new
        {
            taskId = overdue,
            text = "义务教育学校标准化建设完成情况。",
            claimsDone = true,
            figures = new[] { new { targetId = target.GetProperty("id").GetInt64(), value = target.GetProperty("value").GetDecimal() + 0.5m } },
        })));
        late = await TaskAsync(owner, overdue);
        Assert.Equal(SupervisionStatus.Overdue, Status(late));
        Assert.True(late.GetProperty("targets")[0].GetProperty("met").GetBoolean());
        Assert.Contains(await OverdueTaskIdsAsync(owner), id => id == overdue);

        // 督办单: sent to 基教处, answered by it.
        var noticeId = await CreatedId(await owner.PostAsync($"/api/plans/tasks/{overdue}/notices",
            Http.Json(new { unitId = jjc, text = "请于一周内说明逾期原因及整改措施。", replyBy = Today(7) })));
        var reminders = await (await department.GetAsync("/api/plans/reminders")).JsonAsync();
        Assert.Contains(reminders.EnumerateArray(), r => r.GetProperty("kind").GetInt32() == (int)Qedu.Plans.Features.Supervision.ReminderKind.Notice
            && r.GetProperty("taskId").GetInt64() == overdue);
        await Expect(HttpStatusCode.NoContent, await department.PostAsync($"/api/plans/notices/{noticeId}/reply",
            Http.Json(new { text = "因资金到位较晚，已于本月完成招标。" })));
        await Expect(HttpStatusCode.Conflict, await department.PostAsync($"/api/plans/notices/{noticeId}/reply", Http.Json(new { text = "再次回复" })));
        var notice = (await TaskAsync(owner, overdue)).GetProperty("notices")[0];
        Assert.Equal("因资金到位较晚，已于本月完成招标。", notice.GetProperty("replyText").GetString());
        Assert.False(notice.GetProperty("late").GetBoolean());

        // 整改 from the notice, kept by the shared rectification module: fixed, sent back, fixed again, verified (closed).
        var itemId = await CreatedId(await owner.PostAsync($"/api/plans/tasks/{overdue}/rectifications",
            Http.Json(new { noticeId, problem = "标准化建设验收材料不全。", dueOn = Today(14) })));
        await Expect(HttpStatusCode.Conflict, await owner.PostAsync($"/api/rectifications/{itemId}/verify", Http.Json(new { accept = true })));
        await Expect(HttpStatusCode.OK, await department.PostAsync($"/api/rectifications/{itemId}/fix", Http.Json(new { text = "已补齐验收材料。" })));
        await Expect(HttpStatusCode.OK, await owner.PostAsync($"/api/rectifications/{itemId}/verify", Http.Json(new { accept = false, text = "缺少第三方检测报告。" })));
        await Expect(HttpStatusCode.OK, await department.PostAsync($"/api/rectifications/{itemId}/fix", Http.Json(new { text = "已补充检测报告。" })));
        await Expect(HttpStatusCode.OK, await owner.PostAsync($"/api/rectifications/{itemId}/verify", Http.Json(new { accept = true })));
        var item = (await TaskAsync(department, overdue)).GetProperty("rectifications")[0];
        Assert.Equal(jjc, item.GetProperty("unitId").GetInt32());
        Assert.Equal(noticeId, item.GetProperty("noticeId").GetInt64());
        Assert.Equal("Closed", item.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, item.GetProperty("closedAt").ValueKind);
        Assert.Equal("已补充检测报告。", item.GetProperty("fixReport").GetString());
        using (var detail = await owner.GetAsync($"/api/rectifications/{itemId}"))
        {
            var steps = (await detail.JsonAsync()).GetProperty("steps").EnumerateArray().ToList();
            Assert.Equal(["Raised", "Fixed", "SentBack", "Fixed", "Verified"], steps.Select(s => s.GetProperty("kind").GetString()));
            Assert.Equal("缺少第三方检测报告。", steps[2].GetProperty("text").GetString());
        }

        // The owner accepts: done, no more reports; reopened, reports are welcome again.
        await Expect(HttpStatusCode.NoContent, await owner.PostAsync($"/api/plans/tasks/{open}/accept", null));
        Assert.Equal(SupervisionStatus.Done, Status(await TaskAsync(department, open)));
        await Expect(HttpStatusCode.Conflict, await department.PostAsync("/api/plans/reports", Http.Json(new { taskId = open, text = "补充" })));
        await Expect(HttpStatusCode.NoContent, await owner.PostAsync($"/api/plans/tasks/{open}/reopen", null));
        Assert.Equal(SupervisionStatus.OnTrack, Status(await TaskAsync(department, open)));
        await Expect(HttpStatusCode.NoContent, await owner.PostAsync($"/api/plans/tasks/{open}/accept", null));

        // The department's own list has both tasks; the owner's workload counts them under 基教处.
        var mine = await (await department.GetAsync("/api/plans/mine")).JsonAsync();
        var mineIds = mine.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(open, mineIds);
        Assert.Contains(overdue, mineIds);
        var workload = await (await owner.GetAsync("/api/plans/workload")).JsonAsync();
        Assert.Contains(workload.EnumerateArray(), r => r.GetProperty("unitId").GetInt32() == jjc && r.GetProperty("total").GetInt32() > 0);
    }

    private static async Task<List<long>> OverdueTaskIdsAsync(HttpClient owner) =>
        [.. (await (await owner.GetAsync("/api/plans/overdue")).JsonAsync()).EnumerateArray().Select(l => l.GetProperty("taskId").GetInt64())];

    [Fact]
    public async Task Only_the_task_s_units_report_only_the_owner_decides_and_bad_input_names_its_field()
    {
        var owner = await app.ClientAsync(Owner);
        var department = await app.ClientAsync(Department);
        var tasks = await PlanFiles.TasksAsync(owner, await PlanFiles.PublishedAsync(owner, PlanFiles.Seed("001"), "001.txt"));
        var open = tasks[OpenTask];
        var overdue = tasks[OverdueTask];
        await app.CreateAccountAsync("sup.abc", Roles.DepartmentStaff, TestWorld.City, TestWorld.City + "-ABC");
        var outsider = await app.ClientAsync("sup.abc"); // 安保处: on neither task
        var reportsBefore = await PlansAsync(db => db.Reports.CountAsync());

        await Expect(HttpStatusCode.Forbidden, await outsider.PostAsync("/api/plans/reports", Http.Json(new { taskId = open, text = "越权报送" })));
        await Expect(HttpStatusCode.Forbidden, await department.PostAsync($"/api/plans/tasks/{open}/accept", null));
        await Expect(HttpStatusCode.Forbidden, await department.PostAsync($"/api/plans/tasks/{open}/notices", Http.Json(new { unitId = 1, text = "x", replyBy = Today(3) })));
        await Expect(HttpStatusCode.NotFound, await department.PostAsync("/api/plans/reports", Http.Json(new { taskId = long.MaxValue, text = "无此任务" })));

        // Every problem of a report at once, keyed by its field.
        var otherTarget = (await TaskAsync(owner, overdue)).GetProperty("targets")[0].GetProperty("id").GetInt64();
        using (var bad = await department.PostAsync("/api/plans/reports", Http.Json(new
        {
            taskId = open,
            text = " ",
            milestoneId = long.MaxValue,
            figures = new object[] { new { targetId = otherTarget, value = 1 }, new { targetId = (long?)null, value = (decimal?)null } },
            evidence = new[]
            {
                new { fileName = "run.exe", content = Convert.ToBase64String([0x4D, 0x5A, 0x90]) },
                new { fileName = "伪装.pdf", content = Convert.ToBase64String(Encoding.UTF8.GetBytes("<script>alert(1)</script>")) },
                new { fileName = "空.txt", content = "" },
            },
        })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = await bad.ProblemAsync();
            foreach (var field in new[] { "text", "milestoneId", "figures[0].targetId", "figures[1].targetId", "figures[1].value", "evidence[0].fileName", "evidence[1].fileName", "evidence[2].content" })
            {
                Assert.True(problem.Errors.ContainsKey(field), $"{field} missing from {problem.AllText}");
            }
            Assert.Contains("必填", problem.Errors["text"][0]);
        }
        using (var english = await department.SendAsync(Http.Request(HttpMethod.Post, "/api/plans/reports", Http.Json(new { taskId = open }), "en")))
        {
            Assert.Equal("Required", (await english.ProblemAsync()).Errors["text"][0]);
        }
        using (var malformed = await department.PostAsync("/api/plans/reports", Http.RawJson($$"""{"taskId": {{open}}, "text": "x", "figures": [{"targetId": 1, "value": "很多"}]}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            Assert.Contains("figures[0].value", (await malformed.ProblemAsync()).Errors.Keys);
        }
        using (var form = await department.PostAsync("/api/plans/reports", new FormUrlEncodedContent(new Dictionary<string, string> { ["taskId"] = open.ToString(), ["text"] = "x" })))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        }
        Assert.Equal(reportsBefore, await PlansAsync(db => db.Reports.CountAsync()));

        // Notices: a unit on the task, a reply date not in the past; only the addressed unit answers.
        using (var badNotice = await owner.PostAsync($"/api/plans/tasks/{open}/notices", Http.Json(new { unitId = -1, text = "", replyBy = Today(-1) })))
        {
            var problem = await badNotice.ProblemAsync();
            Assert.Equal(400, problem.Status);
            Assert.Equal(["replyBy", "text", "unitId"], problem.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
        }
        var jjc = (await TaskAsync(owner, open)).GetProperty("summary").GetProperty("units").EnumerateArray()
            .Single(u => u.GetProperty("name").GetString() == "基教处").GetProperty("unitId").GetInt32();
        var noticeId = await CreatedId(await owner.PostAsync($"/api/plans/tasks/{open}/notices", Http.Json(new { unitId = jjc, text = "请报送进展。", replyBy = Today() })));
        await Expect(HttpStatusCode.Forbidden, await outsider.PostAsync($"/api/plans/notices/{noticeId}/reply", Http.Json(new { text = "不是我的" })));
        using (var empty = await department.PostAsync($"/api/plans/notices/{noticeId}/reply", Http.Json(new { text = "" })))
        {
            Assert.Contains("text", (await empty.ProblemAsync()).Errors.Keys);
        }
        var itemId = await CreatedId(await owner.PostAsync($"/api/plans/tasks/{open}/rectifications", Http.Json(new { unitId = jjc, problem = "台账不完整。", dueOn = Today(5) })));
        // Another department (its grant covers the city) does not act for the addressed unit; that unit fixes but does not verify.
        await Expect(HttpStatusCode.Forbidden, await outsider.PostAsync($"/api/rectifications/{itemId}/fix", Http.Json(new { text = "x" })));
        await Expect(HttpStatusCode.OK, await department.PostAsync($"/api/rectifications/{itemId}/fix", Http.Json(new { text = "已补齐台账。" })));
        await Expect(HttpStatusCode.Forbidden, await department.PostAsync($"/api/rectifications/{itemId}/verify", Http.Json(new { accept = true })));

        // A draft is not under supervision: its tasks do not exist for the department.
        var draft = await PlanFiles.TasksAsync(owner, await PlanFiles.ImportAsync(owner, PlanFiles.Seed("001"), "001.txt"));
        await Expect(HttpStatusCode.NotFound, await department.PostAsync("/api/plans/reports", Http.Json(new { taskId = draft[OpenTask], text = "草稿" })));
        await Expect(HttpStatusCode.Conflict, await owner.PostAsync($"/api/plans/tasks/{draft[OpenTask]}/accept", null));
    }

    [Fact]
    public async Task A_district_bureau_named_on_a_city_task_sees_it_and_reports_within_its_own_scope()
    {
        var owner = await app.ClientAsync(Owner);
        var tasks = await PlanFiles.TasksAsync(owner, await PlanFiles.PublishedAsync(owner, PlanFiles.Seed("001"), "001.txt"));
        var open = tasks[OpenTask];
        var shinan = await app.KernelAsync(db => db.OrgUnits.SingleAsync(o => o.Code == TestWorld.Shinan));
        // Seed 001 names no district, so name 市南区 on the task as a reviewer would.
        await PlansAsync(async db =>
        {
            var task = await db.Tasks.SingleAsync(t => t.Id == open);
            db.TaskUnits.Add(new TaskUnit { OrgUnitId = task.OrgUnitId, TaskId = open, Role = UnitRole.Participating, Name = shinan.Name, PrintedName = "市南区教育局", UnitId = shinan.Id, Matched = true, SortOrder = 9 });
            return await db.SaveChangesAsync();
        });

        var district = await app.ClientAsync("shinan.admin");
        var mine = await (await district.GetAsync("/api/plans/mine")).JsonAsync();
        var line = mine.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == open);
        Assert.Contains(line.GetProperty("units").EnumerateArray(), u => u.GetProperty("code").GetString() == TestWorld.Shinan && !u.GetProperty("isLead").GetBoolean());

        await Expect(HttpStatusCode.Created, await district.PostAsync("/api/plans/reports", Http.Json(new { taskId = open, text = "市南区已完成辖区学校摸底。" })));
        var report = (await TaskAsync(owner, open)).GetProperty("reports").EnumerateArray().Single();
        Assert.Equal(shinan.Name, report.GetProperty("reportingUnit").GetString());
        Assert.False(report.GetProperty("isLead").GetBoolean());
        Assert.Equal(shinan.Id, await PlansAsync(db => db.Reports.Where(r => r.TaskId == open).Select(r => r.OrgUnitId).SingleAsync()));

        // The district opens the task itself (API and page), outside its read scope but named on it: the city's units,
        // milestones and targets show, with the status the owner sees; the report it wrote shows as its own.
        var seen = await TaskAsync(district, open);
        Assert.True(seen.GetProperty("canReport").GetBoolean());
        Assert.False(seen.GetProperty("canManage").GetBoolean());
        Assert.Contains(seen.GetProperty("summary").GetProperty("units").EnumerateArray(), u => u.GetProperty("unitCode").GetString() == TestWorld.City + "-JJC");
        var ownerView = await TaskAsync(owner, open);
        Assert.Equal(ownerView.GetProperty("summary").GetProperty("status").GetString(), seen.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(ownerView.GetProperty("milestones").GetArrayLength(), seen.GetProperty("milestones").GetArrayLength());
        Assert.Equal(shinan.Name, seen.GetProperty("reports").EnumerateArray().Single().GetProperty("reportingUnit").GetString());
        using (var page = await district.GetAsync($"/plans/tasks/{open}"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // Another district is not on the task and does not see it.
        await app.CreateAccountAsync("sup.shibei", Roles.DistrictAdmin, TestWorld.Shibei);
        var other = await app.ClientAsync("sup.shibei");
        await Expect(HttpStatusCode.NotFound, await other.PostAsync("/api/plans/reports", Http.Json(new { taskId = open, text = "越权" })));
        await Expect(HttpStatusCode.NotFound, await other.GetAsync($"/api/plans/tasks/{open}"));
        Assert.DoesNotContain((await (await other.GetAsync("/api/plans/mine")).JsonAsync()).GetProperty("tasks").EnumerateArray(),
            t => t.GetProperty("id").GetInt64() == open);
    }
}
