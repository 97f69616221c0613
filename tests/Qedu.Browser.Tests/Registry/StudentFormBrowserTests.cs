using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Registry;

/// <summary>
/// A school's registrar (学籍管理员: the demo school administrator, who holds registry.write and pii.view over the school)
/// adds and edits students through the pages, as a person would. What the database holds afterwards, masked editing and
/// stale forms are StudentFormPageTests' (over HTTP).
/// </summary>
public sealed class StudentFormBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_registrar_adds_a_student_with_a_guardian_on_a_phone_after_a_bad_resident_id_is_pointed_out() => RunAsync(async page =>
    {
        var (residentId, gender) = NewResidentId();
        var name = "浏览器新生" + residentId[^4..];
        await SignInAsync(page, "school.admin");
        await page.GotoAsync("/registry/students");
        await page.GetByTestId("add-student").ClickAsync();

        // The registrar's own school, without naming it.
        await Expect(page).ToHaveURLAsync(new Regex("/registry/students/new$"));
        await Expect(page.GetByTestId("form-school")).ToHaveTextAsync("青岛市市南区实验小学");
        await page.GetByTestId("field-studentNumber").FillAsync("G" + residentId);
        await page.GetByTestId("field-name").FillAsync(name);
        await page.GetByTestId("field-gender").SelectOptionAsync(gender);
        // One digit off: the check digit no longer fits.
        await page.GetByTestId("field-residentId").FillAsync(residentId[..^1] + (residentId[^1] == '1' ? '2' : '1'));
        await page.GetByTestId("field-class").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByTestId("guardian1-name").FillAsync("浏览器家长");
        await page.GetByTestId("guardian1-relation").SelectOptionAsync("12");
        await page.GetByTestId("guardian1-phone").FillAsync("13912345678");
        await page.GetByTestId("save-student").ClickAsync();

        // The message sits with the resident ID, inside its label; what was typed is still there.
        var idLabel = page.Locator("label", new() { Has = page.GetByTestId("field-residentId") });
        await Expect(idLabel.Locator(".field-error")).ToContainTextAsync("校验位");
        await Expect(page.GetByTestId("form-message")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("field-name")).ToHaveValueAsync(name);
        await Expect(page.GetByTestId("guardian1-phone")).ToHaveValueAsync("13912345678");
        // Single column on a phone: the fields stack, none sits beside another.
        var nameBox = await page.GetByTestId("field-name").BoundingBoxAsync();
        var genderBox = await page.GetByTestId("field-gender").BoundingBoxAsync();
        Assert.True(genderBox!.Y > nameBox!.Y + nameBox.Height, "the gender field should sit below the name on a phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the form should not scroll sideways");

        await page.GetByTestId("field-residentId").FillAsync(residentId);
        await page.GetByTestId("save-student").ClickAsync();

        // Saved once: the first, refused attempt wrote nothing (its 学籍号 would now be a duplicate).
        await Expect(page).ToHaveURLAsync(new Regex("/registry/students/[0-9]+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("student-facts").GetByTestId("resident-id")).ToHaveTextAsync(residentId);
        await Expect(page.GetByTestId("guardians")).ToContainTextAsync("浏览器家长");
        await Expect(page.GetByTestId("guardians")).ToContainTextAsync("母亲");
        await Expect(page.GetByTestId("guardian-phone")).ToHaveTextAsync("13912345678");

        await page.GotoAsync($"/registry/students?q={Uri.EscapeDataString(name)}");
        await Expect(page.GetByTestId("students").Locator("tbody tr")).ToHaveCountAsync(1);
    }, viewport: Phone);

    [Fact]
    public Task A_registrar_changes_a_students_name_and_class() => RunAsync(async page =>
    {
        var (residentId, gender) = NewResidentId();
        await SignInAsync(page, "school.admin");
        await page.GotoAsync("/registry/students/new");
        await page.GetByTestId("field-studentNumber").FillAsync("G" + residentId);
        await page.GetByTestId("field-name").FillAsync("改名前" + residentId[^4..]);
        await page.GetByTestId("field-gender").SelectOptionAsync(gender);
        await page.GetByTestId("field-residentId").FillAsync(residentId);
        await page.GetByTestId("field-class").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByTestId("save-student").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/registry/students/[0-9]+$"));

        await page.GetByTestId("edit-student").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/registry/students/[0-9]+/edit$"));
        await Expect(page.GetByTestId("field-residentId")).ToHaveValueAsync(residentId);
        var renamed = "改名后" + residentId[^4..];
        await page.GetByTestId("field-name").FillAsync(renamed);
        var classes = page.GetByTestId("field-class");
        await classes.SelectOptionAsync(new SelectOptionValue { Index = 2 });
        var chosen = await classes.Locator("option:checked").InnerTextAsync();
        await page.GetByTestId("save-student").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/registry/students/[0-9]+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(renamed);
        await Expect(page.GetByTestId("student-facts")).ToContainTextAsync(chosen[..chosen.IndexOf(" (", StringComparison.Ordinal)]);
        // The move of class is history: the first class's stretch closed, the new one open.
        await Expect(page.GetByTestId("enrolments").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("enrolments")).ToContainTextAsync("转班级");
    });

    /// <summary>A GB 11643 resident ID no demo student has (born 2016 in 市南区), and the gender code its sequence digit gives.</summary>
    private static (string Id, string Gender) NewResidentId()
    {
        var birth = new DateOnly(2016, 1, 1).AddDays(Random.Shared.Next(365));
        var sequence = Random.Shared.Next(900, 1000); // above what the demo seed hands out for a day
        return (Qedu.Kernel.Codes.ResidentId.Compose("370202", birth, sequence), sequence % 2 == 1 ? "1" : "2");
    }
}
