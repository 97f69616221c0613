using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Web.Tests.Infrastructure;
using static Qedu.Web.Tests.Infrastructure.Http;

namespace Qedu.Web.Tests.Resources;

/// <summary>
/// The resource library and sync classrooms through the API: an item is public within its reach only once the level it
/// is shared at has reviewed it; a send-back and a retirement keep it out of search; one rating per account; a file that
/// is not what its name says is refused, naming the field in zh and en; Chinese words are found by character pairs; an
/// urban–rural pairing with its timetable and a held session is the rural school's coverage fact; another district can
/// neither see nor act. Jiaozhou (370281) is this class's district, Pingdu (370283) the other one.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ResourcesTests(WebApp app)
{
    private const string District = "370281";
    private const string Other = "370283";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static string Token() => "T" + Guid.NewGuid().ToString("N")[..10];

    private async Task<HttpClient> AsAsync(string hint, string role, string scope) => await app.ClientAsync(await app.NewAccountAsync(hint, role, scope));

    /// <summary>Two primary-type schools of the district (codes).</summary>
    private Task<(string A, string B)> SchoolsAsync(string district) => app.AsSystemAsync(async sp =>
    {
        var tree = sp.GetRequiredService<OrgTree>();
        var unit = (await tree.FindAsync(district))!;
        var schools = (await tree.BelowPastScopeAsync(unit.Id, OrgUnitKind.School, default)).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        return (schools[0].Code, schools[1].Code);
    });

    private static MultipartFormDataContent Upload(string title, string reach, byte[]? file = null, string fileName = "教案.pdf", string? url = null, string type = "MicroLesson")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" }, { new StringContent(type), "type" }, { new StringContent("JuniorSecondary"), "stage" },
            { new StringContent("8"), "grade" }, { new StringContent("数学"), "subject" }, { new StringContent("人教版"), "edition" },
            { new StringContent("第十七章"), "chapter" }, { new StringContent(reach), "reach" },
        };
        if (url is not null)
        {
            form.Add(new StringContent(url), "url");
        }
        else
        {
            form.Add(new ByteArrayContent(file ?? Pdf), "file", fileName);
        }
        return form;
    }

    private static async Task<long> AddAsync(HttpClient client, MultipartFormDataContent form) =>
        (await OkJsonAsync(await client.PostAsync("/api/resources/items", form))).GetProperty("id").GetInt64();

    private static async Task<List<long>> SearchAsync(HttpClient client, string q) =>
        [.. (await OkJsonAsync(await client.GetAsync($"/api/resources/items?q={Uri.EscapeDataString(q)}"))).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return response.StatusCode;
    }

    [Fact]
    public async Task An_item_is_public_within_its_reach_once_the_level_above_has_reviewed_it()
    {
        var (a, b) = await SchoolsAsync(District);
        var teacher = await AsAsync("res.teacher", Roles.Teacher, a);
        var colleague = await AsAsync("res.other-school", Roles.Teacher, b);
        var schoolAdmin = await AsAsync("res.school", Roles.SchoolAdmin, a);
        var district = await AsAsync("res.district", Roles.DistrictAdmin, District);
        var other = await AsAsync("res.other", Roles.DistrictAdmin, Other);
        var token = Token();

        var id = await AddAsync(teacher, Upload($"一次函数图像微课 {token}", "District"));
        // Pending: the other school of the district neither finds nor opens it; the contributor's school sees it waiting.
        Assert.Empty(await SearchAsync(colleague, token));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(colleague.GetAsync($"/api/resources/items/{id}")));
        Assert.Equal("Pending", (await OkJsonAsync(await teacher.GetAsync($"/api/resources/items/{id}"))).GetProperty("item").GetProperty("state").GetString());
        // Shared district-wide, it is the district's to review: not the school's, not another district's.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(schoolAdmin.PostAsJsonAsync($"/api/resources/items/{id}/review", new { approve = true })));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(other.PostAsJsonAsync($"/api/resources/items/{id}/review", new { approve = true })));
        var queue = await OkJsonAsync(await district.GetAsync("/api/resources/review"));
        Assert.Contains(queue.GetProperty("pending").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        Assert.Equal("Published", (await OkJsonAsync(await district.PostAsJsonAsync($"/api/resources/items/{id}/review", new { approve = true }))).GetProperty("state").GetString());

        // Published: the district's other school finds it, downloads the very bytes (counted); another district does not.
        Assert.Equal([id], await SearchAsync(colleague, token));
        using (var file = await colleague.GetAsync($"/api/resources/items/{id}/file"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(1, (await OkJsonAsync(await colleague.GetAsync($"/api/resources/items/{id}"))).GetProperty("item").GetProperty("downloads").GetInt32());
        Assert.Empty(await SearchAsync(other, token));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(other.GetAsync($"/api/resources/items/{id}")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(other.GetAsync($"/api/resources/items/{id}/file")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(other.PostAsJsonAsync($"/api/resources/items/{id}/retire", new { reason = "过时" })));
        Assert.Contains(id, await SearchAsync(await app.ClientAsync("city.admin"), token));
        // Reviewed once: a second decision is refused.
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(district.PostAsJsonAsync($"/api/resources/items/{id}/review", new { approve = false, note = "再看" })));
    }

    [Fact]
    public async Task A_lesson_of_several_megabytes_uploads_and_downloads_byte_for_byte()
    {
        // Over the JSON API's 1 MB and, on PostgreSQL, several chunks of the database file store.
        var (a, _) = await SchoolsAsync(District);
        var teacher = await AsAsync("res.large", Roles.Teacher, a);
        var school = await AsAsync("res.large-school", Roles.SchoolAdmin, a);
        byte[] lesson = [.. Encoding.ASCII.GetBytes("%PDF-1.7\n"), .. System.Security.Cryptography.RandomNumberGenerator.GetBytes(3_500_000), .. "\n%%EOF\n"u8];

        var id = await AddAsync(teacher, Upload($"整章复习课 {Token()}", "School", lesson, "复习课.pdf"));
        Assert.Equal("Published", (await OkJsonAsync(await school.PostAsJsonAsync($"/api/resources/items/{id}/review", new { approve = true }))).GetProperty("state").GetString());

        using var file = await teacher.GetAsync($"/api/resources/items/{id}/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(lesson.Length, file.Content.Headers.ContentLength);
        Assert.Equal(lesson, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_sent_back_item_stays_out_of_search_with_the_reviewers_note()
    {
        var (a, _) = await SchoolsAsync(District);
        var teacher = await AsAsync("res.back", Roles.Teacher, a);
        var schoolAdmin = await AsAsync("res.back-school", Roles.SchoolAdmin, a);
        var token = Token();
        var id = await AddAsync(teacher, Upload($"分数加减法课件 {token}", "School", type: "Courseware"));

        // Shared within the school, the school reviews it; sending back needs a note.
        using (var bad = await schoolAdmin.PostAsJsonAsync($"/api/resources/items/{id}/review", new { approve = false }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(["note"], (await bad.ProblemAsync()).Errors.Keys);
        }
        Assert.Equal("Returned", (await OkJsonAsync(await schoolAdmin.PostAsJsonAsync($"/api/resources/items/{id}/review", new { approve = false, note = "请补充教学目标" })))
            .GetProperty("state").GetString());
        Assert.Empty(await SearchAsync(teacher, token));
        var detail = await OkJsonAsync(await teacher.GetAsync($"/api/resources/items/{id}"));
        Assert.Equal(("Returned", "请补充教学目标"), (detail.GetProperty("item").GetProperty("state").GetString(), detail.GetProperty("reviewNote").GetString()));
        // Not published: nobody rates it.
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(teacher.PutAsJsonAsync($"/api/resources/items/{id}/rating", new { stars = 5 })));
    }

    [Fact]
    public async Task A_retired_item_leaves_search_but_is_kept_and_only_the_city_names_its_quality_resources()
    {
        var district = await AsAsync("res.share", Roles.DistrictAdmin, District);
        var city = await app.ClientAsync("city.admin");
        var token = Token();
        var id = await AddAsync(district, Upload($"区级单元测试题 {token}", "City", type: "TestItems"));
        // A district's item shared city-wide is the city's to review; the district does not review its own way up.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(district.PostAsJsonAsync($"/api/resources/items/{id}/review", new { approve = true })));
        await OkJsonAsync(await city.PostAsJsonAsync($"/api/resources/items/{id}/review", new { approve = true }));
        Assert.Contains(id, await SearchAsync(await AsAsync("res.far", Roles.Teacher, (await SchoolsAsync(Other)).A), token));

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(district.PostAsJsonAsync($"/api/resources/items/{id}/award", new { award = "CityExcellent" })));
        Assert.Equal("CityExcellent", (await OkJsonAsync(await city.PostAsJsonAsync($"/api/resources/items/{id}/award", new { award = "CityExcellent" }))).GetProperty("award").GetString());
        var found = await OkJsonAsync(await city.GetAsync($"/api/resources/items?q={token}&featured=true"));
        Assert.Equal("CityExcellent", found.GetProperty("items")[0].GetProperty("award").GetString());

        using (var bad = await city.PostAsJsonAsync($"/api/resources/items/{id}/retire", new { reason = " " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(["reason"], (await bad.ProblemAsync()).Errors.Keys);
        }
        Assert.Equal("Retired", (await OkJsonAsync(await city.PostAsJsonAsync($"/api/resources/items/{id}/retire", new { reason = "教材改版" }))).GetProperty("state").GetString());
        Assert.Empty(await SearchAsync(city, token));
        var kept = await OkJsonAsync(await city.GetAsync($"/api/resources/items/{id}"));
        Assert.Equal(("Retired", "教材改版"), (kept.GetProperty("item").GetProperty("state").GetString(), kept.GetProperty("retiredReason").GetString()));
        // Outside the city's own scope nobody reads it now: the teacher in the other district no longer opens it.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync((await AsAsync("res.far2", Roles.Teacher, (await SchoolsAsync(Other)).A)).GetAsync($"/api/resources/items/{id}")));
    }

    [Fact]
    public async Task Each_account_rates_once_and_may_change_its_rating()
    {
        var (a, b) = await SchoolsAsync(District);
        var district = await AsAsync("res.rate-district", Roles.DistrictAdmin, District);
        var first = await AsAsync("res.rater1", Roles.Teacher, a);
        var second = await AsAsync("res.rater2", Roles.Teacher, b);
        var id = await AddAsync(first, Upload($"有理数乘法微课 {Token()}", "District"));
        await OkJsonAsync(await district.PostAsJsonAsync($"/api/resources/items/{id}/review", new { approve = true }));

        Assert.Equal(5m, (await OkJsonAsync(await second.PutAsJsonAsync($"/api/resources/items/{id}/rating", new { stars = 5 }))).GetProperty("rating").GetDecimal());
        Assert.Equal(3m, (await OkJsonAsync(await second.PutAsJsonAsync($"/api/resources/items/{id}/rating", new { stars = 3 }))).GetProperty("rating").GetDecimal());
        await OkJsonAsync(await first.PutAsJsonAsync($"/api/resources/items/{id}/rating", new { stars = 4 }));
        var detail = await OkJsonAsync(await second.GetAsync($"/api/resources/items/{id}"));
        Assert.Equal((3.5m, 2, 3), (detail.GetProperty("item").GetProperty("rating").GetDecimal(), detail.GetProperty("item").GetProperty("ratings").GetInt32(), detail.GetProperty("myStars").GetInt32()));
        using var bad = await second.PutAsJsonAsync($"/api/resources/items/{id}/rating", new { stars = 6 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["stars"], (await bad.ProblemAsync()).Errors.Keys);
    }

    [Fact]
    public async Task A_pdf_that_is_not_a_pdf_is_refused_naming_the_field_in_chinese_and_english_and_nothing_is_written()
    {
        var (a, _) = await SchoolsAsync(District);
        var teacher = await AsAsync("res.sniff", Roles.Teacher, a);
        var token = Token();
        var page = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>");

        using (var zh = await teacher.PostAsync("/api/resources/items", Upload($"伪装文件 {token}", "School", page, "教案.pdf")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, zh.StatusCode);
            var problem = await zh.ProblemAsync();
            Assert.Equal(["file"], problem.Errors.Keys);
            Assert.Contains("教案.pdf", problem.Errors["file"][0], StringComparison.Ordinal);
            Assert.Contains("内容与其类型不符", problem.Errors["file"][0], StringComparison.Ordinal);
        }
        using (var en = await teacher.SendAsync(Http.Request(HttpMethod.Post, "/api/resources/items", Upload($"伪装文件 {token}", "School", page, "教案.pdf"), "en")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, en.StatusCode);
            Assert.Contains("is not what its name says", (await en.ProblemAsync()).Errors["file"][0], StringComparison.Ordinal);
        }
        // A link must be http(s).
        using (var link = await teacher.PostAsync("/api/resources/items", Upload($"链接 {token}", "School", url: "javascript:alert(1)")))
        {
            Assert.Equal(["url"], (await link.ProblemAsync()).Errors.Keys);
        }
        Assert.Equal(0, await app.AsSystemAsync(sp => sp.GetRequiredService<Qedu.Resources.Data.ResourcesDb>().Items.CountAsync(i => i.Title.Contains(token))));
    }

    [Fact]
    public async Task Chinese_words_are_found_by_pairs_of_characters_in_the_title()
    {
        var district = await AsAsync("res.words", Roles.DistrictAdmin, District);
        var token = Token();
        var id = await AddAsync(district, Upload($"勾股定理的逆定理探究 {token}", "District", url: "https://example.org/lesson", type: "QualityLesson"));
        Assert.DoesNotContain(id, await SearchAsync(district, "勾股定理")); // still pending
        await OkJsonAsync(await (await app.ClientAsync("city.admin")).PostAsJsonAsync($"/api/resources/items/{id}/review", new { approve = true }));

        Assert.Contains(id, await SearchAsync(district, "勾股定理"));
        Assert.Contains(id, await SearchAsync(district, "逆定理 探究"));
        Assert.Contains(id, await SearchAsync(district, $"勾股 {token.ToLowerInvariant()}"));
        // Every pair must be there: 定理勾股 needs 理勾, which no title has.
        Assert.DoesNotContain(id, await SearchAsync(district, "定理勾股"));
        Assert.DoesNotContain(id, await SearchAsync(district, "勾股定律"));
        // Following the link is counted.
        using var open = await district.GetAsync($"/api/resources/items/{id}/open");
        Assert.Equal("https://example.org/lesson", open.Headers.Location?.ToString());
        Assert.Equal(1, (await OkJsonAsync(await district.GetAsync($"/api/resources/items/{id}"))).GetProperty("item").GetProperty("opens").GetInt32());
    }

    private Task<(decimal Paired, decimal Held, decimal Rural)> CoverageAsync() => app.AsSystemAsync(async sp =>
    {
        var unit = (await sp.GetRequiredService<OrgTree>().FindAsync(District))!;
        var computed = await sp.GetRequiredService<Qedu.Indicators.Computation.IndicatorComputation>().ComputeAsync(
            CityDate.Today(TimeProvider.System).Year.ToString(CultureInfo.InvariantCulture), store: false, default);
        var paired = computed.Values.SingleOrDefault(v => v.OrgUnitId == unit.Id && v.IndicatorCode == "rural-pairing-coverage");
        var held = computed.Values.SingleOrDefault(v => v.OrgUnitId == unit.Id && v.IndicatorCode == "sync-classroom-coverage");
        Assert.Equal(paired?.Denominator, held?.Denominator);
        return (paired?.Numerator ?? 0, held?.Numerator ?? 0, held?.Denominator ?? 0);
    });

    private Task<string> NewSchoolAsync(string urbanRural) => app.AsSystemAsync(async sp =>
    {
        var tree = sp.GetRequiredService<OrgTree>();
        var district = (await tree.FindAsync(District))!;
        var code = "2137" + Random.Shared.Next(900_000, 999_999).ToString(CultureInfo.InvariantCulture);
        await tree.AddAsync(new OrgUnit
        {
            Code = code, Name = $"测试{(urbanRural == "111" ? "城区" : "乡村")}小学{code[^4..]}", Kind = OrgUnitKind.School, ParentId = district.Id,
            DivisionCode = District, SchoolTypeCode = "211", OwnershipCode = "21", UrbanRuralCode = urbanRural,
        });
        return code;
    });

    [Fact]
    public async Task A_pairing_with_a_held_sync_lesson_is_the_rural_schools_coverage_fact()
    {
        var before = await CoverageAsync();
        var urban = await NewSchoolAsync("111");
        var rural = await NewSchoolAsync("220");
        var afterSchools = await CoverageAsync();
        Assert.Equal((before.Paired, before.Held, before.Rural + 1), afterSchools);

        var district = await AsAsync("res.pair", Roles.DistrictAdmin, District);
        var other = await AsAsync("res.pair-other", Roles.DistrictAdmin, Other);
        var today = CityDate.Today(TimeProvider.System);
        // The sides must be what their urban–rural codes say; another district cannot pair these schools.
        using (var swapped = await district.PostAsJsonAsync("/api/resources/pairings", new { urbanSchool = rural, ruralSchool = urban, startsOn = today.AddDays(-30) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, swapped.StatusCode);
            Assert.Equal(["ruralSchool", "urbanSchool"], (await swapped.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        using (var outside = await other.PostAsJsonAsync("/api/resources/pairings", new { urbanSchool = urban, ruralSchool = rural, startsOn = today.AddDays(-30) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
            Assert.Contains("ruralSchool", (await outside.ProblemAsync()).Errors.Keys);
        }
        var pairing = (await OkJsonAsync(await district.PostAsJsonAsync("/api/resources/pairings", new { urbanSchool = urban, ruralSchool = rural, startsOn = today.AddDays(-30) })))
            .GetProperty("id").GetInt64();
        Assert.Equal((before.Paired + 1, before.Held, before.Rural + 1), await CoverageAsync());

        var slot = (await OkJsonAsync(await district.PostAsJsonAsync($"/api/resources/pairings/{pairing}/slots", new
        {
            subject = "数学", teacher = "张老师", urbanClass = "四年级1班", ruralClass = "四年级1班", weekday = 2, startsAt = "09:00", minutes = 40,
        }))).GetProperty("id").GetInt64();
        // A session not held is recorded but covers nothing; attendance cannot exceed the class.
        await OkJsonAsync(await district.PostAsJsonAsync($"/api/resources/pairings/{pairing}/sessions", new { on = today, slot, held = false, enrolled = 30, present = 0, note = "停电" }));
        Assert.Equal((before.Paired + 1, before.Held, before.Rural + 1), await CoverageAsync());
        using (var bad = await district.PostAsJsonAsync($"/api/resources/pairings/{pairing}/sessions", new { on = today, slot, held = true, topic = "分数的意义", enrolled = 30, present = 31 }))
        {
            Assert.Equal(["present"], (await bad.ProblemAsync()).Errors.Keys);
        }
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(other.PostAsJsonAsync($"/api/resources/pairings/{pairing}/sessions", new { on = today, slot, held = true, topic = "x", enrolled = 30, present = 28 })));
        await OkJsonAsync(await district.PostAsJsonAsync($"/api/resources/pairings/{pairing}/sessions", new { on = today, slot, held = true, topic = "分数的意义", enrolled = 30, present = 28 }));
        Assert.Equal((before.Paired + 1, before.Held + 1, before.Rural + 1), await CoverageAsync());

        // The pairing with its timetable and sessions: the district's and the urban school's view; not the other district's.
        var list = await OkJsonAsync(await district.GetAsync("/api/resources/pairings"));
        var line = list.GetProperty("pairings").EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == pairing);
        Assert.Equal((1, 2, 1, true), (line.GetProperty("slots").GetArrayLength(), line.GetProperty("sessions").GetArrayLength(), line.GetProperty("heldThisYear").GetInt32(),
            line.GetProperty("canManage").GetBoolean()));
        var urbanSide = await OkJsonAsync(await (await AsAsync("res.urban", Roles.SchoolAdmin, urban)).GetAsync("/api/resources/pairings"));
        Assert.False(urbanSide.GetProperty("pairings").EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == pairing).GetProperty("canManage").GetBoolean());
        Assert.DoesNotContain((await OkJsonAsync(await other.GetAsync("/api/resources/pairings"))).GetProperty("pairings").EnumerateArray(), p => p.GetProperty("id").GetInt64() == pairing);
        var page = await (await district.GetAsync("/resources/pairings")).Content.ReadAsStringAsync();
        Assert.Contains($"data-id=\"{pairing}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_library_pages_show_what_the_api_does()
    {
        var district = await AsAsync("res.pages", Roles.DistrictAdmin, District);
        var token = Token();
        var id = await AddAsync(district, Upload($"海洋校本课程 {token}", "District", type: "SchoolCourse"));
        var review = await (await app.ClientAsync("city.admin")).GetStringAsync("/resources/review");
        Assert.DoesNotContain($"data-id=\"{id}\"", review, StringComparison.Ordinal); // the district's own reach: the district reviews it
        var reviewer = await AsAsync("res.pages2", Roles.DistrictAdmin, District);
        Assert.Contains($"data-id=\"{id}\"", await reviewer.GetStringAsync("/resources/review"), StringComparison.Ordinal);
        // Published from the review page's own form, as a browser posts it.
        using (var reviewed = await PageForms.SubmitAsync(reviewer, "/resources/review", $"review-{id}", new Dictionary<string, string> { ["id"] = $"{id}", ["approve"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        }
        Assert.Equal("Published", (await OkJsonAsync(await district.GetAsync($"/api/resources/items/{id}"))).GetProperty("item").GetProperty("state").GetString());
        var search = await district.GetStringAsync($"/resources?q={token}");
        Assert.Contains($"data-id=\"{id}\"", search, StringComparison.Ordinal);
        Assert.Contains("校本课程", search, StringComparison.Ordinal);
        var item = await district.GetStringAsync($"/resources/items/{id}");
        Assert.Contains($"/api/resources/items/{id}/file", item, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"rate-form\"", item, StringComparison.Ordinal);
        using (var rated = await PageForms.SubmitAsync(district, $"/resources/items/{id}", "rate", new Dictionary<string, string> { ["stars"] = "4" }))
        {
            Assert.Contains("4.0 (1)", await rated.TextAsync(), StringComparison.Ordinal);
        }
    }
}
