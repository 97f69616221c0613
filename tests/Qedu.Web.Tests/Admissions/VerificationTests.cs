using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Features.Review;
using Qedu.Admissions.Features.Verification;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;
using Qedu.Kernel.Web;
using Qedu.Testing;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>
/// The agencies' exchange files: a 户籍 file verifies a home it names and flags one elsewhere; the insurance months of
/// human resources replace the stated ones in the points; a file with one bad row (or in GB18030) is refused whole
/// (or read); only the managers of the season's bureau import; the page names a bad row in the officer's language.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class VerificationTests(WebApp app)
{
    private static readonly string HukouHeader = "身份证号,姓名,户籍地址";

    [Fact]
    public async Task A_hukou_file_verifies_the_home_it_names_and_flags_one_elsewhere()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var (matching, matchingId) = await SubmittedAsync(world, new DateOnly(2019, 10, 3));
        var (elsewhere, elsewhereId) = await SubmittedAsync(world, new DateOnly(2019, 12, 9));
        var draftId = AdmissionsWorld.Child(new DateOnly(2020, 1, 5));
        await world.AsParentAsync(Guid.NewGuid(), (p, _) => p.SaveAsync(null, world.Form(draftId)));
        var stranger = AdmissionsWorld.Child(new DateOnly(2020, 4, 1));
        var csv = $"{HukouHeader}\n{matchingId},张小明,青岛市市南区 测试花园3号楼2单元101\n{elsewhereId},张小明,青岛市崂山区海尔路1号\n{draftId},张小明,测试花园\n{stranger},李四,测试花园\n";

        var outcome = await ImportAsync(world, VerificationKind.Hukou, Encoding.UTF8.GetBytes(csv));

        Assert.True(outcome.IsOk, outcome.Message);
        var import = outcome.Value!.Import!;
        Assert.Empty(outcome.Value.Problems);
        Assert.Equal((4, 1, 1, 2), (import.Rows, import.Verified, import.Mismatched, import.NotFound)); // a draft is not checked
        Assert.Equal("shinan.enrolment", import.ImportedBy);
        var (applications, events) = await StateAsync(world);
        Assert.Equal(FactCheck.Verified, applications[matching].HukouCheck);
        Assert.Equal(FactCheck.Mismatch, applications[elsewhere].HukouCheck);
        Assert.Equal(FactCheck.Unchecked, applications[matching].PropertyCheck);
        Assert.All(applications.Values.Where(a => a.Status == ApplicationStatus.Draft), a => Assert.Equal(FactCheck.Unchecked, a.HukouCheck));
        Assert.Contains(events, e => e.ApplicationId == matching && e.Kind == "verified");
        Assert.Contains(events, e => e.ApplicationId == elsewhere && e.Kind == "flagged");
        Assert.True(await app.AsSystemAsync(sp => sp.GetRequiredService<IFileStore>().ExistsAsync(import.FileHash)));

        // The queue's filter shows only the flagged one, with its badge; the application page lists each fact's check.
        var flagged = await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.QueueAsync(world.SeasonId, null, null, false, 100, mismatchOnly: true));
        Assert.Equal(new[] { elsewhere }, flagged.Select(r => r.Id));
        Assert.Equal(FactCheck.Mismatch, flagged[0].Check);

        // The same file again changes nothing: no second event.
        Assert.True((await ImportAsync(world, VerificationKind.Hukou, Encoding.UTF8.GetBytes(csv))).IsOk);
        Assert.Single((await StateAsync(world)).Events, e => e.ApplicationId == matching && e.Kind == "verified");
    }

    [Theory]
    [InlineData("测试花园", null, null, "市南区测试 花园1号楼", true)]
    [InlineData(null, "香港中路", 11, "青岛市香港中路１１号", true)]
    [InlineData(null, "香港中路", 11, "青岛市香港中路111号", false)]
    [InlineData(null, "香港中路", 11, "青岛市南京路11号", false)]
    [InlineData("测试花园", null, null, "海信花园", false)]
    public void An_address_names_the_home_by_compound_or_by_street_and_door_number(string? compound, string? street, int? number, string address, bool names) =>
        Assert.Equal(names, ExchangeFile.NamesHome(address, new Application { HomeCompound = compound, HomeStreet = street, HomeNumber = number }));

    [Fact]
    public async Task Insurance_months_from_the_agency_replace_the_stated_ones_in_the_points()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var residentId = AdmissionsWorld.Child(new DateOnly(2019, 11, 11));
        var form = world.Form(residentId);
        (form.HukouAtHome, form.PropertyAtHome, form.HasResidencePermit, form.ResidencePermitYears, form.InsuranceMonths) = (false, false, true, "2", "50");
        var parent = Guid.NewGuid();
        var id = (await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, form))).Value;
        Assert.True((await world.AsParentAsync(parent, (p, _) => p.SubmitAsync(id))).IsOk);
        Assert.Equal(25m, (await StateAsync(world)).Applications[id].Points); // 50 stated months × 0.5

        var outcome = await ImportAsync(world, VerificationKind.Insurance, Encoding.UTF8.GetBytes($"身份证号,姓名,缴费月数\r\n{residentId},张小明,24\r\n"));

        Assert.True(outcome.IsOk, outcome.Message);
        Assert.Equal(1, outcome.Value!.Import!.Mismatched);
        var a = (await StateAsync(world)).Applications[id];
        Assert.Equal((FactCheck.Mismatch, 24, 50, 12m), (a.InsuranceCheck, a.AgencyInsuranceMonths, a.InsuranceMonths, a.Points));
        var view = await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.FindAsync(id));
        Assert.Contains(view!.CategoryHow, line => line.Contains("社保 24 个月（人社核验）", StringComparison.Ordinal) && line.Contains("= 12 分", StringComparison.Ordinal));
        var family = await world.AsParentAsync(parent, (p, _) => p.FindAsync(id));
        Assert.Contains(family!.CategoryHow, line => line.Contains("人社核验", StringComparison.Ordinal));

        // Returned for correction and saved again with the same 50 months: the agency's 24 still count.
        Assert.True((await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.DecideAsync(id, ReviewDecision.Return, "请核对社保月数"))).IsOk);
        Assert.True((await world.AsParentAsync(parent, (p, _) => p.SaveAsync(id, form))).IsOk);
        Assert.Equal(12m, (await StateAsync(world)).Applications[id].Points);
    }

    [Fact]
    public async Task A_file_with_a_bad_row_is_refused_whole_naming_row_and_column_and_nothing_is_written()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var (id, residentId) = await SubmittedAsync(world, new DateOnly(2019, 10, 20));
        var bad = BadChecksum(AdmissionsWorld.Child(new DateOnly(2019, 10, 21)));
        var csv = $"{HukouHeader}\n{residentId},张小明,测试花园\n{bad},王五,测试花园\n";

        var outcome = await ImportAsync(world, VerificationKind.Hukou, Encoding.UTF8.GetBytes(csv));

        Assert.True(outcome.IsOk, outcome.Message);
        Assert.Null(outcome.Value!.Import);
        var problem = Assert.Single(outcome.Value.Problems);
        Assert.Equal((3, "身份证号"), (problem.Row, problem.Column));
        var (applications, events) = await StateAsync(world);
        Assert.Equal(FactCheck.Unchecked, applications[id].HukouCheck);
        Assert.Null(applications[id].CheckedAt);
        Assert.DoesNotContain(events, e => e.Kind is "verified" or "flagged");
        Assert.Equal(0, await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().VerificationImports.CountAsync(i => i.SeasonId == world.SeasonId)));

        // A missing column and a month count that is no number are named as well.
        var months = await ImportAsync(world, VerificationKind.Insurance, Encoding.UTF8.GetBytes($"身份证号,姓名,缴费月数\n{residentId},张小明,十二\n"));
        Assert.Equal((2, "缴费月数"), (months.Value!.Problems.Single().Row, months.Value.Problems.Single().Column));
        var header = await ImportAsync(world, VerificationKind.Property, Encoding.UTF8.GetBytes($"身份证号,姓名,房产地址\n{residentId},张伟,测试花园\n"));
        Assert.Equal("产权人", header.Value!.Problems.Single().Column);
    }

    [Fact]
    public async Task A_GB18030_file_with_a_BOM_free_header_is_read()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var (id, residentId) = await SubmittedAsync(world, new DateOnly(2020, 5, 5));
        var bytes = TextEncodings.Gb18030.GetBytes($"身份证号,产权人,房产地址\r\n{residentId},张伟,青岛市市南区测试花园5号楼\r\n");
        Assert.Throws<DecoderFallbackException>(() => TextEncodings.StrictUtf8.GetString(bytes)); // really not UTF-8

        var outcome = await ImportAsync(world, VerificationKind.Property, bytes);

        Assert.True(outcome.IsOk, outcome.Message);
        Assert.Equal(1, outcome.Value!.Import!.Verified);
        Assert.Equal(FactCheck.Verified, (await StateAsync(world)).Applications[id].PropertyCheck);
    }

    [Fact]
    public async Task Only_admissions_managers_over_the_seasons_bureau_import()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var (id, residentId) = await SubmittedAsync(world, new DateOnly(2019, 9, 30));
        var csv = Encoding.UTF8.GetBytes($"{HukouHeader}\n{residentId},张小明,测试花园\n");
        var school = AccessContext.ForUser(Guid.NewGuid(), "school", [new Grant(world.ZoneSchoolId, "school",
            new HashSet<string> { Permissions.OrgRead, Permissions.AdmissionsReview }, Roles.SchoolAdmin)]);
        int shibei = await app.KernelAsync(k => k.OrgUnits.Where(o => o.Code == TestWorld.Shibei).Select(o => o.Id).SingleAsync());
        var otherDistrict = AccessContext.ForUser(Guid.NewGuid(), "shibei", [new Grant(shibei, TestWorld.Shibei,
            new HashSet<string> { Permissions.OrgRead, Permissions.AdmissionsManage, Permissions.AdmissionsReview }, Roles.DistrictAdmin)]);

        foreach (var caller in new[] { school, otherDistrict })
        {
            var refused = await world.RunAsync(caller, sp => Import(sp, world).ImportAsync(world.SeasonId, VerificationKind.Hukou, "hukou.csv", csv));
            Assert.Equal(OutcomeKind.Forbidden, refused.Kind);
        }
        Assert.Equal(FactCheck.Unchecked, (await StateAsync(world)).Applications[id].HukouCheck);

        // Over HTTP: a school administrator (admissions.review only) is refused the page and its post; another district's
        // administrator meets the season as absent, as on the allocation page.
        var schoolAdmin = await app.ClientAsync("school.admin");
        using (var page = await schoolAdmin.GetAsync($"/admissions/seasons/{world.SeasonId}/verification"))
        {
            Assert.Equal("/access-denied", page.RedirectPath());
        }
        // With a token of a page they may open, so the refusal is the permission's, not the antiforgery check's.
        var (token, _) = await QeduApp.FormAsync(schoolAdmin, $"/admissions/applications/{id}");
        using (var post = await schoolAdmin.PostAsync($"/admissions/seasons/{world.SeasonId}/verification", Upload(token, "Hukou", csv)))
        {
            Assert.Equal("/access-denied", post.RedirectPath());
        }
        using (var denied = await schoolAdmin.GetAsync("/access-denied"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        var shibeiAdmin = await app.SignInAsync(await app.NewAccountAsync("shibei.enrol", Roles.DistrictAdmin, TestWorld.Shibei));
        using (var other = await shibeiAdmin.GetAsync($"/admissions/seasons/{world.SeasonId}/verification"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }
        Assert.Equal(FactCheck.Unchecked, (await StateAsync(world)).Applications[id].HukouCheck);
    }

    [Theory]
    [InlineData(false, "第 3 行“身份证号”列", "校验位", "文件未导入")]
    [InlineData(true, "Row 3, column 身份证号", "check character", "nothing was changed")]
    public async Task The_page_lists_a_bad_row_in_the_officers_language_and_then_imports_the_corrected_file(bool english, string row, string why, string refused)
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var (id, residentId) = await SubmittedAsync(world, new DateOnly(2020, 6, 6));
        var client = await app.SignInAsync(await app.NewAccountAsync("shinan.enrol", Roles.DistrictAdmin, TestWorld.Shinan));
        if (english)
        {
            using var _ = await client.GetAsync("/culture?c=en&returnUrl=%2Fadmissions");
        }
        var path = $"/admissions/seasons/{world.SeasonId}/verification";
        using (var season = await client.GetAsync($"/admissions/seasons/{world.SeasonId}"))
        {
            Assert.Contains($"href=\"{path}\"", await season.TextAsync(), StringComparison.Ordinal);
        }
        var bad = BadChecksum(AdmissionsWorld.Child(new DateOnly(2020, 6, 7)));
        var (token, _) = await QeduApp.FormAsync(client, path);

        using (var posted = await client.PostAsync(path, Upload(token, "Hukou", Encoding.UTF8.GetBytes($"{HukouHeader}\n{residentId},张小明,测试花园\n{bad},王五,测试花园\n"))))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            var text = await posted.TextAsync();
            Assert.Contains(row, text, StringComparison.Ordinal);
            Assert.Contains(why, text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(refused, text, StringComparison.Ordinal);
        }
        Assert.Equal(FactCheck.Unchecked, (await StateAsync(world)).Applications[id].HukouCheck);

        using (var accepted = await client.PostAsync(path, Upload(token, "Hukou", Encoding.UTF8.GetBytes($"{HukouHeader}\n{residentId},张小明,测试花园\n"))))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Contains("data-testid=\"verify-done\"", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(FactCheck.Verified, (await StateAsync(world)).Applications[id].HukouCheck);
        using var listed = await client.GetAsync(path);
        Assert.Contains("hukou.csv", await listed.TextAsync(), StringComparison.Ordinal);
        // The reviewer sees the badge; the queue's mismatch filter leaves the verified application out.
        using (var review = await client.GetAsync($"/admissions/applications/{id}"))
        {
            Assert.Contains(english ? ">Verified<" : ">核验一致<", await review.TextAsync(), StringComparison.Ordinal);
        }
        using (var all = await client.GetAsync($"/admissions/seasons/{world.SeasonId}/applications"))
        {
            Assert.Contains($"/admissions/applications/{id}\"", await all.TextAsync(), StringComparison.Ordinal);
        }
        using (var mismatches = await client.GetAsync($"/admissions/seasons/{world.SeasonId}/applications?flag=mismatch"))
        {
            Assert.Equal(HttpStatusCode.OK, mismatches.StatusCode);
            Assert.DoesNotContain($"/admissions/applications/{id}\"", await mismatches.TextAsync(), StringComparison.Ordinal);
        }
    }

    private static MultipartFormDataContent Upload(string token, string kind, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("verify"), "_handler" },
            { new StringContent(kind), "Upload.Kind" },
            { file, "Upload.File", "hukou.csv" },
        };
    }

    private static string BadChecksum(string residentId) => residentId[..17] + (residentId[17] == '0' ? '1' : '0');

    /// <summary>A submitted application of a child born on <paramref name="birth"/> at 测试花园 (户籍 and property stated): its id and the child's resident ID.</summary>
    private static async Task<(long Id, string ResidentId)> SubmittedAsync(AdmissionsWorld world, DateOnly birth)
    {
        var residentId = AdmissionsWorld.Child(birth);
        var parent = Guid.NewGuid();
        var saved = await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, world.Form(residentId)));
        Assert.True(saved.IsOk, saved.Message);
        Assert.True((await world.AsParentAsync(parent, (p, _) => p.SubmitAsync(saved.Value))).IsOk);
        return (saved.Value, residentId);
    }

    private static Task<Outcome<ImportResult>> ImportAsync(AdmissionsWorld world, VerificationKind kind, byte[] content) =>
        world.AsDistrictAsync(sp => Import(sp, world).ImportAsync(world.SeasonId, kind, $"{kind}.csv".ToLowerInvariant(), content));

    private static ExchangeFileImport Import(IServiceProvider sp, AdmissionsWorld world) =>
        ActivatorUtilities.CreateInstance<ExchangeFileImport>(sp, world.Clock);

    private Task<(Dictionary<long, Application> Applications, List<ApplicationEvent> Events)> StateAsync(AdmissionsWorld world) =>
        app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            var applications = await db.Applications.AsNoTracking().Where(a => a.SeasonId == world.SeasonId).ToDictionaryAsync(a => a.Id);
            var ids = applications.Keys.ToList();
            var events = await db.Events.AsNoTracking().Where(e => ids.Contains(e.ApplicationId)).ToListAsync();
            return (applications, events);
        });
}
