using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Growth.Domain;
using Qedu.Growth.Resources;
using Qedu.Growth.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Growth;

/// <summary>
/// The growth record (成长档案): a teacher keeps the records of her own classes only; a guardian's evidence is refused by
/// its content, reviewed once, and counted towards the 十个一 items; the school confirms the term once no evidence waits,
/// after which the term is closed; the handbook prints for the guardian and for no one else's guardian.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RecordTests(WebApp app)
{
    private static DateOnly Today => CityDate.Today(TimeProvider.System);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    [Fact]
    public void The_terms_and_items_come_from_the_rules()
    {
        var rules = RecordRules.Load();
        Assert.Equal(10, rules.Items.Length);
        Assert.Equal(5, rules.Areas.Length);
        Assert.Equal((2026, 1), rules.TermOf(new DateOnly(2026, 9, 1)));
        Assert.Equal((2026, 1), rules.TermOf(new DateOnly(2027, 1, 31)));
        Assert.Equal((2026, 2), rules.TermOf(new DateOnly(2027, 2, 1)));
        Assert.Equal((2026, 2), rules.TermOf(new DateOnly(2027, 8, 31)));
        Assert.Equal((2025, 2), rules.TermOf(new DateOnly(2026, 8, 31)));
        Assert.Equal(new[] { ItemRule.Count, ItemRule.Entries }, rules.Items.Select(i => i.Kind).Distinct().Order().ToArray());
        Assert.Equal((GrowthArea.Academic, 100, "本"), (rules.Item("books")!.Area, rules.Item("books")!.Target, rules.Item("books")!.UnitZh));
    }

    [Fact]
    public async Task A_teacher_keeps_the_records_of_her_own_classes_only()
    {
        // Her classes from the registry itself: the class her staff record heads, those it teaches.
        var (mine, inMine, notMine) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var me = await db.Staff.Where(s => s.StaffNumber == DemoAccounts.TeacherStaffNumber).Select(s => new { s.Id, s.OrgUnitId }).SingleAsync();
            var classes = (await db.Classes.Where(c => c.HeadTeacherId == me.Id).Select(c => c.Id)
                .Concat(db.TeachingAssignments.Where(a => a.StaffId == me.Id).Select(a => a.ClassId)).ToListAsync()).ToHashSet();
            var students = db.Students.Where(s => s.StatusCode == "01" && s.OrgUnitId == me.OrgUnitId);
            var inside = await students.Where(s => s.ClassId != null && classes.Contains(s.ClassId.Value)).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var outside = await students.Where(s => s.ClassId != null && !classes.Contains(s.ClassId.Value)).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            return (classes, inside, outside);
        });
        var teacher = await app.ClientAsync("teacher");

        var listed = (await (await teacher.GetAsync("/api/growth/records/classes")).JsonAsync()).EnumerateArray().Select(c => c.GetProperty("classId").GetInt64()).ToHashSet();
        Assert.True(mine.SetEquals(listed), $"her classes {string.Join(',', mine)}, listed {string.Join(',', listed)}");

        // Bad input names each field; nothing is written.
        using (var bad = await teacher.PostAsJsonAsync($"/api/growth/records/students/{inMine}/entries",
                   new { item = "books", title = "", occurredOn = Day(Today.AddDays(1)) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(["occurredOn", "quantity", "title"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        using (var wrongArea = await teacher.PostAsJsonAsync($"/api/growth/records/students/{inMine}/entries", new { item = "books", area = "Arts", quantity = 3, title = "阅读" }))
        {
            Assert.Equal(["area"], (await wrongArea.ProblemAsync()).Errors.Keys.ToList());
        }
        using (var noItem = await teacher.PostAsJsonAsync($"/api/growth/records/students/{inMine}/entries", new { item = "cooking", title = "做饭" }))
        {
            Assert.Equal(string.Format(app.Text<GrowthText>("Record.Item"), string.Join(", ", RecordRules.Load().Items.Select(i => i.Code))),
                Assert.Single((await noItem.ProblemAsync()).Errors["item"]));
        }

        // Her own class's student: recorded, and counted towards the item.
        var before = await ItemDoneAsync(teacher, inMine, "books");
        using (var added = await teacher.PostAsJsonAsync($"/api/growth/records/students/{inMine}/entries",
                   new { item = "books", quantity = 7, title = "班级读书会", occurredOn = Day(Today) }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
        Assert.Equal(before + 7, await ItemDoneAsync(teacher, inMine, "books"));
        Assert.True(await app.KernelAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "growth.record-read" && a.EntityKey == inMine.ToString())));

        // Another class of her own school is as absent to her as a school elsewhere: no record, no entry.
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/growth/records/students/{notMine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.PostAsJsonAsync($"/api/growth/records/students/{notMine}/entries",
            new { area = "Moral", title = "志愿服务" })).StatusCode);
        // Confirming the term is the school's, not the teacher's.
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync($"/api/growth/records/classes/{mine.First()}/confirm", new { })).StatusCode);
    }

    [Fact]
    public async Task A_guardians_evidence_is_reviewed_once_and_the_school_closes_the_term()
    {
        // A school of 市南区 with no demo records, its administrator, and a child there with a guardian of their own.
        var schoolCode = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Parent!.Code == TestWorld.Shinan && o.Code != TestWorld.AnchorSchool
            && o.Kind == Qedu.Kernel.OrgUnits.OrgUnitKind.School).OrderByDescending(o => o.Code).Select(o => o.Code).FirstAsync());
        var (family, phone) = await Parents.SignInAsync(app);
        var child = await GuardedChildren.NewAsync(app, schoolCode, phone, "档案学生");
        var classId = await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Students.Where(s => s.Id == child).Select(s => s.ClassId!.Value).SingleAsync());
        var school = await app.ClientAsync(await app.NewAccountAsync("records.admin", Roles.SchoolAdmin, schoolCode));

        var children = (await (await family.GetAsync("/api/parent/growth")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal("档案学生", Assert.Single(children, c => c.GetProperty("studentId").GetInt64() == child).GetProperty("name").GetString());

        // A web page renamed .pdf is refused by its content; a PDF with a count of books read is taken and waits.
        using (var fake = Evidence("books", "6", "亲子共读", "<html><script>alert(1)</script></html>"u8.ToArray(), "读书.pdf"))
        using (var refused = await family.PostAsync($"/api/parent/growth/{child}/evidence", fake))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(string.Format(app.Text<GrowthText>("Record.File.NotAllowed"), 10), Assert.Single((await refused.ProblemAsync()).Errors["file"]));
        }
        long evidence;
        using (var pdf = Evidence("books", "6", "亲子共读", StudentServices.StatusChangeWorld.Pdf, "读书.pdf"))
        using (var sent = await family.PostAsync($"/api/parent/growth/{child}/evidence", pdf))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            evidence = (await sent.JsonAsync()).GetProperty("id").GetInt64();
        }
        // Not theirs: another guardian finds no such child.
        var (stranger, _) = await Parents.SignInAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/parent/growth/{child}")).StatusCode);
        using (var other = Evidence("books", "1", "冒名", StudentServices.StatusChangeWorld.Pdf, "x.pdf"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/parent/growth/{child}/evidence", other)).StatusCode);
        }

        // The term cannot be confirmed while evidence waits.
        using (var early = await school.PostAsJsonAsync($"/api/growth/records/classes/{classId}/confirm", new { }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Equal(string.Format(app.Text<GrowthText>("Record.Confirm.Waiting"), 1), (await early.ProblemAsync()).Detail);
        }
        // The school sees the evidence and its file (audited); a return needs a reason; two reviewers at once: one decides.
        var record = await (await school.GetAsync($"/api/growth/records/students/{child}")).JsonAsync();
        Assert.Contains(record.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("id").GetInt64() == evidence && e.GetProperty("state").GetString() == "Pending");
        using (var file = await school.GetAsync($"/api/growth/records/evidence/{evidence}/file"))
        {
            Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        }
        Assert.True(await app.KernelAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "growth.record-read" && a.EntityKey == evidence.ToString())));
        using (var noReason = await school.PostAsJsonAsync($"/api/growth/records/evidence/{evidence}/review", new { accept = false }))
        {
            Assert.Equal(["note"], (await noReason.ProblemAsync()).Errors.Keys.ToList());
        }
        var decisions = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var response = await school.PostAsJsonAsync($"/api/growth/records/evidence/{evidence}/review", new { accept = true });
            return response.StatusCode;
        }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], decisions.Order().ToArray());
        Assert.Equal(6, await ItemDoneAsync(family, child, "books", parent: true));

        // Confirmed with a comment: every student of the class, once; then the term is closed to the school and the family.
        using (var confirmed = await school.PostAsJsonAsync($"/api/growth/records/classes/{classId}/confirm",
                   new { comments = new Dictionary<string, string> { [child.ToString()] = "热爱阅读，积极向上。" } }))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            var pupils = (await (await school.GetAsync($"/api/growth/records/classes/{classId}")).JsonAsync()).GetProperty("pupils");
            Assert.Equal(pupils.GetArrayLength(), (await confirmed.JsonAsync()).GetProperty("confirmed").GetInt32());
            Assert.All(pupils.EnumerateArray(), p => Assert.True(p.GetProperty("confirmed").GetBoolean()));
        }
        Assert.Equal(0, (await (await school.PostAsJsonAsync($"/api/growth/records/classes/{classId}/confirm", new { })).JsonAsync()).GetProperty("confirmed").GetInt32());
        using (var closed = await school.PostAsJsonAsync($"/api/growth/records/students/{child}/entries", new { area = "Moral", title = "升旗手" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        }
        using (var late = Evidence("poems", "5", "背诵", null, null))
        {
            Assert.Equal(HttpStatusCode.Conflict, (await family.PostAsync($"/api/parent/growth/{child}/evidence", late)).StatusCode);
        }
        var mine = await (await family.GetAsync($"/api/parent/growth/{child}")).JsonAsync();
        Assert.Equal("热爱阅读，积极向上。", Assert.Single(mine.GetProperty("terms").EnumerateArray()).GetProperty("comment").GetString());
        Assert.True(mine.GetProperty("termConfirmed").GetBoolean());

        // The handbook prints for the guardian (a PDF), for no other guardian.
        using (var handbook = await family.GetAsync($"/parent/growth/{child}/handbook.pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, handbook.StatusCode);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await handbook.Content.ReadAsByteArrayAsync())[..5]), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/parent/growth/{child}/handbook.pdf")).StatusCode);
    }

    private static MultipartFormDataContent Evidence(string item, string quantity, string title, byte[]? file, string? fileName)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(item), "item" }, { new StringContent(quantity), "quantity" }, { new StringContent(title), "title" },
            { new StringContent(Day(Today)), "occurredOn" },
        };
        if (file is not null)
        {
            form.Add(new ByteArrayContent(file), "file", fileName!);
        }
        return form;
    }

    private static async Task<int> ItemDoneAsync(HttpClient client, long student, string item, bool parent = false)
    {
        var record = await (await client.GetAsync(parent ? $"/api/parent/growth/{student}" : $"/api/growth/records/students/{student}")).JsonAsync();
        return record.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == item).GetProperty("done").GetInt32();
    }
}
