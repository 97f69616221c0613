using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Idempotency;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Localization;
using Qedu.Kernel.Persistence;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>
/// The parents' submission API as a contract: the Idempotency-Key header (missing → 400 naming it, a replay → the same
/// answer, another body → 422, still running → 409), one application per child also under a race (the database's
/// index, not a check), the status read with its ETag, the OpenAPI document stating all of it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SubmissionApiTests(WebApp app)
{
    private const string Path = "/api/admissions/applications";

    private static object Body(AdmissionsWorld world, string residentId, string guardian = "张伟") => new
    {
        seasonId = world.SeasonId, childName = "王小雨", documentType = "resident-id", residentId, guardianName = guardian,
        homeCompound = "测试花园", hukouAtHome = true, propertyAtHome = true,
    };

    private static HttpRequestMessage Submit(object body, string? key, string? language = null)
    {
        var request = Http.Request(HttpMethod.Post, Path, Http.Json(body), language);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeys.Header, key);
        }
        return request;
    }

    private async Task<(AdmissionsWorld World, HttpClient Family, string Phone)> OpenSeasonAsync()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        await world.OpenNowAsync();
        var (family, phone) = await Parents.SignInAsync(app);
        return (world, family, phone);
    }

    private Task<int> CountAsync(AdmissionsWorld world) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.CountAsync(a => a.SeasonId == world.SeasonId));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_the_key_the_answer_is_400_naming_the_header_in_the_callers_language_and_nothing_is_written(bool english)
    {
        var (world, family, _) = await OpenSeasonAsync();
        using var missing = await family.SendAsync(Submit(Body(world, AdmissionsWorld.Child(new DateOnly(2019, 11, 2))), null, english ? "en" : "zh-CN"));
        using var malformed = await family.SendAsync(Submit(Body(world, AdmissionsWorld.Child(new DateOnly(2019, 11, 2))), "键 with spaces"));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problem = await missing.ProblemAsync();
        Assert.Equal(app.Text<KernelText>("Idempotency.Missing", english), Assert.Single(problem.Errors[IdempotencyKeys.Header]));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains(IdempotencyKeys.Header, (await malformed.ProblemAsync()).Errors.Keys);
        Assert.Equal(0, await CountAsync(world));
    }

    [Fact]
    public async Task The_same_key_and_body_get_the_same_application_and_answer_another_body_422_and_the_status_is_readable()
    {
        var (world, family, _) = await OpenSeasonAsync();
        var body = Body(world, AdmissionsWorld.Child(new DateOnly(2020, 1, 15)));
        var key = Guid.NewGuid().ToString();

        using var first = await family.SendAsync(Submit(body, key));
        var firstText = await first.Content.ReadAsStringAsync();
        using var again = await family.SendAsync(Submit(body, $"\"{key}\"")); // a structured-field string names the same key
        using var changed = await family.SendAsync(Submit(Body(world, AdmissionsWorld.Child(new DateOnly(2020, 1, 16))), key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = JsonDocument.Parse(firstText).RootElement;
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"{Path}/{id}", first.Headers.Location?.OriginalString);
        Assert.StartsWith(world.SeasonCode + "-", created.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal("submitted", created.GetProperty("status").GetString());
        Assert.False(first.Headers.Contains(IdempotencyKeys.ReplayedHeader));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(firstText, await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal("true", again.Headers.GetValues(IdempotencyKeys.ReplayedHeader).Single());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal(app.Text<KernelText>("Idempotency.Mismatch"), (await changed.ProblemAsync()).Detail);
        Assert.Equal(1, await CountAsync(world));

        // Submitted for review at once, with its history.
        var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.SingleAsync(a => a.Id == id));
        Assert.Equal(ApplicationStatus.Submitted, stored.Status);
        Assert.NotNull(stored.SubmittedAt);
        Assert.NotNull(stored.ZoneSchoolId);

        // The status: an ETag, and a revalidation that costs nothing when nothing changed; another family sees nothing.
        using var status = await family.GetAsync($"{Path}/{id}");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("submitted", (await status.JsonAsync()).GetProperty("status").GetString());
        var etag = status.Headers.ETag!.Tag;
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, $"{Path}/{id}");
        revalidate.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var unchanged = await family.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        var (stranger, _) = await Parents.SignInAsync(app);
        using var other = await stranger.GetAsync($"{Path}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        // The status is kept by the node: a write that does not stamp the row as changed lately (no writer of Qedu's
        // does that; here it says the row last changed an hour ago) is not looked for.
        await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReviewNote, "unstamped").SetProperty(a => a.ChangedAt, DateTimeOffset.UtcNow.AddHours(-1))));
        await Task.Delay(ChangeWatch<long>.Interval + TimeSpan.FromMilliseconds(300));
        using var kept = await family.GetAsync($"{Path}/{id}");
        var keptStatus = await kept.JsonAsync();
        Assert.Equal("submitted", keptStatus.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, keptStatus.GetProperty("reviewNote").ValueKind);

        // Once the school returns it (a save on this node), the tag moves on at once and the old copy is stale.
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            var application = await db.Applications.SingleAsync(a => a.Id == id);
            application.Status = ApplicationStatus.Returned;
            application.Revision++;
            return await db.SaveChangesAsync();
        });
        // The save stamped the row, which is what the other nodes look for.
        var stamped = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.Where(a => a.Id == id).Select(a => a.ChangedAt).SingleAsync());
        Assert.NotNull(stamped);
        Assert.InRange(DateTimeOffset.UtcNow - stamped.Value, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        using var stale = new HttpRequestMessage(HttpMethod.Get, $"{Path}/{id}");
        stale.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var moved = await family.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("returned", (await moved.JsonAsync()).GetProperty("status").GetString());

        // An offer by the district's 统筹, written elsewhere (another node: the row is stamped, this node's memory is not
        // told): seen within the watch's interval. The school by name, and why, as the family's page says it.
        await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Offered).SetProperty(a => a.OfferSchoolId, stored.ZoneSchoolId)
                .SetProperty(a => a.OfferRoute, OfferRoute.Coordination).SetProperty(a => a.OfferDistanceKm, 1.4).SetProperty(a => a.Revision, a => a.Revision + 1)
                .SetProperty(a => a.ChangedAt, DateTimeOffset.UtcNow)));
        await Task.Delay(ChangeWatch<long>.Interval + TimeSpan.FromMilliseconds(300));
        using var offered = await family.GetAsync($"{Path}/{id}");
        var offer = await offered.JsonAsync();
        Assert.Equal("offered", offer.GetProperty("status").GetString());
        var school = offer.GetProperty("offerSchool").GetString();
        Assert.False(string.IsNullOrEmpty(school));
        Assert.NotEqual("?", school);
        Assert.Contains(school!, offer.GetProperty("placement").GetString(), StringComparison.Ordinal);
        Assert.Contains("1.4", offer.GetProperty("placement").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_whose_first_request_is_still_running_gets_409_and_a_retry_after_it_ends_goes_through()
    {
        var (world, family, phone) = await OpenSeasonAsync();
        var parent = await app.AsSystemAsync(async sp => (await sp.GetRequiredService<ParentAccounts>().FindByPhoneAsync(phone))!.Id);
        var key = Guid.NewGuid().ToString();
        var body = Body(world, AdmissionsWorld.Child(new DateOnly(2020, 2, 2)));
        var keys = app.Services.GetRequiredService<IdempotencyKeys>();

        // The first request with the key, as the node sees it while that request runs.
        var running = keys.TryBegin(new IdempotentRequest($"parent:{parent:N}", key, []));
        Assert.NotNull(running);
        HttpResponseMessage during;
        using (running)
        {
            during = await family.SendAsync(Submit(body, key));
        }
        using var after = await family.SendAsync(Submit(body, key));

        Assert.Equal(HttpStatusCode.Conflict, during.StatusCode);
        Assert.Equal(app.Text<KernelText>("Idempotency.Running"), (await during.ProblemAsync()).Detail);
        during.Dispose();
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(1, await CountAsync(world));
    }

    [Fact]
    public async Task One_child_one_application_under_a_race_of_keys_and_a_race_on_one_key_makes_one()
    {
        var (world, family, _) = await OpenSeasonAsync();
        var child = AdmissionsWorld.Child(new DateOnly(2019, 12, 24));

        // Eight keys for the same child at once: the database's index lets exactly one through.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var response = await family.SendAsync(Submit(Body(world, child, guardian: $"家长{i}"), Guid.NewGuid().ToString()));
            return (response.StatusCode, Problem: response.StatusCode == HttpStatusCode.Conflict ? await response.ProblemAsync() : null);
        }));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.StatusCode);
            Assert.Contains("residentId", a.Problem!.Errors.Keys);
        });
        Assert.Equal(1, await CountAsync(world));
        // A race the index decides is answered, not an error of the application: no "fail" line in the host's log for it.
        Assert.DoesNotContain(app.ServerErrors.All, e => e.Contains("child_key", StringComparison.Ordinal));

        // One key sent eight times at once (a double tap, a retrying client): one application; every 201 is the same.
        var other = AdmissionsWorld.Child(new DateOnly(2019, 12, 25));
        var key = Guid.NewGuid().ToString();
        var same = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await family.SendAsync(Submit(Body(world, other), key));
            return (response.StatusCode, Text: await response.Content.ReadAsStringAsync());
        }));
        Assert.All(same, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Single(same.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => a.Text).Distinct());
        Assert.Equal(2, await CountAsync(world));
        var recorded = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().IdempotencyKeys.CountAsync(k => k.Key == key));
        Assert.Equal(1, recorded);
    }

    [Fact]
    public async Task Submissions_arriving_together_are_each_written_once_one_refused_spoils_none_each_line_names_its_parent_and_each_family_reads_only_its_own()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        await world.OpenNowAsync();
        var families = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Parents.SignInAsync(app)));
        var shared = AdmissionsWorld.Child(new DateOnly(2020, 3, 3));

        // Twelve families at once (on PostgreSQL they are written in batches); two of them name the same child.
        var answers = await Task.WhenAll(families.Select(async (f, i) =>
        {
            var child = i < 2 ? shared : AdmissionsWorld.Child(new DateOnly(2020, 3, 4 + i));
            using var response = await f.Client.SendAsync(Submit(Body(world, child, guardian: $"家长{i}"), Guid.NewGuid().ToString()));
            return (Family: i, response.StatusCode, Json: response.StatusCode == HttpStatusCode.Created ? await response.JsonAsync() : default);
        }));

        Assert.Equal(11, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(HttpStatusCode.Conflict, Assert.Single(answers, a => a.StatusCode != HttpStatusCode.Created).StatusCode);
        Assert.Equal(11, await CountAsync(world));
        foreach (var (family, _, json) in answers.Where(a => a.StatusCode == HttpStatusCode.Created))
        {
            var id = json.GetProperty("id").GetInt64();
            var parent = await app.AsSystemAsync(async sp => (await sp.GetRequiredService<ParentAccounts>().FindByPhoneAsync(families[family].Phone))!.Id);
            var stored = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.SingleAsync(a => a.Id == id));
            Assert.Equal(parent, stored.ParentAccountId);
            Assert.Equal(json.GetProperty("number").GetString(), stored.Number);
            // Written by the batch writer, the line still says which parent submitted it.
            var line = await app.AsSystemAsync(sp => sp.GetRequiredService<KernelDb>().AuditEntries
                .SingleAsync(e => e.EntityType == nameof(Application) && e.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == "create"));
            Assert.Equal(ActorKind.Parent, line.ActorKind);
            Assert.Equal(parent.ToString(), line.ActorId);
        }

        // Their first status reads, all at once (read together, as the system): each family gets its own, and the
        // application of the family next to it reads as absent.
        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        var reads = await Task.WhenAll(created.SelectMany((a, i) => new[] { (a.Family, Of: a), (a.Family, Of: created[(i + 1) % created.Count]) })
            .Select(async r =>
            {
                using var response = await families[r.Family].Client.GetAsync($"{Path}/{r.Of.Json.GetProperty("id").GetInt64()}");
                return (Own: r.Of.Family == r.Family, Expected: r.Of.Json.GetProperty("number").GetString(), response.StatusCode,
                    Number: response.StatusCode == HttpStatusCode.OK ? (await response.JsonAsync()).GetProperty("number").GetString() : null);
            }));
        Assert.All(reads.Where(r => r.Own), r => Assert.Equal((HttpStatusCode.OK, r.Expected), (r.StatusCode, r.Number)));
        Assert.All(reads.Where(r => !r.Own), r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task Bad_fields_are_400_naming_each_nothing_is_written_and_the_key_stays_free_for_the_corrected_body()
    {
        var (world, family, _) = await OpenSeasonAsync();
        var key = Guid.NewGuid().ToString();
        using var bad = await family.SendAsync(Submit(new { seasonId = world.SeasonId, childName = "", residentId = "370202201901010000", homeCompound = "测试花园" }, key));
        using var malformed = await family.SendAsync(Submit(new { seasonId = world.SeasonId, homeNumber = "十二" }, Guid.NewGuid().ToString()));
        using var fixedBody = await family.SendAsync(Submit(Body(world, AdmissionsWorld.Child(new DateOnly(2020, 5, 5))), key));
        using var notJson = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent("childName=王小雨", System.Text.Encoding.UTF8, "text/plain") };
        notJson.Headers.TryAddWithoutValidation(IdempotencyKeys.Header, Guid.NewGuid().ToString());
        using var plain = await family.SendAsync(notJson);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ProblemAsync()).Errors;
        Assert.Contains("childName", errors.Keys);
        Assert.Contains("residentId", errors.Keys);
        Assert.Contains("guardianName", errors.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("homeNumber", (await malformed.ProblemAsync()).Errors.Keys);
        Assert.Equal(HttpStatusCode.Created, fixedBody.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal(1, await CountAsync(world));
    }

    [Fact]
    public async Task The_season_kept_in_memory_follows_a_new_zone_list_and_a_moved_close_at_once()
    {
        var (world, family, _) = await OpenSeasonAsync();
        using var first = await family.SendAsync(Submit(Body(world, AdmissionsWorld.Child(new DateOnly(2020, 6, 1))), Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        // A zone line added the way an import adds it (the season's revision moves on): the next family is matched by it.
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            db.ZoneLines.Add(new ZoneLine { SeasonId = world.SeasonId, SchoolId = world.ZoneSchoolId, Compound = "新建小区" });
            var season = await db.Seasons.SingleAsync(s => s.Id == world.SeasonId);
            season.Revision++;
            return await db.SaveChangesAsync();
        });
        using var zoned = await family.SendAsync(Submit(new
        {
            seasonId = world.SeasonId, childName = "赵小北", residentId = AdmissionsWorld.Child(new DateOnly(2020, 6, 2)), guardianName = "赵明",
            homeCompound = "新建 小区", hukouAtHome = true,
        }, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, zoned.StatusCode);
        var id = (await zoned.JsonAsync()).GetProperty("id").GetInt64();
        var zone = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.Where(a => a.Id == id).Select(a => a.ZoneSchoolId).SingleAsync());
        Assert.Equal(world.ZoneSchoolId, zone);

        // The window closed early through this node: refused at once, naming the season.
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            var season = await db.Seasons.SingleAsync(s => s.Id == world.SeasonId);
            season.ClosesAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            season.Revision++;
            return await db.SaveChangesAsync();
        });
        using var late = await family.SendAsync(Submit(Body(world, AdmissionsWorld.Child(new DateOnly(2020, 6, 3))), Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("seasonId", (await late.ProblemAsync()).Errors.Keys);

        // Opened again where this node cannot see it (another node, or by hand in the database): seen within the recheck time.
        await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Seasons.Where(s => s.Id == world.SeasonId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ClosesAt, DateTimeOffset.UtcNow.AddDays(1))));
        await Task.Delay(SeasonSnapshots.Recheck + TimeSpan.FromMilliseconds(200));
        using var reopened = await family.SendAsync(Submit(Body(world, AdmissionsWorld.Child(new DateOnly(2020, 6, 3))), Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, reopened.StatusCode);
    }

    [Fact]
    public async Task Keys_are_kept_at_least_24_hours_and_forgotten_by_the_retention_run_after_48()
    {
        var owner = $"parent:{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            db.IdempotencyKeys.AddRange(
                new IdempotencyRecord { Owner = owner, Key = "day-old", Fingerprint = "f", StatusCode = 201, Body = "{}", CreatedAt = now.AddHours(-25) },
                new IdempotencyRecord { Owner = owner, Key = "stale", Fingerprint = "f", StatusCode = 201, Body = "{}", CreatedAt = now.AddHours(-49) });
            return await db.SaveChangesAsync();
        });
        var result = await app.AsSystemAsync(sp => sp.GetRequiredService<Qedu.Admissions.AdmissionsOperations>().ApplyRetentionAsync());
        var left = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().IdempotencyKeys.Where(k => k.Owner == owner).Select(k => k.Key).ToListAsync());

        Assert.Equal(["day-old"], left);
        Assert.True(result.IdempotencyKeys >= 1);
    }

    [Fact]
    public async Task The_OpenAPI_document_states_the_required_header_and_every_answer()
    {
        using var response = await app.Anonymous().GetAsync("/openapi/v1.json");
        var post = (await response.JsonAsync()).GetProperty("paths").GetProperty(Path).GetProperty("post");

        var header = post.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == IdempotencyKeys.Header);
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.True(header.GetProperty("required").GetBoolean());
        var responses = post.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Superset(new HashSet<string> { "201", "400", "409", "422", "429" }, responses.ToHashSet());
        Assert.Contains("Idempotency-Key", post.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }
}
