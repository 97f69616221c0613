using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Registry;

/// <summary>
/// Writing classes, staff and assets through the API: the life of a record under ETag / If-Match with the change feed
/// watching, checks like an import's plus each kind's own rules, scope, and the all-or-nothing bulk upsert.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RecordWriteApiTests(WebApp app)
{
    /// <summary>What the update in the life-cycle test changes, per kind: a field and its new value.</summary>
    private static readonly Dictionary<string, (string Field, string Value)> Change = new(StringComparer.Ordinal)
    {
        [Records.Classes] = ("name", "改名后的班"),
        [Records.Staff] = ("subjects", "语文|道德与法治"),
        [Records.Assets] = ("quantity", "5"),
    };

    /// <summary>A value each kind's definition refuses, per kind: the field and the value.</summary>
    private static readonly Dictionary<string, (string Field, string Value)> Broken = new(StringComparer.Ordinal)
    {
        [Records.Classes] = ("grade", "Z9"),
        [Records.Staff] = ("hiredOn", "2020-02-30"),
        [Records.Assets] = ("quantity", "-1"),
    };

    /// <summary>The entity type the change feed names for each kind.</summary>
    private static readonly Dictionary<string, string> EntityType = new(StringComparer.Ordinal)
    {
        [Records.Classes] = nameof(SchoolClass),
        [Records.Staff] = nameof(Staff),
        [Records.Assets] = nameof(Asset),
    };

    private Task<long> HeadAsync() => app.AsSystemAsync(sp =>
        sp.GetRequiredService<RegistryDb>().Set<ChangeHead>().AsNoTracking().Select(h => h.LastVersion).SingleAsync());

    private static HttpRequestMessage WithIfMatch(HttpMethod method, string url, string? etag, HttpContent? content = null, string? language = null)
    {
        var request = Http.Request(method, url, content, language);
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return request;
    }

    /// <summary>Another school of 市南区 than the anchor: inside the district admin's scope, outside the school admin's.</summary>
    private Task<string> SiblingSchoolAsync() => app.AsSystemAsync(async sp =>
    {
        var kernel = sp.GetRequiredService<KernelDb>();
        var district = await kernel.OrgUnits.Where(o => o.Code == TestWorld.Shinan).Select(o => o.Id).SingleAsync();
        var under = kernel.OrgClosure.Where(c => c.AncestorId == district).Select(c => c.DescendantId);
        return await kernel.OrgUnits.Where(o => under.Contains(o.Id) && o.Kind == OrgUnitKind.School && o.Code != TestWorld.AnchorSchool)
            .OrderBy(o => o.Code).Select(o => o.Code).FirstAsync();
    });

    /// <summary>The record holds every value the body gave (fields the body left out are empty or derived, such as a birth date from the ID).</summary>
    private async Task AssertStoredAsync(Dictionary<string, string?> body, string kind, long id)
    {
        var stored = await Records.CurrentAsync(app, kind, id);
        Assert.Equal(body, stored.Where(kv => body.ContainsKey(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value));
    }

    private static async Task<List<JsonElement>> FeedSinceAsync(HttpClient client, long since) =>
        (await (await client.GetAsync($"/api/registry/changes?since={since}&limit=1000")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();

    [Theory]
    [InlineData(Records.Classes)]
    [InlineData(Records.Staff)]
    [InlineData(Records.Assets)]
    public async Task A_record_is_created_changed_under_if_match_refused_when_stale_and_deleted_and_the_feed_sees_each_step(string kind)
    {
        var client = await app.ClientAsync("school.admin");
        var before = await HeadAsync();
        var body = Records.New(kind, TestWorld.AnchorSchool, "生命周期");

        using var created = await client.PostAsync($"/api/registry/{kind}", Http.Json(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal($"/api/registry/{kind}/{id}", created.Headers.Location?.ToString());
        var etag = created.Headers.ETag!.ToString();
        using (var read = await client.GetAsync($"/api/registry/{kind}/{id}"))
        {
            Assert.Equal(etag, read.Headers.ETag!.ToString());
        }

        var (field, value) = Change[kind];
        body[field] = value;
        using var noHeader = await client.PutAsync($"/api/registry/{kind}/{id}", Http.Json(body));
        Assert.Equal(HttpStatusCode.PreconditionRequired, noHeader.StatusCode);

        using var changed = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/{kind}/{id}", etag, Http.Json(body)));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var newTag = changed.Headers.ETag!.ToString();
        Assert.NotEqual(etag, newTag);
        await AssertStoredAsync(body, kind, id);

        var kept = new Dictionary<string, string?>(body);
        body[field] = Change[kind].Field == "quantity" ? "7" : "又一次修改";
        using var stale = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/{kind}/{id}", etag, Http.Json(body)));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(newTag, stale.Headers.ETag!.ToString());
        await AssertStoredAsync(kept, kind, id);

        using var staleDelete = await client.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/registry/{kind}/{id}", etag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleDelete.StatusCode);
        using var deleted = await client.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/registry/{kind}/{id}", newTag));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync($"/api/registry/{kind}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        // The feed: the create, the update and the tombstone, in that order, under the record's type.
        var lines = (await FeedSinceAsync(client, before))
            .Where(l => l.GetProperty("entityType").GetString() == EntityType[kind] && l.GetProperty("entityId").GetInt64() == id).ToList();
        Assert.Equal([false, false, true], lines.Select(l => l.GetProperty("deleted").GetBoolean()));
        Assert.Equal(TestWorld.AnchorSchool, lines[0].GetProperty("orgCode").GetString());
    }

    [Fact]
    public async Task A_class_that_still_has_students_is_not_deleted_and_the_answer_says_why_in_the_caller_s_language()
    {
        var client = await app.ClientAsync("school.admin");
        var (schoolClass, count) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var school = await sp.GetRequiredService<KernelDb>().OrgUnits.Where(o => o.Code == TestWorld.AnchorSchool).Select(o => o.Id).SingleAsync();
            var c = await db.Classes.AsNoTracking().Where(c => c.OrgUnitId == school && db.Students.Any(s => s.ClassId == c.Id)).OrderBy(c => c.Id).FirstAsync();
            return (c, await db.Students.CountAsync(s => s.ClassId == c.Id));
        });
        var etag = await Records.ETagAsync(app, Records.Classes, schoolClass.Id);
        var head = await HeadAsync();

        using var zh = await client.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/registry/classes/{schoolClass.Id}", etag));
        using var en = await client.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/registry/classes/{schoolClass.Id}", etag, language: "en"));

        var chinese = await zh.ProblemAsync();
        Assert.Equal(409, chinese.Status);
        Assert.Contains(schoolClass.Code, chinese.Detail, StringComparison.Ordinal);
        Assert.Contains($"{count} 名学生", chinese.Detail, StringComparison.Ordinal);
        var english = await en.ProblemAsync();
        Assert.Equal(409, english.Status);
        Assert.Contains($"still has {count} student", english.Detail, StringComparison.Ordinal);
        Assert.Equal(head, await HeadAsync());
        Assert.Equal(etag, await Records.ETagAsync(app, Records.Classes, schoolClass.Id));
    }

    [Fact]
    public async Task A_class_code_is_unique_within_its_school_only_and_the_head_teacher_must_work_there()
    {
        var taken = await app.AsSystemAsync(async sp =>
        {
            var school = await sp.GetRequiredService<KernelDb>().OrgUnits.Where(o => o.Code == TestWorld.AnchorSchool).Select(o => o.Id).SingleAsync();
            return await sp.GetRequiredService<RegistryDb>().Classes.Where(c => c.OrgUnitId == school).OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();
        });
        var sibling = await SiblingSchoolAsync();
        var client = await app.ClientAsync("shinan.admin");

        var clash = Records.New(Records.Classes, TestWorld.AnchorSchool);
        clash["code"] = taken;
        clash["headTeacher"] = "NO-SUCH-TEACHER";
        using var refused = await client.PostAsync("/api/registry/classes", Http.Json(clash));
        var problem = await refused.ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Contains(taken, problem.Errors["code"][0], StringComparison.Ordinal);
        Assert.Contains("NO-SUCH-TEACHER", problem.Errors["headTeacher"][0], StringComparison.Ordinal);

        var elsewhere = Records.New(Records.Classes, sibling);
        elsewhere["code"] = taken;
        using var accepted = await client.PostAsync("/api/registry/classes", Http.Json(elsewhere));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task A_class_with_students_does_not_move_to_another_school()
    {
        var id = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var school = await sp.GetRequiredService<KernelDb>().OrgUnits.Where(o => o.Code == TestWorld.AnchorSchool).Select(o => o.Id).SingleAsync();
            return await db.Classes.Where(c => c.OrgUnitId == school && db.Students.Any(s => s.ClassId == c.Id)).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync();
        });
        var body = await Records.CurrentAsync(app, Records.Classes, id);
        body["schoolCode"] = await SiblingSchoolAsync();
        body["headTeacher"] = null;

        using var response = await (await app.ClientAsync("shinan.admin")).SendAsync(
            WithIfMatch(HttpMethod.Put, $"/api/registry/classes/{id}", await Records.ETagAsync(app, Records.Classes, id), Http.Json(body)));

        var problem = await response.ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Contains("schoolCode", problem.Errors.Keys);
    }

    [Fact]
    public async Task Staff_resident_ids_are_checked_like_students_and_numbers_belong_to_one_person()
    {
        var client = await app.ClientAsync("school.admin");
        var other = await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Staff.AsNoTracking()
            .Where(s => s.ResidentId != null).OrderBy(s => s.Id).FirstAsync());

        var badChecksum = Records.New(Records.Staff, TestWorld.AnchorSchool);
        var id = badChecksum["residentId"]!;
        badChecksum["residentId"] = id[..17] + (id[17] == '0' ? '1' : '0');
        using var checksum = await client.PostAsync("/api/registry/staff", Http.Json(badChecksum));
        var problem = await checksum.ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Contains("residentId", problem.Errors.Keys);

        var wrongGender = Records.New(Records.Staff, TestWorld.AnchorSchool);
        wrongGender["gender"] = wrongGender["gender"] == "1" ? "2" : "1";
        using var gender = await client.PostAsync("/api/registry/staff", Http.Json(wrongGender));
        Assert.Contains("residentId", (await gender.ProblemAsync()).Errors.Keys);

        var taken = Records.New(Records.Staff, TestWorld.AnchorSchool);
        taken["staffNumber"] = other.StaffNumber;
        taken["residentId"] = other.ResidentId;
        taken["gender"] = other.GenderCode;
        taken["birthDate"] = null;
        var head = await HeadAsync();
        using var duplicate = await client.PostAsync("/api/registry/staff", Http.Json(taken));
        problem = await duplicate.ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Contains("已存在", problem.Errors["staffNumber"][0], StringComparison.Ordinal);
        Assert.Contains("已存在", problem.Errors["residentId"][0], StringComparison.Ordinal);
        Assert.Equal(head, await HeadAsync());
    }

    [Fact]
    public async Task A_head_teacher_is_not_deleted_while_a_class_names_them()
    {
        var (staffId, classCode) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var school = await sp.GetRequiredService<KernelDb>().OrgUnits.Where(o => o.Code == TestWorld.AnchorSchool).Select(o => o.Id).SingleAsync();
            var c = await db.Classes.AsNoTracking().Where(c => c.OrgUnitId == school && c.HeadTeacherId != null).OrderBy(c => c.Id).FirstAsync();
            return (c.HeadTeacherId!.Value, c.Code);
        });

        using var response = await (await app.ClientAsync("school.admin")).SendAsync(
            WithIfMatch(HttpMethod.Delete, $"/api/registry/staff/{staffId}", await Records.ETagAsync(app, Records.Staff, staffId)));

        var problem = await response.ProblemAsync();
        Assert.Equal(409, problem.Status);
        Assert.Contains(classCode, problem.Detail, StringComparison.Ordinal);
        Assert.True(await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Staff.AnyAsync(s => s.Id == staffId)));
    }

    [Theory]
    [InlineData(Records.Classes)]
    [InlineData(Records.Staff)]
    [InlineData(Records.Assets)]
    public async Task Writes_stay_within_the_caller_s_scope(string kind)
    {
        var sibling = await SiblingSchoolAsync();
        var outside = app.World.Role(Kernel.Access.Roles.DistrictAdmin).OutSchool;
        var head = await HeadAsync();

        // A school admin writes in their own school only; a district admin not in another district; a teacher not at all.
        using var schoolAdmin = await (await app.ClientAsync("school.admin")).PostAsync($"/api/registry/{kind}", Http.Json(Records.New(kind, sibling)));
        var problem = await schoolAdmin.ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Contains("schoolCode", problem.Errors.Keys);
        Assert.DoesNotContain(app.World.Names[sibling], problem.AllText, StringComparison.Ordinal);
        using var district = await (await app.ClientAsync("shinan.admin")).PostAsJsonAsync($"/api/registry/{kind}/bulk", new { items = new[] { Records.New(kind, outside) } });
        Assert.Contains("items[0].schoolCode", (await district.ProblemAsync()).Errors.Keys);
        using var teacher = await (await app.ClientAsync("teacher")).PostAsync($"/api/registry/{kind}", Http.Json(Records.New(kind, TestWorld.AnchorSchool)));
        Assert.Equal(HttpStatusCode.Forbidden, teacher.StatusCode);
        Assert.Equal(head, await HeadAsync());

        // A record in another school is out of sight for the school admin: 404, with the right ETag or not.
        var id = await Records.CreateAsync(app, kind, sibling);
        var etag = await Records.ETagAsync(app, kind, id);
        var body = await Records.CurrentAsync(app, kind, id);
        using var put = await (await app.ClientAsync("school.admin")).SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/{kind}/{id}", etag, Http.Json(body)));
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        using var delete = await (await app.ClientAsync("school.admin")).SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/registry/{kind}/{id}", etag));
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(etag, await Records.ETagAsync(app, kind, id));
    }

    [Theory]
    [InlineData(Records.Classes)]
    [InlineData(Records.Staff)]
    [InlineData(Records.Assets)]
    public async Task Bulk_upsert_creates_new_records_updates_known_ones_by_natural_key_and_is_all_or_nothing(string kind)
    {
        var client = await app.ClientAsync("school.admin");
        var knownId = await Records.CreateAsync(app, kind, TestWorld.AnchorSchool);
        var known = await Records.CurrentAsync(app, kind, knownId);
        var (field, value) = Change[kind];
        known[field] = value;
        var first = Records.New(kind, TestWorld.AnchorSchool, "批量一");
        var second = Records.New(kind, TestWorld.AnchorSchool, "批量二");

        using var ok = await client.PostAsJsonAsync($"/api/registry/{kind}/bulk", new { items = new[] { first, known, second } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var result = await ok.JsonAsync();
        Assert.Equal((2, 1), (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32()));
        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal((knownId, false), (items[1].GetProperty("id").GetInt64(), items[1].GetProperty("created").GetBoolean()));
        await AssertStoredAsync(known, kind, knownId);
        await AssertStoredAsync(first, kind, items[0].GetProperty("id").GetInt64());

        // One bad item, one repeated key: nothing of the request is written.
        var third = Records.New(kind, TestWorld.AnchorSchool, "批量三");
        var broken = Records.New(kind, TestWorld.AnchorSchool, "批量四");
        broken[Broken[kind].Field] = Broken[kind].Value;
        var repeated = new Dictionary<string, string?>(Records.New(kind, TestWorld.AnchorSchool, "批量五"))
        {
            [Records.KeyField(kind)] = third[Records.KeyField(kind)],
        };
        known[field] = Change[kind].Field == "quantity" ? "9" : "不应写入";
        var head = await HeadAsync();
        using var refused = await client.PostAsJsonAsync($"/api/registry/{kind}/bulk", new { items = new[] { known, third, broken, repeated } });

        var problem = await refused.ProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.Equal([$"items[2].{Broken[kind].Field}", $"items[3].{Records.KeyField(kind)}"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("第 1 条", problem.Errors[$"items[3].{Records.KeyField(kind)}"][0], StringComparison.Ordinal);
        Assert.Equal(head, await HeadAsync());
        Assert.Equal(value, (await Records.CurrentAsync(app, kind, knownId))[field]);
    }

    [Fact]
    public async Task Bulk_by_id_needs_the_revision_and_a_stale_one_rolls_back_the_whole_request()
    {
        var client = await app.ClientAsync("school.admin");
        var id = await Records.CreateAsync(app, Records.Assets, TestWorld.AnchorSchool);
        var revision = await Records.RevisionAsync(app, Records.Assets, id);
        var current = await Records.CurrentAsync(app, Records.Assets, id);
        var withoutRevision = new Dictionary<string, object?>(current.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value))) { ["id"] = id };

        using var missing = await client.PostAsJsonAsync("/api/registry/assets/bulk", new { items = new object[] { withoutRevision } });
        Assert.Contains("items[0].revision", (await missing.ProblemAsync()).Errors.Keys);

        var fresh = Records.New(Records.Assets, TestWorld.AnchorSchool, "回滚");
        var stale = new Dictionary<string, object?>(withoutRevision) { ["revision"] = revision - 1, ["name"] = "过期修改" };
        var head = await HeadAsync();
        using var refused = await client.PostAsJsonAsync("/api/registry/assets/bulk", new { items = new object[] { fresh, stale } });
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal(head, await HeadAsync());
        Assert.False(await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Assets.AnyAsync(a => a.AssetNumber == fresh["assetNumber"])));

        var accepted = new Dictionary<string, object?>(withoutRevision) { ["revision"] = revision, ["name"] = "按编号修改" };
        using var ok = await client.PostAsJsonAsync("/api/registry/assets/bulk", new { items = new object[] { accepted } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("按编号修改", (await Records.CurrentAsync(app, Records.Assets, id))["name"]);
    }

    [Theory]
    [InlineData(Records.Classes)]
    [InlineData(Records.Staff)]
    [InlineData(Records.Assets)]
    public async Task A_get_body_is_put_back_unchanged(string kind)
    {
        var id = await Records.CreateAsync(app, kind, TestWorld.AnchorSchool);
        var client = await app.ClientAsync("school.admin");
        using var read = await client.GetAsync($"/api/registry/{kind}/{id}");
        var body = await read.Content.ReadAsStringAsync();

        using var put = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/{kind}/{id}", read.Headers.ETag!.ToString(), Http.RawJson(body)));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var before = (await read.JsonAsync()).EnumerateObject().Where(p => p.Name != "revision").ToDictionary(p => p.Name, p => p.Value.ToString());
        var after = (await put.JsonAsync()).EnumerateObject().Where(p => p.Name != "revision").ToDictionary(p => p.Name, p => p.Value.ToString());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_masked_get_body_is_refused_rather_than_stored()
    {
        var id = await Records.CreateAsync(app, Records.Staff, TestWorld.AnchorSchool);

        // Without pii.view the GET is masked: writing it back would store the masks, so it is refused.
        var district = await app.ClientAsync("shinan.admin");
        using var masked = await district.GetAsync($"/api/registry/staff/{id}");
        Assert.True((await masked.JsonAsync()).GetProperty("masked").GetBoolean());
        using var refused = await district.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/staff/{id}", masked.Headers.ETag!.ToString(),
            Http.RawJson(await masked.Content.ReadAsStringAsync())));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("masked", out _));
    }

    [Fact]
    public async Task A_class_takes_its_head_teacher_and_campus_by_id_from_its_own_school_only()
    {
        var id = await Records.CreateAsync(app, Records.Classes, TestWorld.AnchorSchool);
        var (school, teacher, campus, otherCampus) = await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var org = await db.Classes.Where(c => c.Id == id).Select(c => c.OrgUnitId).SingleAsync();
            var staff = await db.Staff.Where(s => s.OrgUnitId == org).Select(s => s.Id).FirstAsync();
            var own = await db.Campuses.Where(c => c.OrgUnitId == org).Select(c => (long?)c.Id).FirstOrDefaultAsync();
            var other = await db.Campuses.Where(c => c.OrgUnitId != org).Select(c => c.Id).FirstAsync();
            return (org, staff, own, other);
        });
        Assert.NotNull(campus);
        var client = await app.ClientAsync("school.admin");
        using var read = await client.GetAsync($"/api/registry/classes/{id}");
        var body = System.Text.Json.Nodes.JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();

        body["campusId"] = otherCampus;
        body["headTeacherId"] = 0;
        using var refused = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/classes/{id}", read.Headers.ETag!.ToString(), Http.RawJson(body.ToJsonString())));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = (await refused.ProblemAsync()).Errors.Keys;
        Assert.Contains("campusId", problems);
        Assert.Contains("headTeacherId", problems);

        body["campusId"] = campus;
        body["headTeacherId"] = teacher;
        using var set = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/classes/{id}", read.Headers.ETag!.ToString(), Http.RawJson(body.ToJsonString())));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Classes.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((teacher, campus), (stored.HeadTeacherId, stored.CampusId));
        Assert.Equal(school, stored.OrgUnitId);

        // The template's body has no campus column: a PUT in it leaves the campus where it is.
        var template = await Records.CurrentAsync(app, Records.Classes, id);
        using var kept = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/registry/classes/{id}", set.Headers.ETag!.ToString(), Http.Json(template)));
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(campus, await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Classes.Where(c => c.Id == id).Select(c => c.CampusId).SingleAsync()));
    }
}
