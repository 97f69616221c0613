using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Writes;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.StudentServices;

/// <summary>
/// A transfer across districts, each person on their own device: a guardian on a phone (390 px) finds it in the public
/// service guide, signs in from its link and asks for it (the kind chosen already); the sending
/// school, the receiving school (choosing the class), the sending district and the receiving district accept on their
/// pages; the guardian sees it completed and rates it, and the registry has the student at the new school with the
/// history intact.
/// </summary>
public sealed partial class StatusChangeBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_guardian_asks_for_a_transfer_across_districts_and_four_units_accept_it_on_their_pages() => RunAsync(async page =>
    {
        var phone = "136" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var world = await SetUpAsync(phone);

        // The guardian finds the service in the public guide on the phone (no sign-in), then signs in from its link and asks.
        await page.GotoAsync("/service-guide");
        await page.GetByTestId("q").FillAsync("转学");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("guide-items").GetByTestId("guide-item")).ToHaveCountAsync(3); // within the city, out of it, into it
        await AssertFitsAsync(page, "the public service guide");
        await page.GetByRole(AriaRole.Link, new() { Name = "转学（本市学校之间）" }).ClickAsync();
        await Expect(page.GetByTestId("materials").GetByTestId("held")).Not.ToHaveCountAsync(0);
        await AssertFitsAsync(page, "an item's guide");
        await page.GetByTestId("do-online").ClickAsync();
        await EnterParentCodeAsync(page, phone);
        await Expect(page.GetByTestId("children")).ToContainTextAsync("浏览器同学");
        await Expect(page.GetByTestId("asking-for")).ToContainTextAsync("转学");
        await AssertFitsAsync(page, "the guardian's services page");
        await page.GetByTestId("children").GetByTestId("apply").ClickAsync();
        await AssertFitsAsync(page, "the application form");
        await Expect(page.GetByTestId("kind")).ToHaveValueAsync("Transfer");
        await page.GetByTestId("to-school").SelectOptionAsync(world.FarSchoolId.ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("reason").FillAsync("随父母工作调动");
        await page.GetByTestId("submit").ClickAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("办理中");
        await AssertFitsAsync(page, "the change's page");
        var id = long.Parse(ChangeUrl().Match(page.Url).Groups["id"].Value, CultureInfo.InvariantCulture);

        // Four units accept, in turn, each signed in on its own device; the receiving school chooses the class.
        foreach (var (account, chooseClass) in new[] { (world.Sending, false), (world.Receiving, true), (world.SendingDistrict, false), (world.ReceivingDistrict, false) })
        {
            await using var device = await Host.Browser.NewContextAsync(new() { BaseURL = Host.BaseAddress.ToString() });
            var reviewer = await device.NewPageAsync();
            await SignInAsync(reviewer, account);
            await reviewer.GotoAsync("/services/changes");
            await reviewer.GetByTestId("changes").GetByRole(AriaRole.Link, new() { Name = await NumberAsync(id) }).ClickAsync();
            if (chooseClass)
            {
                await reviewer.GetByTestId("class").SelectOptionAsync(world.FarClassId.ToString(CultureInfo.InvariantCulture));
            }
            await reviewer.GetByTestId("accept").ClickAsync();
            await Expect(reviewer.GetByTestId("decide")).ToHaveCountAsync(0);
        }

        await page.ReloadAsync();
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("已办结");
        await Expect(page.GetByTestId("to-school")).ToHaveTextAsync(world.FarSchoolName);

        // 好差评: two stars with a reason; the district of the old school is named to answer within 5 working days.
        await page.GetByTestId("star-2").CheckAsync();
        await page.GetByTestId("comment").FillAsync("等待时间较长");
        await AssertFitsAsync(page, "the rating form");
        await page.GetByTestId("send-rating").ClickAsync();
        await Expect(page.GetByTestId("stars")).ToHaveTextAsync("2 / 5");
        await Expect(page.GetByTestId("rating-answer")).ToContainTextAsync("市南区");
        await Expect(page.GetByTestId("rate")).ToHaveCountAsync(0);

        var (school, classId, history) = await Host.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            var student = await db.Students.AsNoTracking().SingleAsync(s => s.Id == world.StudentId);
            var stretches = await db.Enrolments.AsNoTracking().Where(e => e.StudentId == world.StudentId).OrderBy(e => e.Id).ToListAsync();
            return (student.OrgUnitId, student.ClassId, stretches);
        });
        Assert.Equal((world.FarSchoolId, (long?)world.FarClassId), (school, classId));
        Assert.Equal(2, history.Count);
        Assert.Equal((world.FromSchoolId, "21", new DateOnly(2024, 9, 1)), (history[0].OrgUnitId, history[0].ExitReasonCode, history[0].From));
        Assert.Equal((world.FarSchoolId, "22", (DateOnly?)null), (history[1].OrgUnitId, history[1].EntryReasonCode, history[1].To));
    }, viewport: Phone);

    private sealed record World(long StudentId, int FromSchoolId, int FarSchoolId, string FarSchoolName, long FarClassId,
        string Sending, string Receiving, string SendingDistrict, string ReceivingDistrict);

    /// <summary>A student at a 市南区 primary school whose guardian has <paramref name="phone"/>, a class at a school of another district, and an account for each unit of the route.</summary>
    private async Task<World> SetUpAsync(string phone)
    {
        var (studentId, from, fromCode, far, farCode, farName, farClass, fromDistrict, farDistrict) = await Host.AsSystemAsync(async sp =>
        {
            var tree = sp.GetRequiredService<OrgTree>();
            var shinan = (await tree.FindAsync("370202"))!;
            var fromSchool = (await tree.OfKindAsync([OrgUnitKind.School], shinan.Id)).Where(s => s.SchoolTypeCode == "211").OrderBy(s => s.Code).First();
            var city = (await tree.FindAsync("370200"))!;
            OrgUnit? farSchool = null, farDistrictUnit = null;
            foreach (var d in (await tree.OfKindAsync([OrgUnitKind.District], city.Id)).Where(d => d.Id != shinan.Id).OrderBy(d => d.Code))
            {
                farSchool = (await tree.OfKindAsync([OrgUnitKind.School], d.Id)).OrderBy(s => s.Code).FirstOrDefault();
                if (farSchool is not null)
                {
                    farDistrictUnit = d;
                    break;
                }
            }
            var db = sp.GetRequiredService<RegistryDb>();
            var code = "B" + Guid.NewGuid().ToString("N")[..10];
            var schoolClass = new SchoolClass { OrgUnitId = farSchool!.Id, Code = code, Name = "浏览器班 " + code, GradeCode = "P3", EntryYear = 2024 };
            db.Classes.Add(schoolClass);
            await db.SaveChangesAsync();
            var student = new Student
            {
                OrgUnitId = fromSchool.Id, StudentNumber = "B" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(), Name = "浏览器同学",
                GenderCode = "1", BirthDate = new DateOnly(2017, 5, 1), StatusCode = "01",
            };
            await new StudentCommands(db, sp.GetRequiredService<CodeBook>())
                .CreateAsync(student, [new Guardian { Name = "浏览器家长", RelationCode = "12", Phone = phone }], new DateOnly(2024, 9, 1));
            return (student.Id, fromSchool.Id, fromSchool.Code, farSchool.Id, farSchool.Code, farSchool.Name, schoolClass.Id, shinan.Code, farDistrictUnit!.Code);
        });
        async Task<string> AccountAsync(string role, string scope)
        {
            var name = $"xj.{Guid.NewGuid():N}"[..12];
            await Host.CreateAccountAsync(name, role, scope);
            return name;
        }
        return new World(studentId, from, far, farName, farClass,
            await AccountAsync(Roles.SchoolAdmin, fromCode), await AccountAsync(Roles.SchoolAdmin, farCode),
            await AccountAsync(Roles.DistrictAdmin, fromDistrict), await AccountAsync(Roles.DistrictAdmin, farDistrict));
    }

    private Task<string> NumberAsync(long id) => Host.AsSystemAsync(sp =>
        sp.GetRequiredService<Qedu.StudentServices.Data.StudentServicesDb>().Changes.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());

    [GeneratedRegex(@"/parent/services/(?<id>\d+)")]
    private static partial Regex ChangeUrl();
}
