using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Kernel.Codes;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Admissions;

/// <summary>
/// The whole way of one application, each person on their own device: a parent on a phone (390 px) signs in with a
/// code, applies for their child in a season of the test's own, adds a photo of the 户口簿 and submits; the zone
/// school's officer approves it; once the window has closed the district runs the allocation and publishes it; the
/// parent sees the offer with its explanation and accepts it, and finds their line on the public draw page by their
/// draw code. The phone pages never scroll sideways.
/// </summary>
public sealed partial class AdmissionsBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, .. Enumerable.Repeat((byte)9, 300)];

    [Fact]
    public Task A_parent_applies_on_a_phone_a_school_approves_the_district_places_and_the_parent_accepts() => RunAsync(async page =>
    {
        var (seasonId, seasonName) = await CreateSeasonAsync();
        var phone = NewPhone();
        var child = NewChild();

        // The parent signs in with the code the development page shows, and applies in the test's season.
        await SignInParentAsync(page, phone);
        var applicationId = await SaveDraftAsync(page, seasonName, "王小雨", child);

        // Adds a photo, submits.
        await page.GetByTestId("material-file").SetInputFilesAsync(new FilePayload { Name = "户口簿.jpg", MimeType = "image/jpeg", Buffer = Jpeg });
        await page.GetByTestId("upload-material").ClickAsync();
        await Expect(page.GetByTestId("material-message")).ToHaveTextAsync("材料已上传");
        await Expect(page.GetByTestId("materials")).ToContainTextAsync("户口簿.jpg");
        await AssertFitsAsync(page, "the application's page");
        await page.GetByTestId("submit").ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("待审核");

        // The zone school's officer opens it, sees the photo listed, and approves.
        await using (var school = await Host.Browser.NewContextAsync(new() { BaseURL = Host.BaseAddress.ToString() }))
        {
            var officer = await school.NewPageAsync();
            await SignInAsync(officer, "school.admin");
            await officer.GotoAsync($"/admissions/applications/{applicationId}");
            await Expect(officer.GetByTestId("materials")).ToContainTextAsync("户口簿.jpg");
            await Expect(officer.GetByTestId("category-how")).ToContainTextAsync("户籍与房产均在学区");
            await officer.GetByTestId("approve").ClickAsync();
            await Expect(officer.GetByTestId("status")).ToHaveTextAsync("审核通过");
        }

        // The window closes; the district runs the allocation and publishes it.
        await CloseSeasonAsync(seasonId);
        await using (var district = await Host.Browser.NewContextAsync(new() { BaseURL = Host.BaseAddress.ToString() }))
        {
            var manager = await district.NewPageAsync();
            await SignInAsync(manager, "shinan.admin");
            await manager.GotoAsync($"/admissions/seasons/{seasonId}/allocation");
            await manager.GetByTestId("run-allocation").ClickAsync();
            await Expect(manager.GetByTestId("placed")).ToHaveTextAsync("1 / 1");
            // The draw runs once: once drawn, the page offers publishing, never a second run.
            await Expect(manager.GetByTestId("run-allocation")).ToHaveCountAsync(0);
            await Expect(manager.GetByTestId("publish-allocation")).ToBeVisibleAsync();
            await manager.GetByTestId("confirm-publish").CheckAsync();
            await manager.GetByTestId("publish-allocation").ClickAsync();
            await Expect(manager.GetByTestId("run")).ToContainTextAsync("发布");
        }

        // The parent sees the offer with how it was reached, and accepts it.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("已录取");
        await Expect(page.GetByTestId("offer-school")).ToHaveTextAsync("青岛市市南区实验小学");
        await Expect(page.GetByTestId("placement")).ToContainTextAsync("录取");
        await AssertFitsAsync(page, "the offer");
        await page.GetByTestId("accept").ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("已确认入学");

        // The public draw, from the family's code: the commitment and the revealed seed, and their own line.
        var drawCode = (await page.GetByTestId("my-draw-code").InnerTextAsync()).Trim();
        await page.GetByTestId("draw-link").ClickAsync();
        await Expect(page.GetByTestId("commitment")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await Expect(page.GetByTestId("seed")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await Expect(page.GetByTestId("my-line")).ToContainTextAsync(drawCode);
        await Expect(page.GetByTestId("my-school")).ToHaveTextAsync("青岛市市南区实验小学");
        await AssertFitsAsync(page, "the public draw");
    }, viewport: Phone);

    [Fact]
    public Task A_parent_on_a_phone_asks_for_a_review_and_a_second_application_starts_from_the_first() => RunAsync(async page =>
    {
        var (seasonId, seasonName) = await CreateSeasonAsync();
        await SignInParentAsync(page, NewPhone());
        var first = await SaveDraftAsync(page, seasonName, "李小雪", NewChild());
        await page.GetByTestId("submit").ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("待审核");

        // The school refuses it and the results are published: the family may ask for a review (复核) for five days.
        var number = await Host.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            var application = await db.Applications.SingleAsync(a => a.Id == first);
            application.Status = ApplicationStatus.Refused;
            application.ReviewNote = "户籍证明与住址不符";
            application.Revision++;
            var season = await db.Seasons.SingleAsync(s => s.Id == seasonId);
            season.ResultsPublishedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
            return application.Number;
        });
        await page.ReloadAsync();
        await Expect(page.GetByTestId("review-note")).ToHaveTextAsync("户籍证明与住址不符");
        await page.GetByTestId("appeal-form").Locator("summary").ClickAsync();
        await Expect(page.GetByTestId("appeal-by")).ToBeVisibleAsync();
        await AssertFitsAsync(page, "the review form");
        await page.GetByTestId("appeal-form").Locator("textarea[name=AppealReason]").FillAsync("户籍已于上月迁入学区，附派出所证明");
        await page.GetByTestId("ask-appeal").ClickAsync();
        await Expect(page.GetByTestId("appeal-status")).ToHaveTextAsync("复核中");
        await Expect(page.GetByTestId("appeal-reason")).ToHaveTextAsync("户籍已于上月迁入学区，附派出所证明");
        await Expect(page.GetByTestId("appeal-form")).ToHaveCountAsync(0);
        await AssertFitsAsync(page, "the review asked");

        // A second child: the form starts from the family's first application, and says so.
        await page.GotoAsync("/parent/admissions");
        await page.GetByTestId("season").Filter(new() { HasText = seasonName }).GetByTestId("apply").ClickAsync();
        await Expect(page.GetByTestId("prefilled")).ToContainTextAsync(number);
        await Expect(page.GetByTestId("guardian-name")).ToHaveValueAsync("王芳");
        await Expect(page.GetByTestId("home-compound")).ToHaveValueAsync("浏览器花园");
        await Expect(page.GetByTestId("child-name")).ToHaveValueAsync("");
        await AssertFitsAsync(page, "the pre-filled form");
    }, viewport: Phone);

    private static string NewPhone() => "137" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    private static string NewChild() => ResidentId.Compose("370202", new DateOnly(2019, 12, 24), Random.Shared.Next(1, 999));

    /// <summary>Signs a parent in with the code the development page shows; lands on their admissions page.</summary>
    private static async Task SignInParentAsync(IPage page, string phone)
    {
        await page.GotoAsync("/parent/admissions");
        await EnterParentCodeAsync(page, phone);
        await Expect(page).ToHaveURLAsync(ParentAdmissions());
    }

    /// <summary>Fills the form of the season for a child living in its zone (guardian 王芳, 浏览器花园) and saves the draft; its id.</summary>
    private static async Task<long> SaveDraftAsync(IPage page, string seasonName, string childName, string residentId)
    {
        await page.GetByTestId("season").Filter(new() { HasText = seasonName }).GetByTestId("apply").ClickAsync();
        await AssertFitsAsync(page, "the application form");
        await page.GetByTestId("child-name").FillAsync(childName);
        await page.GetByTestId("resident-id").FillAsync(residentId);
        await page.GetByTestId("guardian-name").FillAsync("王芳");
        await page.GetByTestId("home-compound").FillAsync("浏览器花园");
        await page.GetByTestId("hukou").CheckAsync();
        await page.GetByTestId("property").CheckAsync();
        await page.GetByTestId("save-application").ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("草稿");
        return long.Parse(ApplicationUrl().Match(page.Url).Groups["id"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>An open season of 市南区 whose only zone (the anchor school's) holds 浏览器花园, unique by name.</summary>
    private Task<(long Id, string Name)> CreateSeasonAsync() => Host.AsSystemAsync(async sp =>
    {
        var tree = sp.GetRequiredService<OrgTree>();
        var district = (await tree.FindAsync("370202"))!;
        var school = (await tree.FindAsync(DemoCityGenerator.AnchorSchoolCode))!;
        var db = sp.GetRequiredService<AdmissionsDb>();
        var code = $"B{Guid.NewGuid():N}"[..12];
        var now = DateTimeOffset.UtcNow;
        var season = new Season
        {
            OrgUnitId = district.Id, Code = code, Name = $"浏览器测试招生 {code}", Stage = SeasonStage.PrimaryOne, Mechanism = SeasonMechanism.PublicByZone,
            OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(1), BornFrom = new DateOnly(2019, 9, 1), BornTo = new DateOnly(2020, 8, 31),
        };
        db.Seasons.Add(season);
        await db.SaveChangesAsync();
        db.SeasonSchools.Add(new SeasonSchool { SeasonId = season.Id, SchoolId = school.Id, Seats = 40 });
        db.Categories.Add(new SeasonCategory { SeasonId = season.Id, Rank = 1, Code = "hp", NameZh = "户籍与房产均在学区", NameEn = "Both in zone", NeedsHukou = true, NeedsProperty = true });
        db.ZoneLines.Add(new ZoneLine { SeasonId = season.Id, SchoolId = school.Id, Compound = "浏览器花园" });
        await db.SaveChangesAsync();
        return (season.Id, season.Name);
    });

    private Task<int> CloseSeasonAsync(long seasonId) => Host.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<AdmissionsDb>();
        var season = await db.Seasons.SingleAsync(s => s.Id == seasonId);
        season.ClosesAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        return await db.SaveChangesAsync();
    });

    [GeneratedRegex(@"/parent/admissions$")]
    private static partial Regex ParentAdmissions();

    [GeneratedRegex(@"/parent/admissions/(?<id>\d+)")]
    private static partial Regex ApplicationUrl();
}
