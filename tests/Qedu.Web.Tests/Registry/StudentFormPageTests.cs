using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Data;
using Qedu.Kernel.Web;
using Qedu.Registry.Data;
using Qedu.Registry.Features.Students;
using Qedu.Registry.Writes;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Registry;

/// <summary>
/// The student add and edit pages over HTTP, where the database can be looked at: what a writer who sees students
/// masked may change (and what stays), a stale form, nothing written on a refused form, the audit of an unmasked form,
/// and who is offered the links. The walk through the pages in a browser is StudentFormBrowserTests'.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class StudentFormPageTests(WebApp app)
{
    private const string Address = "青岛市市南区香港中路10号";

    private Task<T> RegistryAsync<T>(Func<RegistryDb, Task<T>> query) =>
        app.AsSystemAsync(sp => query(sp.GetRequiredService<RegistryDb>()));

    /// <summary>A fresh student at the anchor school with an address and one guardian, through the API's use case.</summary>
    private async Task<long> NewStudentAsync(string name)
    {
        var body = await Students.NewAsync(app, TestWorld.AnchorSchool, name);
        body["address"] = Address;
        body["guardian1ResidentId"] = Kernel.Codes.ResidentId.Compose("370202", new DateOnly(1980, 1, 1), 123);
        return await app.AsSystemAsync(async sp =>
        {
            var errors = new InputErrors();
            var input = await sp.GetRequiredService<StudentWrites>().ReadAsync(System.Text.Json.JsonSerializer.SerializeToElement(body), null, errors)
                ?? throw new InvalidOperationException(string.Join("; ", errors.ByField.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
            return (await sp.GetRequiredService<StudentCommands>().CreateAsync(input.Student, input.Guardians ?? [])).Id;
        });
    }

    private Task<(string ClassCode, long Revision, string Gender)> StoredAsync(long id) => RegistryAsync(async db =>
    {
        var s = await db.Students.AsNoTracking().SingleAsync(x => x.Id == id);
        var code = await db.Classes.Where(c => c.Id == s.ClassId).Select(c => c.Code).SingleAsync();
        return (code, s.Revision, s.GenderCode);
    });

    private Task<string> OtherClassAsync(string classCode) => app.AsSystemAsync(async sp =>
    {
        var school = await sp.GetRequiredService<KernelDb>().OrgUnits.SingleAsync(o => o.Code == TestWorld.AnchorSchool);
        return await sp.GetRequiredService<RegistryDb>().Classes.Where(c => c.OrgUnitId == school.Id && c.Code != classCode)
            .OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();
    });

    [Fact]
    public async Task A_writer_who_sees_the_student_masked_changes_name_and_class_and_the_personal_data_and_guardians_stay()
    {
        var id = await NewStudentAsync("打码编辑前");
        var before = await RegistryAsync(async db => (
            Student: await db.Students.AsNoTracking().SingleAsync(s => s.Id == id),
            Guardians: await db.Guardians.AsNoTracking().Where(g => g.StudentId == id).ToListAsync()));
        var (classCode, revision, gender) = await StoredAsync(id);
        var client = await app.ClientAsync("shinan.admin"); // registry.write over the district, no pii.view

        var form = await (await client.GetAsync($"/registry/students/{id}/edit")).TextAsync();
        Assert.Contains("data-testid=\"masked-note\"", form, StringComparison.Ordinal);
        // Nothing the caller may not see is in the page, not even in a hidden field.
        Assert.DoesNotContain(before.Student.ResidentId!, form, StringComparison.Ordinal);
        Assert.DoesNotContain(before.Student.StudentNumber, form, StringComparison.Ordinal);
        Assert.DoesNotContain(Address, form, StringComparison.Ordinal);
        Assert.DoesNotContain(before.Guardians[0].Phone!, form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.ResidentId\"", form, StringComparison.Ordinal);

        var newClass = await OtherClassAsync(classCode);
        using var saved = await PageForms.SubmitAsync(client, $"/registry/students/{id}/edit", "edit-student", new Dictionary<string, string>
        {
            ["Form.Revision"] = revision.ToString(CultureInfo.InvariantCulture),
            ["Form.Name"] = "打码编辑后",
            ["Form.Gender"] = gender,
            ["Form.ClassCode"] = newClass,
            ["Form.Status"] = "01",
            ["Form.Category"] = "00",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/registry/students/{id}", saved.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        var after = await RegistryAsync(async db => (
            Student: await db.Students.AsNoTracking().SingleAsync(s => s.Id == id),
            Guardians: await db.Guardians.AsNoTracking().Where(g => g.StudentId == id).ToListAsync(),
            Stretches: await db.Enrolments.AsNoTracking().CountAsync(e => e.StudentId == id)));
        Assert.Equal("打码编辑后", after.Student.Name);
        Assert.Equal(newClass, (await StoredAsync(id)).ClassCode);
        Assert.Equal(before.Student.ResidentId, after.Student.ResidentId);
        Assert.Equal(before.Student.StudentNumber, after.Student.StudentNumber);
        Assert.Equal(before.Student.BirthDate, after.Student.BirthDate);
        Assert.Equal(Address, after.Student.Address);
        Assert.Equal(before.Guardians.Select(g => (g.Id, g.Name, g.Phone, g.ResidentId)), after.Guardians.Select(g => (g.Id, g.Name, g.Phone, g.ResidentId)));
        // The move of class is in the history, as a PUT records it.
        Assert.Equal(2, after.Stretches);
    }

    [Fact]
    public async Task A_stale_form_is_refused_and_writes_nothing()
    {
        var id = await NewStudentAsync("过期表单");
        var (classCode, revision, gender) = await StoredAsync(id);
        var student = await RegistryAsync(db => db.Students.AsNoTracking().SingleAsync(s => s.Id == id));
        var client = await app.ClientAsync("school.admin");

        using var saved = await PageForms.SubmitAsync(client, $"/registry/students/{id}/edit", "edit-student", new Dictionary<string, string>
        {
            ["Form.Revision"] = (revision - 1).ToString(CultureInfo.InvariantCulture),
            ["Form.StudentNumber"] = student.StudentNumber,
            ["Form.ResidentId"] = student.ResidentId!,
            ["Form.Name"] = "不应保存",
            ["Form.Gender"] = gender,
            ["Form.ClassCode"] = classCode,
            ["Form.Status"] = "01",
            ["Form.Category"] = "00",
        });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains(app.Text<Qedu.Registry.Resources.RegistryText>("StudentForm.Stale"), await saved.TextAsync(), StringComparison.Ordinal);
        Assert.Equal("过期表单", await RegistryAsync(db => db.Students.Where(s => s.Id == id).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task The_add_page_refuses_a_bad_guardian_beside_its_field_keeps_the_form_and_writes_nothing()
    {
        var client = await app.ClientAsync("school.admin");
        var body = await Students.NewAsync(app, TestWorld.AnchorSchool, "无关系监护人");

        using var refused = await PageForms.SubmitAsync(client, "/registry/students/new", "new-student", new Dictionary<string, string>
        {
            ["Form.StudentNumber"] = body["studentNumber"]!,
            ["Form.Name"] = "无关系监护人",
            ["Form.Gender"] = body["gender"]!,
            ["Form.ResidentId"] = body["residentId"]!,
            ["Form.ClassCode"] = body["classCode"]!,
            ["Form.Status"] = "01",
            ["Form.Category"] = "00",
            ["Form.Guardians[0].Name"] = "只有姓名",
            ["Form.Guardians[0].Phone"] = "12",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = await refused.FieldErrorsAsync();
        // The same messages the API gives, keyed by the same fields.
        Assert.Contains("guardian1Relation", errors.Keys);
        Assert.Contains("guardian1Phone", errors.Keys);
        var text = await refused.TextAsync();
        Assert.Contains("value=\"只有姓名\"", text, StringComparison.Ordinal);
        Assert.Contains($"value=\"{body["residentId"]}\"", text, StringComparison.Ordinal);
        Assert.False(await RegistryAsync(db => db.Students.AnyAsync(s => s.StudentNumber == body["studentNumber"])));
    }

    [Fact]
    public async Task An_unmasked_edit_form_is_an_audited_read()
    {
        var id = await NewStudentAsync("审计编辑");
        var before = await app.KernelAsync(db => db.AuditEntries.CountAsync(e => e.Action == "pii.read" && e.ActorName == "school.admin" && e.EntityKey == id.ToString(CultureInfo.InvariantCulture)));

        var form = await (await (await app.ClientAsync("school.admin")).GetAsync($"/registry/students/{id}/edit")).TextAsync();

        Assert.Contains(Address, form, StringComparison.Ordinal);
        Assert.True(await app.KernelAsync(db => db.AuditEntries.CountAsync(e => e.Action == "pii.read" && e.ActorName == "school.admin" && e.EntityKey == id.ToString(CultureInfo.InvariantCulture))) > before);
    }

    [Fact]
    public async Task Only_writers_over_the_school_are_offered_add_and_edit()
    {
        var id = app.World.StudentAt(TestWorld.AnchorSchool);
        var writer = await app.ClientAsync("school.admin");
        var reader = await app.ClientAsync("teacher"); // reads her own classes' students, writes nothing

        Assert.Contains("data-testid=\"add-student\"", await writer.GetStringAsync("/registry/students"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/registry/students/{id}/edit\"", await writer.GetStringAsync($"/registry/students/{id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"add-student\"", await reader.GetStringAsync("/registry/students"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"edit-student\"", await reader.GetStringAsync($"/registry/students/{id}"), StringComparison.Ordinal);
    }
}
