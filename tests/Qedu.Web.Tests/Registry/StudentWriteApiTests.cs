using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Registry;

/// <summary>Writing students through the API: the life of a record under ETag / If-Match, checks like an import's, scope, bulk upsert.</summary>
[Collection(WebCollection.Name)]
public sealed class StudentWriteApiTests(WebApp app)
{
    private Task<T> RegistryAsync<T>(Func<RegistryDb, Task<T>> query) => app.AsSystemAsync(sp => query(sp.GetRequiredService<RegistryDb>()));

    private Task<long> HeadAsync() => RegistryAsync(db => db.Set<ChangeHead>().AsNoTracking().Select(h => h.LastVersion).SingleAsync());

    private static HttpRequestMessage WithIfMatch(HttpMethod method, string url, string? etag, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return request;
    }

    [Fact]
    public async Task A_student_is_created_changed_under_if_match_refused_when_stale_and_deleted()
    {
        var client = await app.ClientAsync("school.admin");
        var body = await Students.NewAsync(app, TestWorld.AnchorSchool, "李明");

        using var created = await client.PostAsync("/api/registry/students", Http.Json(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal($"/api/registry/students/{id}", created.Headers.Location?.ToString());
        var etag = created.Headers.ETag!.ToString();
        var open = await RegistryAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.StudentId == id));
        Assert.Null(open.To);
        Assert.Single(await RegistryAsync(db => db.Guardians.Where(g => g.StudentId == id).ToListAsync()));

        body["address"] = "市南区香港中路 8 号";
        using var noHeader = await client.PutAsync($"/api/registry/students/{id}", Http.Json(body));
        Assert.Equal(HttpStatusCode.PreconditionRequired, noHeader.StatusCode);

        using var changed = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/students/{id}", etag, Http.Json(body)));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var newTag = changed.Headers.ETag!.ToString();
        Assert.NotEqual(etag, newTag);

        body["address"] = "市北区";
        using var stale = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/students/{id}", etag, Http.Json(body)));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(newTag, stale.Headers.ETag!.ToString());
        Assert.Equal("市南区香港中路 8 号", await RegistryAsync(db => db.Students.Where(s => s.Id == id).Select(s => s.Address).SingleAsync()));

        using var deleted = await client.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/registry/students/{id}", newTag));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync($"/api/registry/students/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var tombstones = await RegistryAsync(db => db.Changes.Where(c => c.Deleted && c.Version > open.Revision).Select(c => c.EntityType).ToListAsync());
        Assert.Contains("Student", tombstones);
    }

