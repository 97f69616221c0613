using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Registry;

/// <summary>A host of its own: the round trip empties a school and loads it again from a bundle.</summary>
public sealed class OneRosterImportApp : WebApp
{
    public const long MaxBundleBytes = 1024 * 1024;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Registry:OneRoster:MaxBundleBytes"] = MaxBundleBytes.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>POST /api/registry/oneroster: a OneRoster v1.2 bundle loaded all or nothing, with a precise report when refused.</summary>
public sealed class OneRosterImportTests(OneRosterImportApp app) : IClassFixture<OneRosterImportApp>
{
    private const string School = TestWorld.AnchorSchool;

    /// <summary>school.admin holds registry.write and pii.view at the anchor school: its export is unmasked.</summary>
    private async Task<RosterZip> ExportAsync(string userName = "school.admin", string school = School)
    {
        var client = await app.ClientAsync(userName);
        using var response = await client.GetAsync($"/api/registry/oneroster.zip?school={school}&purpose=测试核对");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return RosterZip.Read(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<HttpResponseMessage> ImportAsync(HttpContent content, string userName = "school.admin", string query = "", string? language = null)
    {
        var client = await app.ClientAsync(userName);
        return await client.SendAsync(Http.Request(HttpMethod.Post, "/api/registry/oneroster" + query, content, language));
    }

    /// <summary>The last change-feed version: unchanged means nothing was written.</summary>
    private Task<long> FeedHeadAsync() =>
        app.AsSystemAsync(async sp => await sp.GetRequiredService<RegistryDb>().Changes.MaxAsync(c => (long?)c.Version) ?? 0);

    private Task<int> SchoolIdAsync(string code = School) => app.KernelAsync(db => db.OrgUnits.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    /// <summary>Everything of the school that a OneRoster bundle carries, as comparable lines (no ids).</summary>
    private async Task<List<string>> SnapshotAsync()
    {
        var school = await SchoolIdAsync();
        return await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var classes = await db.Classes.Where(c => c.OrgUnitId == school).ToListAsync();
            var staff = await db.Staff.Where(s => s.OrgUnitId == school).ToListAsync();
            var students = await db.Students.Where(s => s.OrgUnitId == school).ToListAsync();
            var ids = students.Select(s => s.Id).ToList();
            var open = await db.Enrolments.Where(e => ids.Contains(e.StudentId) && e.To == null).ToDictionaryAsync(e => e.StudentId);
            var guardians = await db.Guardians.Where(g => ids.Contains(g.StudentId)).ToListAsync();
            var number = students.ToDictionary(s => s.Id, s => s.StudentNumber);
            var classCode = classes.ToDictionary(c => c.Id, c => c.Code);
            var staffNumber = staff.ToDictionary(s => s.Id, s => s.StaffNumber);
            var lines = new List<string>();
            lines.AddRange(classes.Select(c => $"class {c.Code} {c.Name} {c.GradeCode} {c.EntryYear} {(c.HeadTeacherId is long t ? staffNumber[t] : "-")}"));
            lines.AddRange(staff.Select(s => $"staff {s.StaffNumber} {s.Name} {s.GenderCode} {s.BirthDate} {s.PostCode} {s.EmploymentTypeCode} {s.QualificationCode} {s.TitleCode} {s.Subjects} {s.HiredOn} {s.Phone}"));
            lines.AddRange(students.Select(s =>
                $"student {s.StudentNumber} {s.Name} {s.GenderCode} {s.BirthDate} {s.StatusCode} {s.CategoryCode} {(s.ClassId is long c ? classCode[c] : "-")} "
                + $"{(open.TryGetValue(s.Id, out var e) ? $"{e.From} {e.EntryReasonCode} {(e.ClassId is long ec ? classCode[ec] : "-")}" : "-")}"));
            lines.AddRange(guardians.Select(g => $"guardian {number[g.StudentId]} {g.Name} {g.RelationCode} {g.Phone}"));
            lines.Sort(StringComparer.Ordinal);
            return lines;
        });
    }

    [Fact]
    public async Task Export_then_import_into_an_emptied_school_gives_the_same_registry_and_importing_again_changes_nothing()
    {
        // A class named as a spreadsheet formula: escaped in the bundle, read back as it was.
        const string Formula = "=HYPERLINK(\"http://evil.example/\",\"点击\")";
        var school0 = await SchoolIdAsync();
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var first = await db.Classes.Where(c => c.OrgUnitId == school0).OrderBy(c => c.Id).FirstAsync();
            first.Name = Formula;
            return await db.SaveChangesAsync();
        });
        var bundle = await ExportAsync();
        Assert.Contains(bundle.Rows("classes.csv"), r => r.Cells["title"] == "'" + Formula);
        Assert.DoesNotContain(bundle.Rows("classes.csv"), r => r.Cells["title"].StartsWith('='));
        var before = await SnapshotAsync();
        Assert.Contains(before, l => l.StartsWith("guardian ", StringComparison.Ordinal));
        Assert.Contains(before, l => l.StartsWith("class ", StringComparison.Ordinal) && !l.EndsWith(" -", StringComparison.Ordinal)); // a head teacher
        var school = await SchoolIdAsync();
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var ids = await db.Students.Where(s => s.OrgUnitId == school).Select(s => s.Id).ToListAsync();
            db.Guardians.RemoveRange(await db.Guardians.Where(g => ids.Contains(g.StudentId)).ToListAsync());
            db.Enrolments.RemoveRange(await db.Enrolments.Where(e => ids.Contains(e.StudentId)).ToListAsync());
            db.Students.RemoveRange(await db.Students.Where(s => s.OrgUnitId == school).ToListAsync());
            db.Classes.RemoveRange(await db.Classes.Where(c => c.OrgUnitId == school).ToListAsync());
            db.Staff.RemoveRange(await db.Staff.Where(s => s.OrgUnitId == school).ToListAsync());
            return await db.SaveChangesAsync();
        });
        Assert.Empty(await SnapshotAsync());

        using var first = await ImportAsync(bundle.ToContent());

        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var written = (await first.JsonAsync()).GetProperty("written");
        Assert.Equal(before.Count(l => l.StartsWith("student ", StringComparison.Ordinal)), written.GetProperty("students.created").GetInt32());
        Assert.Equal(before, await SnapshotAsync());
        // What OneRoster cannot carry: resident IDs (personal data, never in a bundle) are not restored.
        Assert.True(await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Students.Where(s => s.OrgUnitId == school).AllAsync(s => s.ResidentId == null)));
        var audit = await app.KernelAsync(db => db.AuditEntries.Where(e => e.EntityType == "OneRosterImport" && e.ActorName == "school.admin")
            .OrderByDescending(e => e.Sequence).Select(e => e.Details).FirstAsync());
        Assert.Contains("roster.zip", audit, StringComparison.Ordinal);

        var head = await FeedHeadAsync();
        using var again = await ImportAsync((await ExportAsync()).ToContent());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = (await again.JsonAsync()).GetProperty("written");
        Assert.Equal(0, second.GetProperty("students.created").GetInt32());
        Assert.Equal(written.GetProperty("students.created").GetInt32(), second.GetProperty("students.updated").GetInt32());
        Assert.Equal(head, await FeedHeadAsync()); // the same data: no record changed, no feed line
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_changed_student_is_updated_in_place_and_a_class_move_is_recorded_in_the_enrolment_history()
    {
        var bundle = await ExportAsync();
        var enrollment = bundle.Rows("enrollments.csv").First(e => e.Cells["role"] == "student");
        var classes = bundle.Rows("classes.csv");
        var other = classes.First(c => c.Cells["sourcedId"] != enrollment.Cells["classSourcedId"]).Cells;
        var userId = enrollment.Cells["userSourcedId"];
        var user = bundle.Rows("users.csv").Single(u => u.Cells["sourcedId"] == userId);
        bundle.Set("users.csv", user.Row, "givenName", "新名");
        bundle.Set("enrollments.csv", enrollment.Row, "classSourcedId", other["sourcedId"]);
        var id = long.Parse(userId, CultureInfo.InvariantCulture);

        using var response = await ImportAsync(bundle.ToContent());

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var (name, classCode, stretches) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var student = await db.Students.SingleAsync(s => s.Id == id);
            var code = await db.Classes.Where(c => c.Id == student.ClassId).Select(c => c.Code).SingleAsync();
            var history = await db.Enrolments.Where(e => e.StudentId == id).OrderBy(e => e.Id)
                .Select(e => new { Open = e.To == null, e.ExitReasonCode, e.EntryReasonCode }).ToListAsync();
            return (student.Name, code, history.Select(h => (h.Open, h.ExitReasonCode, h.EntryReasonCode)).ToList());
        });
        Assert.Equal(user.Cells["familyName"] + "新名", name);
        Assert.Equal(other["classCode"], classCode);
        // The old stretch is closed as 其他 (29) and the new one opened: where the student was is kept, not overwritten.
        Assert.Equal((false, "29"), (stretches[^2].Open, stretches[^2].ExitReasonCode));
        Assert.Equal((true, null, "29"), stretches[^1]);
    }

    [Fact]
    public async Task A_bad_row_in_users_csv_is_reported_by_file_row_column_and_value_in_the_callers_language_and_nothing_is_written()
    {
        var bundle = await ExportAsync();
        var student = bundle.Rows("users.csv").First(u => u.Cells["userIds"].StartsWith("{studentNumber:", StringComparison.Ordinal));
        bundle.Set("users.csv", student.Row, "userIds", "");
        bundle.Set("users.csv", student.Row, "identifier", "G 123");
        var demographics = bundle.Rows("demographics.csv").First(d => d.Cells["sourcedId"] != student.Cells["sourcedId"]);
        bundle.Set("demographics.csv", demographics.Row, "birthDate", "2019-02-30");
        var head = await FeedHeadAsync();

        using var response = await ImportAsync(bundle.ToContent());
        using var english = await ImportAsync(bundle.ToContent(), language: "en");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains("未写入任何数据", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(["“G 123”只能包含字母、数字和连字符"], problem.Errors[$"users.csv:{student.Row}:identifier"]);
        Assert.Equal(["“2019-02-30”不是有效的日期，应为 YYYY-MM-DD"], problem.Errors[$"demographics.csv:{demographics.Row}:birthDate"]);
        var error = (await response.JsonAsync()).GetProperty("report").GetProperty("errors").EnumerateArray()
            .Single(e => e.GetProperty("file").GetString() == "users.csv");
        Assert.Equal((student.Row, "identifier", "studentNumber", "G 123"),
            (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("field").GetString(), error.GetProperty("value").GetString()));
        Assert.Equal(["'G 123' may contain only letters, digits and hyphens"], (await english.ProblemAsync()).Errors[$"users.csv:{student.Row}:identifier"]);
        Assert.Equal(head, await FeedHeadAsync());
    }

    [Fact]
    public async Task A_row_with_fewer_fields_than_the_header_is_refused_naming_the_file_and_row()
    {
        var bundle = RosterZip.Of(
            ("orgs.csv", $"sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n{School},,,x,school,{School},\r\n"),
            ("classes.csv", $"sourcedId,status,dateLastModified,title,grades,classCode,schoolSourcedId\r\nc1,,,短行测试班,01\r\n"),
            ("users.csv", "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,identifier\r\n"));
        var head = await FeedHeadAsync();

        using var response = await ImportAsync(bundle.ToContent());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).Errors;
        var (key, messages) = Assert.Single(errors, e => e.Key.StartsWith("classes.csv:2", StringComparison.Ordinal));
        Assert.Contains("这一行的字段少于标题行（5 / 7）", messages[0], StringComparison.Ordinal);
        Assert.Equal(head, await FeedHeadAsync());
    }

    [Fact]
    public async Task An_unknown_school_a_missing_manifest_a_wrong_version_or_not_a_zip_is_refused_and_nothing_is_written()
    {
        var head = await FeedHeadAsync();
        var unknown = await ExportAsync();
        var org = unknown.Rows("orgs.csv").Single(o => o.Cells["type"] == "school");
        unknown.Set("orgs.csv", org.Row, "identifier", "2137999999");
        var noManifest = await ExportAsync();
        noManifest.Remove("manifest.csv");
        var oldVersion = await ExportAsync();
        var version = oldVersion.Rows("manifest.csv").Single(r => r.Cells["propertyName"] == "oneroster.version");
        oldVersion.Set("manifest.csv", version.Row, "value", "1.1");
        var noUsers = await ExportAsync();
        noUsers.Remove("users.csv");

        using var a = await ImportAsync(unknown.ToContent());
        using var b = await ImportAsync(noManifest.ToContent());
        using var c = await ImportAsync(oldVersion.ToContent());
        using var d = await ImportAsync(RosterZip.Upload(Encoding.UTF8.GetBytes("not a zip"), "x.zip"));
        using var e = await ImportAsync(noUsers.ToContent());

        var unknownErrors = (await a.ProblemAsync()).Errors;
        Assert.Contains("Qedu 不会根据 OneRoster 新建学校", Assert.Single(unknownErrors[$"orgs.csv:{org.Row}:identifier"]), StringComparison.Ordinal);
        Assert.Contains("2137999999", unknownErrors[$"orgs.csv:{org.Row}:identifier"][0], StringComparison.Ordinal);
        Assert.Contains("manifest.csv", Assert.Single((await b.ProblemAsync()).Errors["manifest.csv:0:"]), StringComparison.Ordinal);
        Assert.Contains("1.2", Assert.Single((await c.ProblemAsync()).Errors[$"manifest.csv:{version.Row}:value"]), StringComparison.Ordinal);
        Assert.Contains("zip", Assert.Single((await d.ProblemAsync()).Errors["x.zip:0:"]), StringComparison.Ordinal);
        var manifest = noUsers.Rows("manifest.csv").Single(r => r.Cells["propertyName"] == "file.users");
        Assert.Contains("users.csv", Assert.Single((await e.ProblemAsync()).Errors[$"manifest.csv:{manifest.Row}:value"]), StringComparison.Ordinal);
        Assert.All(new[] { a, b, c, d, e }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(head, await FeedHeadAsync());
    }

    [Fact]
    public async Task A_dry_run_checks_everything_and_writes_nothing()
    {
        var bundle = await ExportAsync();
        var user = bundle.Rows("users.csv").First(u => u.Cells["userIds"].StartsWith("{studentNumber:", StringComparison.Ordinal));
        bundle.Set("users.csv", user.Row, "givenName", "试运行");
        var head = await FeedHeadAsync();

        using var response = await ImportAsync(bundle.ToContent(), query: "?dryRun=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.True(report.GetProperty("ok").GetBoolean() && report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(head, await FeedHeadAsync());
    }

    [Fact]
    public async Task Without_registry_write_it_is_403_and_a_school_or_student_outside_the_scope_is_a_row_error()
    {
        var bundle = await ExportAsync();
        using var teacher = await ImportAsync(bundle.ToContent(), userName: "teacher");
        Assert.Equal(HttpStatusCode.Forbidden, teacher.StatusCode);

        // shinan.admin may write in 市南区 only: a bundle of a 市北区 school is refused at its orgs.csv row.
        var (shibeiSchool, elsewhere) = await app.AsSystemAsync(async sp =>
        {
            var schools = await sp.GetRequiredService<KernelDb>().OrgUnits
                .Where(o => o.Kind == OrgUnitKind.School && o.DivisionCode == TestWorld.Shibei).ToDictionaryAsync(o => o.Id, o => o.Code);
            var ids = schools.Keys.ToList();
            var student = await sp.GetRequiredService<RegistryDb>().Students.Where(s => ids.Contains(s.OrgUnitId)).OrderBy(s => s.Id).FirstAsync();
            return (schools[student.OrgUnitId], student.StudentNumber);
        });
        var outside = await ExportAsync("city.admin", shibeiSchool);
        var head = await FeedHeadAsync();
        using var district = await ImportAsync(outside.ToContent(), userName: "shinan.admin");
        Assert.Equal(HttpStatusCode.BadRequest, district.StatusCode);
        var org = outside.Rows("orgs.csv").Single(o => o.Cells["type"] == "school");
        Assert.Equal([$"学校“{shibeiSchool}”不在您的管理范围内"], (await district.ProblemAsync()).Errors[$"orgs.csv:{org.Row}:identifier"]);

        // A 学籍号 that belongs to a student of another school outside the caller's scope is not taken over.
        var user = bundle.Rows("users.csv").First(u => u.Cells["userIds"].StartsWith("{studentNumber:", StringComparison.Ordinal));
        bundle.Set("users.csv", user.Row, "userIds", $"{{studentNumber:{elsewhere}}}");
        using var taken = await ImportAsync(bundle.ToContent());
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains(elsewhere, Assert.Single((await taken.ProblemAsync()).Errors[$"users.csv:{user.Row}:userIds"]), StringComparison.Ordinal);
        Assert.Equal(head, await FeedHeadAsync());
    }

    [Fact]
    public async Task A_masked_export_is_refused_as_such_and_an_oversized_or_wrongly_typed_upload_is_refused_before_reading()
    {
        var masked = await ExportAsync("shinan.admin"); // no pii.view: 学籍号 and phones masked
        using var response = await ImportAsync(masked.ToContent(), userName: "shinan.admin");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ProblemAsync()).Errors.Values.SelectMany(m => m), m => m.Contains("pii.view", StringComparison.Ordinal));

        // Refused by its declared length before a byte is read (a refusal halfway through a body aborts the test client's upload).
        var big = new ByteArrayContent(new byte[OneRosterImportApp.MaxBundleBytes + 1]);
        big.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/zip");
        using var tooLarge = await ImportAsync(big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        using var text = await ImportAsync(new StringContent("x", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
    }

    [Fact]
    public async Task A_bundle_from_another_tool_gets_the_stated_defaults_and_a_new_teacher_needs_an_employment_type()
    {
        var bundle = RosterZip.Of(
            ("orgs.csv", $"sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\norg-1,,,实验小学,school,{School},\r\n"),
            ("academicSessions.csv", "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\r\ny,,,学年,schoolYear,2025-08-01,2099-07-31,,2026\r\n"),
            ("classes.csv", "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds\r\n"
                + "c-1,,,外来三年级1班,03,,OR-P3-01,homeroom,,org-1,\r\n"),
            ("users.csv", "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,identifier,phone,agentSourcedIds,primaryOrgSourcedId,metadata.qedu.employmentType\r\n"
                + "u-s,,,true,,,小明,王,GORTEST0001,,,org-1,\r\n"
                + "u-g,,,true,,,大明,王,,13800000000,u-s,,\r\n"
                + "u-t,,,true,,,老师,李,ORT-0001,,,org-1,\r\n"),
            ("roles.csv", "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId\r\n"
                + "r-s,,,u-s,primary,student,,,org-1\r\nr-g,,,u-g,primary,parent,,,org-1\r\nr-t,,,u-t,primary,teacher,,,org-1\r\n"),
            ("enrollments.csv", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\r\n"
                + "e-s,,,c-1,org-1,u-s,student,false,2025-09-01,\r\ne-t,,,c-1,org-1,u-t,teacher,true,,\r\n"),
            ("demographics.csv", "sourcedId,status,dateLastModified,birthDate,sex\r\nu-s,,,2018-05-05,female\r\nu-t,,,1990-01-01,male\r\n"));
        var teacher = bundle.Rows("users.csv").Single(u => u.Cells["sourcedId"] == "u-t").Row;

        using var refused = await ImportAsync(bundle.ToContent());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.ProblemAsync()).Errors;
        Assert.Equal([$"users.csv:{teacher}:metadata.qedu.employmentType"], errors.Keys);

        bundle.Set("users.csv", teacher, "metadata.qedu.employmentType", "合同制");
        using var response = await ImportAsync(bundle.ToContent());

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var stored = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var student = await db.Students.SingleAsync(s => s.StudentNumber == "GORTEST0001");
            var schoolClass = await db.Classes.SingleAsync(c => c.Id == student.ClassId);
            var head = await db.Staff.SingleAsync(s => s.Id == schoolClass.HeadTeacherId);
            var guardian = await db.Guardians.SingleAsync(g => g.StudentId == student.Id);
            var enrolment = await db.Enrolments.SingleAsync(e => e.StudentId == student.Id);
            return $"{student.Name} {student.GenderCode} {student.BirthDate:yyyy-MM-dd} {student.StatusCode} {student.CategoryCode} | "
                + $"{schoolClass.Code} {schoolClass.GradeCode} {schoolClass.EntryYear} | {head.StaffNumber} {head.Name} {head.PostCode} {head.EmploymentTypeCode} | "
                + $"{guardian.Name} {guardian.RelationCode} {guardian.Phone} | {enrolment.From:yyyy-MM-dd} {enrolment.EntryReasonCode ?? "-"}";
        });
        Assert.Equal("王小明 2 2018-05-05 01 00 | OR-P3-01 P3 2023 | ORT-0001 李老师 1 2 | 王大明 90 13800000000 | 2025-09-01 -", stored);
    }
}
