using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Registry.Data;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Registry;

/// <summary>
/// Least privilege for teachers (personal-data finding 3): the demo teacher (周婷, staff record linked to her account)
/// sees the students of the class she heads and the classes she teaches, her families' phone numbers, no resident IDs
/// and no bulk export; another student of her own school is as absent to her as one elsewhere.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TeacherAccessTests(WebApp app)
{
    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    /// <summary>Her classes from the registry itself: headed by her staff record, or taught by it.</summary>
    private Task<(HashSet<long> Classes, List<long> Students, long SchoolStudents, long OtherStudent)> TruthAsync() => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<RegistryDb>();
        var me = await db.Staff.Where(s => s.StaffNumber == DemoAccounts.TeacherStaffNumber).Select(s => new { s.Id, s.OrgUnitId }).SingleAsync();
        var classes = (await db.Classes.Where(c => c.HeadTeacherId == me.Id).Select(c => c.Id)
            .Concat(db.TeachingAssignments.Where(a => a.StaffId == me.Id).Select(a => a.ClassId)).ToListAsync()).ToHashSet();
        var students = await db.Students.Where(s => s.ClassId != null && classes.Contains(s.ClassId.Value)).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        var all = await db.Students.LongCountAsync(s => s.OrgUnitId == me.OrgUnitId);
        var other = await db.Students.Where(s => s.OrgUnitId == me.OrgUnitId && (s.ClassId == null || !classes.Contains(s.ClassId.Value))).Select(s => s.Id).FirstAsync();
        return (classes, students, all, other);
    });

    [Fact]
    public async Task A_teacher_lists_the_students_of_her_own_classes_only()
    {
        var (classes, expected, schoolStudents, _) = await TruthAsync();
        Assert.True(classes.Count >= 2, "the demo teacher heads one class and teaches in another");
        Assert.True(expected.Count < schoolStudents, "her classes are not the whole school");

        var client = await app.ClientAsync("teacher");
        var seen = new List<JsonElement>();
        string? url = $"/api/registry/students?school={TestWorld.AnchorSchool}&limit=500";
        while (url is not null)
        {
            var page = await (await client.GetAsync(url)).JsonAsync();
            seen.AddRange(Items(page));
            url = page.GetProperty("next").ValueKind == JsonValueKind.Number
                ? $"/api/registry/students?school={TestWorld.AnchorSchool}&limit=500&after={page.GetProperty("next").GetInt64()}" : null;
        }

        Assert.Equal(expected, seen.Select(s => s.GetProperty("id").GetInt64()).ToList());
        Assert.All(seen, s =>
        {
            Assert.True(s.GetProperty("masked").GetBoolean());
            Assert.Contains("*", s.GetProperty("residentId").GetString()!, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Another_student_of_her_school_is_not_found_by_api_or_page_and_her_own_is()
    {
        var (_, mine, _, other) = await TruthAsync();
        var client = await app.ClientAsync("teacher");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/registry/students/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/registry/students/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/registry/students/{mine[0]}")).StatusCode);
        // The school administrator still sees the same student.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsync("school.admin")).GetAsync($"/api/registry/students/{other}")).StatusCode);
    }

    [Fact]
    public async Task She_sees_her_families_phone_numbers_but_not_their_resident_ids_and_the_phones_she_sees_are_audited()
    {
        var (_, mine, _, _) = await TruthAsync();
        var client = await app.ClientAsync("teacher");

        var guardians = Items(await (await client.GetAsync($"/api/registry/guardians?school={TestWorld.AnchorSchool}&limit=500")).JsonAsync());

        Assert.NotEmpty(guardians);
        Assert.All(guardians, g =>
        {
            Assert.Contains(g.GetProperty("studentId").GetInt64(), mine);
            Assert.DoesNotContain("*", g.GetProperty("phone").GetString()!, StringComparison.Ordinal);
            // A guardian recorded without an ID (other tests add such) shows none; one with an ID shows it masked.
            Assert.Contains("*", g.GetProperty("residentId").GetString() ?? "*", StringComparison.Ordinal);
        });
        Assert.Contains(guardians, g => g.GetProperty("residentId").GetString() is not null);
        var audited = await app.KernelAsync(db => db.AuditEntries
            .Where(e => e.Action == "pii.read" && e.ActorName == "teacher" && e.EntityType == "Guardian")
            .OrderByDescending(e => e.Sequence).Select(e => e.Details ?? e.EntityKey).FirstAsync());
        Assert.Contains(guardians[0].GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), audited!, StringComparison.Ordinal);

        // The student's page shows the same: the phone whole, the guardian's resident ID masked.
        var html = WebUtility.HtmlDecode(await (await client.GetAsync($"/registry/students/{mine[0]}")).Content.ReadAsStringAsync());
        var phone = await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Guardians.Where(g => g.StudentId == mine[0]).Select(g => g.Phone).FirstAsync());
        Assert.Contains(phone!, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Her_colleagues_resident_ids_are_masked_and_she_cannot_take_the_registry_away()
    {
        var client = await app.ClientAsync("teacher");

        var staff = Items(await (await client.GetAsync($"/api/registry/staff?school={TestWorld.AnchorSchool}&limit=50")).JsonAsync());
        Assert.NotEmpty(staff);
        Assert.All(staff, s => Assert.Contains("*", s.GetProperty("residentId").GetString() ?? "*", StringComparison.Ordinal));

        foreach (var url in new[]
                 {
                     $"/api/registry/export/students?format=csv&school={TestWorld.AnchorSchool}&purpose=家访",
                     $"/api/registry/export/staff?format=csv&school={TestWorld.AnchorSchool}&purpose=家访",
                     $"/api/registry/oneroster.zip?school={TestWorld.AnchorSchool}&purpose=家访",
                     "/api/registry/changes?since=0",
                 })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }
        var page = await (await client.GetAsync("/registry/students")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"export-form\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_imported_teaching_assignment_opens_that_class_to_its_teacher_and_a_bad_row_is_refused_by_row_and_field()
    {
        // A teacher of the school who heads no class and teaches nowhere yet, with an account naming her staff record.
        var (staffNumber, classCode, classId) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var school = await db.Staff.Where(s => s.StaffNumber == DemoAccounts.TeacherStaffNumber).Select(s => s.OrgUnitId).SingleAsync();
            var idle = await db.Staff.Where(s => s.OrgUnitId == school && s.PostCode == "1"
                    && !db.Classes.Any(c => c.HeadTeacherId == s.Id) && !db.TeachingAssignments.Any(a => a.StaffId == s.Id))
                .Select(s => s.StaffNumber).FirstAsync();
            // A class with students (other tests add empty classes to the school).
            var target = await db.Classes.Where(c => c.OrgUnitId == school && db.Students.Any(s => s.ClassId == c.Id)).OrderByDescending(c => c.Code).Select(c => new { c.Code, c.Id }).FirstAsync();
            return (idle, target.Code, target.Id);
        });
        var userName = $"teacher.{Guid.NewGuid():N}"[..20];
        var userId = await app.CreateAccountAsync(userName, Roles.Teacher, TestWorld.AnchorSchool);
        var admin = await app.ClientAsync("school.admin");
        // The school administrator links the account to the staff record on its page (a malformed number is refused).
        using var malformed = await PageForms.SubmitAsync(admin, $"/accounts/{userId}", "edit", new Dictionary<string, string>
        {
            ["Edit.DisplayName"] = "新教师", ["Edit.HomeOrgCode"] = TestWorld.AnchorSchool, ["Edit.StaffNumber"] = "T 1!",
        });
        Assert.Contains("staffNumber", (await malformed.FieldErrorsAsync()).Keys);
        using var linked = await PageForms.SubmitAsync(admin, $"/accounts/{userId}", "edit", new Dictionary<string, string>
        {
            ["Edit.DisplayName"] = "新教师", ["Edit.HomeOrgCode"] = TestWorld.AnchorSchool, ["Edit.StaffNumber"] = staffNumber,
        });
        Assert.Equal(staffNumber, await app.KernelAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.StaffNumber).SingleAsync()));
        var teacher = await app.ClientAsync(userName);
        var before = Items(await (await teacher.GetAsync($"/api/registry/students?school={TestWorld.AnchorSchool}&limit=500")).JsonAsync());
        Assert.Empty(before);

        var bad = $"学校标识码,班级代码,教职工号,任教学科\r\n{TestWorld.AnchorSchool},NO-SUCH-CLASS,{staffNumber},数学\r\n";
        using var refused = await admin.PostAsync("/api/registry/import/teaching?fileName=t.csv", new StringContent(bad, System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("t.csv:2:", problem, StringComparison.Ordinal);
        Assert.Contains("NO-SUCH-CLASS", problem, StringComparison.Ordinal);

        var good = $"学校标识码,班级代码,教职工号,任教学科\r\n{TestWorld.AnchorSchool},{classCode},{staffNumber},数学\r\n";
        using var imported = await admin.PostAsync("/api/registry/import/teaching?fileName=t.csv", new StringContent(good, System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        using var again = await admin.PostAsync("/api/registry/import/teaching?fileName=t.csv", new StringContent(good, System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var after = Items(await (await teacher.GetAsync($"/api/registry/students?school={TestWorld.AnchorSchool}&limit=500")).JsonAsync());
        var expected = await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Students.Where(s => s.ClassId == classId).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync());
        Assert.NotEmpty(expected);
        Assert.Equal(expected, after.Select(s => s.GetProperty("id").GetInt64()).ToList());

        // The assignment travels like the registry's other records, and exports with the template's columns.
        var export = await (await admin.GetAsync($"/api/registry/export/teaching?format=csv&school={TestWorld.AnchorSchool}")).Content.ReadAsStringAsync();
        Assert.Contains($"{TestWorld.AnchorSchool},{classCode},{staffNumber},数学", export, StringComparison.Ordinal);
    }

    [Fact]
    public void The_teacher_role_holds_no_pii_view_and_no_export()
    {
        var teacher = Roles.Find(Roles.Teacher)!;
        Assert.True(teacher.OwnClassesOnly);
        Assert.DoesNotContain(Permissions.PiiView, teacher.Permissions);
        Assert.DoesNotContain(Permissions.RegistryExport, teacher.Permissions);
        Assert.Contains(Permissions.GuardianContacts, teacher.Permissions);
    }
}