    [Fact]
    public async Task A_bad_student_gets_every_problem_by_field_and_nothing_is_written()
    {
        var client = await app.ClientAsync("school.admin");
        var body = await Students.NewAsync(app, TestWorld.AnchorSchool);
        var id = body["residentId"]!;
        body["residentId"] = id[..17] + (id[17] == '0' ? '1' : '0'); // wrong check character
        body["gender"] = "7";
        body["classCode"] = "NO-SUCH-CLASS";
        body["favouriteColour"] = "blue";
        var head = await HeadAsync();

        using var response = await client.PostAsync("/api/registry/students", Http.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains("residentId", problem.Errors.Keys);
        Assert.Contains("gender", problem.Errors.Keys);
        Assert.Contains("favouriteColour", problem.Errors.Keys);
        Assert.Equal(head, await HeadAsync());
    }

    [Fact]
    public async Task A_number_another_student_holds_and_an_unknown_class_are_refused_by_field()
    {
        var client = await app.ClientAsync("school.admin");
        var other = await Students.CurrentAsync(app, app.World.StudentAt(TestWorld.AnchorSchool));
        var body = await Students.NewAsync(app, TestWorld.AnchorSchool);
        body["studentNumber"] = other["studentNumber"];
        body["classCode"] = "NO-SUCH-CLASS";

        using var response = await client.PostAsync("/api/registry/students", Http.Json(body));

        var problem = await response.ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Contains("已存在", problem.Errors["studentNumber"][0], StringComparison.Ordinal);
        Assert.Contains("NO-SUCH-CLASS", problem.Errors["classCode"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_admin_cannot_place_a_student_in_another_district()
    {
        var client = await app.ClientAsync("shinan.admin");
        var outside = app.World.Role(Kernel.Access.Roles.DistrictAdmin).OutSchool;
        var body = await Students.NewAsync(app, outside);
        var head = await HeadAsync();

        using var response = await client.PostAsync("/api/registry/students", Http.Json(body));

        var problem = await response.ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Contains("schoolCode", problem.Errors.Keys);
        Assert.DoesNotContain(app.World.Names[outside], problem.AllText, StringComparison.Ordinal);
        Assert.Equal(head, await HeadAsync());
    }

    [Fact]
    public async Task Bulk_upsert_creates_new_students_updates_known_ones_by_number_and_is_all_or_nothing()
    {
        var client = await app.ClientAsync("school.admin");
        var first = await Students.NewAsync(app, TestWorld.AnchorSchool, "批量一");
        var second = await Students.NewAsync(app, TestWorld.AnchorSchool, "批量二");
        var known = await Students.CurrentAsync(app, app.World.StudentAt(TestWorld.AnchorSchool));
        known["address"] = "市南区批量路 1 号";

        using var ok = await client.PostAsJsonAsync("/api/registry/students/bulk", new { items = new[] { first, second, known } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var result = await ok.JsonAsync();
        Assert.Equal((2, 1), (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32()));
        Assert.Equal("市南区批量路 1 号", await RegistryAsync(db => db.Students.Where(s => s.Id == app.World.StudentAt(TestWorld.AnchorSchool)).Select(s => s.Address).SingleAsync()));

        var third = await Students.NewAsync(app, TestWorld.AnchorSchool, "批量三");
        var broken = await Students.NewAsync(app, TestWorld.AnchorSchool, "批量四");
        broken["birthDate"] = "2017-02-30";
        var head = await HeadAsync();
        using var refused = await client.PostAsJsonAsync("/api/registry/students/bulk", new { items = new[] { third, broken } });

        var problem = await refused.ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Contains("items[1].birthDate", problem.Errors.Keys);
        Assert.Equal(head, await HeadAsync());
        Assert.False(await RegistryAsync(db => db.Students.AnyAsync(s => s.StudentNumber == third["studentNumber"])));
    }

    [Fact]
    public async Task An_if_match_that_is_not_an_etag_of_ours_is_a_400_naming_it()
    {
        var client = await app.ClientAsync("school.admin");
        var id = app.World.StudentAt(TestWorld.AnchorSchool);
        var body = await Students.CurrentAsync(app, id);

        using var response = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/students/{id}", "\"yesterday\"", Http.Json(body)));

        var problem = await response.ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Contains("If-Match", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("yesterday", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_refuses_a_number_given_twice_in_the_caller_s_language_and_writes_nothing()
    {
        var client = await app.ClientAsync("school.admin");
        var first = await Students.NewAsync(app, TestWorld.AnchorSchool, "重复一");
        var second = await Students.NewAsync(app, TestWorld.AnchorSchool, "重复二");
        second["studentNumber"] = first["studentNumber"];
        var head = await HeadAsync();

        using var zh = await client.PostAsJsonAsync("/api/registry/students/bulk", new { items = new[] { first, second } });
        using var en = await client.SendAsync(Http.Request(HttpMethod.Post, "/api/registry/students/bulk", Http.Json(new { items = new[] { first, second } }), "en"));

        var chinese = (await zh.ProblemAsync()).Errors["items[1].studentNumber"][0];
        var english = (await en.ProblemAsync()).Errors["items[1].studentNumber"][0];
        Assert.Contains("学籍号", chinese, StringComparison.Ordinal);
        Assert.Contains("Student number", english, StringComparison.Ordinal);
        Assert.DoesNotContain("学籍号", english, StringComparison.Ordinal);
        Assert.Equal(head, await HeadAsync());
    }

    [Fact]
    public async Task Bulk_by_id_needs_the_revision_and_an_id_that_exists()
    {
        var client = await app.ClientAsync("school.admin");
        var id = app.World.StudentAt(TestWorld.AnchorSchool);
        var current = await Students.CurrentAsync(app, id);
        var withoutRevision = new Dictionary<string, object?>(current.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value))) { ["id"] = id };
        var unknown = new Dictionary<string, object?>(withoutRevision) { ["id"] = long.MaxValue, ["revision"] = 1 };

        using var refused = await client.PostAsJsonAsync("/api/registry/students/bulk", new { items = new object[] { withoutRevision, unknown } });

        var problem = await refused.ProblemAsync();
        Assert.Contains("items[0].revision", problem.Errors.Keys);
        Assert.Contains("items[1].id", problem.Errors.Keys);

        var revision = await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Students.Where(s => s.Id == id).Select(s => s.Revision).SingleAsync());
        var withRevision = new Dictionary<string, object?>(withoutRevision) { ["revision"] = revision, ["address"] = "市南区按编号路 2 号" };
        using var accepted = await client.PostAsJsonAsync("/api/registry/students/bulk", new { items = new object[] { withRevision } });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var item = Assert.Single((await accepted.JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal((id, false), (item.GetProperty("id").GetInt64(), item.GetProperty("created").GetBoolean()));
        Assert.True(item.GetProperty("revision").GetInt64() > revision);
    }

    [Fact]
    public async Task An_update_makes_the_guardians_those_given_adding_and_removing_in_order()
    {
        var client = await app.ClientAsync("school.admin");
        var body = await Students.NewAsync(app, TestWorld.AnchorSchool, "监护人测试");
        using var created = await client.PostAsync("/api/registry/students", Http.Json(body));
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        Task<List<string>> GuardiansAsync() => app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Guardians
            .Where(g => g.StudentId == id).OrderBy(g => g.Id).Select(g => g.Name).ToListAsync());

        body["guardian2Name"] = "第二监护人";
        body["guardian2Relation"] = "12";
        using var added = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/students/{id}", created.Headers.ETag!.ToString(), Http.Json(body)));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(["测试家长", "第二监护人"], await GuardiansAsync());

        body["guardian1Name"] = "第二监护人";
        body["guardian1Relation"] = "12";
        body["guardian1Phone"] = null;
        body["guardian2Name"] = null;
        body["guardian2Relation"] = null;
        using var removed = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/students/{id}", added.Headers.ETag!.ToString(), Http.Json(body)));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(["第二监护人"], await GuardiansAsync());
    }

    [Fact]
    public async Task A_get_body_is_put_back_unchanged_and_keeps_the_guardians()
    {
        var client = await app.ClientAsync("school.admin");
        var id = await Students.CreateAsync(app, TestWorld.AnchorSchool);
        var guardians = await RegistryAsync(db => db.Guardians.CountAsync(g => g.StudentId == id));
        Assert.True(guardians > 0);
        using var read = await client.GetAsync($"/api/registry/students/{id}");
        var shown = await read.JsonAsync();
        Assert.False(shown.GetProperty("masked").GetBoolean());

        // The list, the single read and the change feed give one shape.
        using var list = await client.GetAsync($"/api/registry/students?school={TestWorld.AnchorSchool}&limit=1");
        var listed = (await list.JsonAsync()).GetProperty("items")[0].EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(shown.EnumerateObject().Select(p => p.Name).ToList(), listed);
        Assert.Contains("orgCode", listed);
        Assert.Contains("address", listed);

        var head = await HeadAsync();
        using var put = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/students/{id}", read.Headers.ETag!.ToString(),
            Http.RawJson(await read.Content.ReadAsStringAsync())));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var before = shown.EnumerateObject().Where(p => p.Name != "revision").ToDictionary(p => p.Name, p => p.Value.ToString());
        var after = (await put.JsonAsync()).EnumerateObject().Where(p => p.Name != "revision").ToDictionary(p => p.Name, p => p.Value.ToString());
        Assert.Equal(before, after);
        Assert.Equal(guardians, await RegistryAsync(db => db.Guardians.CountAsync(g => g.StudentId == id)));
        // Nothing changed, so no guardian was rewritten: the feed carries the student alone.
        Assert.DoesNotContain("Guardian", await RegistryAsync(db => db.Changes.Where(c => c.Version > head).Select(c => c.EntityType).ToListAsync()));
    }

    [Fact]
    public async Task A_get_body_moves_a_student_by_class_id_within_the_school_only()
    {
        var client = await app.ClientAsync("school.admin");
        var id = await Students.CreateAsync(app, TestWorld.AnchorSchool);
        var stored = await RegistryAsync(db => db.Students.AsNoTracking().SingleAsync(s => s.Id == id));
        var (school, current) = (stored.OrgUnitId, stored.ClassId);
        var other = await RegistryAsync(db => db.Classes.Where(c => c.OrgUnitId == school && c.Id != current).Select(c => c.Id).FirstAsync());
        var elsewhere = await RegistryAsync(db => db.Classes.Where(c => c.OrgUnitId != school).Select(c => c.Id).FirstAsync());
        using var read = await client.GetAsync($"/api/registry/students/{id}");
        var body = System.Text.Json.Nodes.JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();

        body["classId"] = elsewhere;
        using var refused = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/students/{id}", read.Headers.ETag!.ToString(), Http.RawJson(body.ToJsonString())));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("classId", (await refused.ProblemAsync()).Errors.Keys);

        // A class named both ways must be one class.
        var currentCode = await RegistryAsync(db => db.Classes.Where(c => c.Id == current).Select(c => c.Code).SingleAsync());
        body["classCode"] = currentCode;
        body["classId"] = other;
        using var disagrees = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/students/{id}", read.Headers.ETag!.ToString(), Http.RawJson(body.ToJsonString())));
        Assert.Equal(HttpStatusCode.BadRequest, disagrees.StatusCode);
        Assert.Contains("classId", (await disagrees.ProblemAsync()).Errors.Keys);
        body.Remove("classCode");

        using var moved = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/students/{id}", read.Headers.ETag!.ToString(), Http.RawJson(body.ToJsonString())));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(other, (await moved.JsonAsync()).GetProperty("classId").GetInt64());
        Assert.Equal(other, await RegistryAsync(db => db.Students.Where(s => s.Id == id).Select(s => s.ClassId).SingleAsync()));
    }
}
