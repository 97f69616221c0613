using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.StudentServices.Resources;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.StudentServices;

/// <summary>
/// The status changes over HTTP, as a guardian's app and the reviewers' clients use them: a transfer across districts
/// asked by the guardian and accepted by four reviewers signed in as accounts of those units; what each side sees; the
/// refusals as problem documents naming the field.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class StatusChangeApiTests(WebApp app)
{
    private async Task<HttpClient> ReviewerAsync(string role, string unitCode) => await app.ClientAsync(await app.NewAccountAsync("xj", role, unitCode));

    [Fact]
    public async Task A_guardian_asks_over_the_api_four_units_accept_and_the_guardian_sees_it_completed_at_the_new_school()
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var (family, phone) = await Parents.SignInAsync(app);
        var (studentId, _, _) = await world.StudentAsync("孙小雨", phone);

        using var children = await family.GetAsync("/api/services/my/children");
        var child = Assert.Single((await children.JsonAsync()).EnumerateArray());
        Assert.Equal(("孙小雨", studentId), (child.GetProperty("name").GetString(), child.GetProperty("studentId").GetInt64()));

        using var noKind = await family.PostAsync("/api/services/my/changes", Http.Json(new { studentId, kind = "move", reason = "搬家" }));
        Assert.Equal(HttpStatusCode.BadRequest, noKind.StatusCode);
        Assert.Equal(app.Text<ServicesText>("Request.Kind"), Assert.Single((await noKind.ProblemAsync()).Errors["kind"]));

        using var asked = await family.PostAsync("/api/services/my/changes",
            Http.Json(new { studentId, kind = "transfer", reason = "随父母工作调动", toSchoolId = world.FarSchoolId }));
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var change = await asked.JsonAsync();
        var id = change.GetProperty("id").GetInt64();
        Assert.Equal("underReview", change.GetProperty("state").GetString());
        Assert.Equal(4, change.GetProperty("steps").GetArrayLength());
        var number = change.GetProperty("studentNumber").GetString()!;
        Assert.Contains("*", number, StringComparison.Ordinal);
        Assert.NotEqual((await world.RecordAsync(studentId)).StudentNumber, number);
        Assert.Equal(5, change.GetProperty("promised").GetProperty("limit").GetInt32());

        // A school not on the route sees nothing of it.
        var bystander = await ReviewerAsync(Roles.SchoolAdmin, world.NearSchoolCode);
        using var hidden = await bystander.GetAsync($"/api/services/changes/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        var sending = await ReviewerAsync(Roles.SchoolAdmin, world.FromSchoolCode);
        var receiving = await ReviewerAsync(Roles.SchoolAdmin, world.FarSchoolCode);
        var sendingDistrict = await ReviewerAsync(Roles.DistrictAdmin, world.FromDistrictCode);
        var receivingDistrict = await ReviewerAsync(Roles.DistrictAdmin, world.FarDistrictCode);

        // Out of turn: the receiving school must wait for the sending school.
        using var early = await receiving.PostAsync($"/api/services/changes/{id}/decision", Http.Json(new { decision = "accepted", classId = world.FarClassId }));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        using var deadlines = await sending.GetAsync("/api/services/deadlines");
        Assert.Contains((await deadlines.JsonAsync()).EnumerateArray(), d => d.GetProperty("changeId").GetInt64() == id);

        foreach (var (client, body) in new[]
        {
            (sending, (object)new { decision = "accepted" }), (receiving, new { decision = "accepted", classId = world.FarClassId }),
            (sendingDistrict, new { decision = "accepted" }), (receivingDistrict, new { decision = "accepted" }),
        })
        {
            using var decided = await client.PostAsync($"/api/services/changes/{id}/decision", Http.Json(body));
            Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        }

        using var mine = await family.GetAsync($"/api/services/my/changes/{id}");
        var done = await mine.JsonAsync();
        Assert.Equal("completed", done.GetProperty("state").GetString());
        Assert.All(done.GetProperty("steps").EnumerateArray(), s => Assert.Equal("accepted", s.GetProperty("decision").GetString()));
        Assert.Equal(world.FarSchoolId, (await world.RecordAsync(studentId)).OrgUnitId);
        using var list = await family.GetAsync("/api/services/my/changes");
        Assert.Contains((await list.JsonAsync()).EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);

        // Another family sees nothing of it; the city sees each district's on-time share.
        var (stranger, _) = await Parents.SignInAsync(app);
        using var theirs = await stranger.GetAsync($"/api/services/my/changes/{id}");
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        using var shares = await (await app.ClientAsync("city.admin")).GetAsync("/api/services/timeliness?since=2020-01-01");
        Assert.Equal(HttpStatusCode.OK, shares.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await shares.JsonAsync()).ValueKind);
    }

    [Fact]
    public async Task The_demo_city_has_changes_in_every_state_and_the_district_sees_some_overdue()
    {
        var district = await app.ClientAsync("shinan.admin");
        using var open = await district.GetAsync("/api/services/deadlines");
        var rows = (await open.JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("overdue").GetBoolean());
        Assert.Contains(rows, r => r.GetProperty("state").GetString() == "returned" && r.GetProperty("stopped").GetBoolean());
        var states = await app.AsSystemAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            sp.GetRequiredService<Qedu.StudentServices.Data.StudentServicesDb>().Changes.Select(c => c.State).Distinct()));
        Assert.Equal(Enum.GetValues<Qedu.StudentServices.Domain.ChangeState>().Order(), states.Order());
    }

    [Fact]
    public async Task A_completed_transfer_out_prints_the_letter_with_the_full_number_for_the_guardian_and_its_reviewers_only()
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var (family, phone) = await Parents.SignInAsync(app);
        var (studentId, parent, _) = await world.StudentAsync("钱小北", phone);
        var number = (await world.RecordAsync(studentId)).StudentNumber;
        var change = await world.AsGuardianAsync(parent, f => f.StartAsync(
            new Qedu.StudentServices.Features.Changes.StartChange(studentId, Qedu.StudentServices.Domain.ChangeKind.TransferOut, "随家庭迁居", OtherSchool: "北京市海淀区某小学")));
        var id = change.Value!.Id;
        using (var early = await family.GetAsync($"/parent/services/{id}/letter.pdf"))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }
        foreach (var unit in new[] { world.FromSchoolId, world.FromDistrictId })
        {
            Assert.True((await world.AsReviewerAsync(unit, f => f.DecideAsync(id, new(Qedu.StudentServices.Domain.StepDecision.Accepted)))).IsOk);
        }
        Assert.Equal("03", (await world.RecordAsync(studentId)).StatusCode);

        using var letter = await family.GetAsync($"/parent/services/{id}/letter.pdf");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        var bytes = await letter.Content.ReadAsByteArrayAsync();
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("转学联系函", text, StringComparison.Ordinal);
        Assert.Contains("北京市海淀区某小学", text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
        var read = await app.KernelAsync(k => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            k.AuditEntries, e => e.Action == "pii.read" && e.EntityType == "Student" && e.EntityKey == studentId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1, read);

        var (stranger, _) = await Parents.SignInAsync(app);
        using var theirs = await stranger.GetAsync($"/parent/services/{id}/letter.pdf");
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        var bystander = await ReviewerAsync(Roles.SchoolAdmin, world.NearSchoolCode);
        using var hidden = await bystander.GetAsync($"/services/changes/{id}/letter.pdf");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task A_child_from_outside_the_city_is_registered_by_the_receiving_school_accepted_by_its_district_and_then_in_the_registry()
    {
        var world = await new StatusChangeWorld(app).CreateAsync();
        var number = "G" + Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var phone = Parents.NewPhone();
        object Body(string studentNumber, int school) => new
        {
            kind = "transferIn", toSchoolId = school, otherSchool = "济南市历下区某小学", reason = "随父母工作调动来青",
            incoming = new { studentNumber, name = "鲁小泉", genderCode = "2", birthDate = "2017-03-01", guardianName = "鲁强", guardianRelationCode = "11", guardianPhone = phone },
        };
        var receiving = await ReviewerAsync(Roles.SchoolAdmin, world.FarSchoolCode);
        using (var bad = await receiving.PostAsync("/api/services/changes", Http.Json(new
            {
                kind = "transferIn", toSchoolId = world.FarSchoolId, reason = "",
                incoming = new { studentNumber = "123", name = "", genderCode = "x", guardianPhone = "12" },
            })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.ProblemAsync()).Errors;
            Assert.Equal(app.Text<ServicesText>("Incoming.Number"), Assert.Single(errors["incoming.studentNumber"]));
            Assert.Equal(app.Text<ServicesText>("Incoming.Phone"), Assert.Single(errors["incoming.guardianPhone"]));
            Assert.Contains("incoming.birthDate", errors.Keys);
            Assert.Contains("otherSchool", errors.Keys);
        }
        // Only for a school of the caller's own: another school cannot register a child into this one.
        var other = await ReviewerAsync(Roles.SchoolAdmin, world.NearSchoolCode);
        using (var notTheirs = await other.PostAsync("/api/services/changes", Http.Json(Body(number, world.FarSchoolId))))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }
        using var asked = await receiving.PostAsync("/api/services/changes", Http.Json(Body(number, world.FarSchoolId)));
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var change = await asked.JsonAsync();
        var id = change.GetProperty("id").GetInt64();
        Assert.Equal(("transferIn", 2), (change.GetProperty("kind").GetString(), change.GetProperty("steps").GetArrayLength()));
        using (var twice = await receiving.PostAsync("/api/services/changes", Http.Json(Body(number, world.FarSchoolId))))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }

        using (var placed = await receiving.PostAsync($"/api/services/changes/{id}/decision", Http.Json(new { decision = "accepted", classId = world.FarClassId })))
        {
            Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        }
        var district = await ReviewerAsync(Roles.DistrictAdmin, world.FarDistrictCode);
        using (var done = await district.PostAsync($"/api/services/changes/{id}/decision", Http.Json(new { decision = "accepted" })))
        {
            Assert.Equal("completed", (await done.JsonAsync()).GetProperty("state").GetString());
        }

        // In the registry at the new school and class, entered by transfer (22); the guardian's phone now finds the child.
        var student = await app.AsSystemAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            sp.GetRequiredService<Qedu.Registry.Data.RegistryDb>().Students, s => s.StudentNumber == number));
        Assert.Equal((world.FarSchoolId, (long?)world.FarClassId, "01", "鲁小泉"), (student.OrgUnitId, student.ClassId, student.StatusCode, student.Name));
        var history = await world.HistoryAsync(student.Id);
        Assert.Equal("22", Assert.Single(history).EntryReasonCode);
        var (family, _) = await Parents.SignInAsync(app, phone);
        Assert.Contains((await (await family.GetAsync("/api/services/my/children")).JsonAsync()).EnumerateArray(), c => c.GetProperty("name").GetString() == "鲁小泉");

        using var again = await receiving.PostAsync("/api/services/changes", Http.Json(Body(number, world.FarSchoolId)));
        Assert.Equal(string.Format(System.Globalization.CultureInfo.CurrentCulture, app.Text<ServicesText>("Incoming.Known"), number),
            Assert.Single((await again.ProblemAsync()).Errors["incoming.studentNumber"]));
    }
}
