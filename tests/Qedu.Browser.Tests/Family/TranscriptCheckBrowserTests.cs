using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Family;

/// <summary>
/// The credit bank's public check on a phone (390 px), with no sign-in: someone holding a transcript types its code and
/// sees that it is valid, the learner's name masked and the credits; a code no transcript has is said so.
/// </summary>
public sealed class TranscriptCheckBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Anyone_checks_a_transcripts_code_on_a_phone()
    {
        await RunAsync(async phone =>
        {
            await phone.GotoAsync("/credits/verify");
            await AssertFitsAsync(phone, "the check page");
            // The demo learner's transcript (docs/family.md): 张伟, 7.5 credits.
            await phone.GetByTestId("code").FillAsync("demo-2026-qdxf");
            await phone.GetByTestId("check").ClickAsync();
            var result = phone.GetByTestId("check-result");
            await Expect(result).ToContainTextAsync("证明有效，内容与开具时一致。");
            await Expect(result).ToContainTextAsync("张*");
            await Expect(result).Not.ToContainTextAsync("张伟");
            await Expect(phone.GetByTestId("check-total")).ToHaveTextAsync("7.5");
            await AssertFitsAsync(phone, "the check's result");

            await phone.GetByTestId("code").FillAsync("AAAA-BBBB-CCCC");
            await phone.GetByTestId("check").ClickAsync();
            await Expect(phone.GetByTestId("check-result")).ToHaveTextAsync("未找到该验证码对应的学分证明。");
        }, viewport: Phone);
    }
}
