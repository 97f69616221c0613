using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qedu.Family.Features.CreditProviders;
using Qedu.Kernel.Calendar;
using static Microsoft.Playwright.Assertions;

namespace Qedu.Browser.Tests.Family;

/// <summary>
/// The credit bank from a learner's phone (390 px): a provider has banked a 48-hour course (3 credits); the learner opens
/// 学分银行, signs in with a texted code, sees the course and the total, issues a transcript with one tap and gets its
/// code — which the public check then finds valid, the name masked.
/// </summary>
public sealed class LearnerCreditsBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_learner_sees_their_credits_issues_a_transcript_and_its_code_checks_out_on_a_phone()
    {
        // A learner of their own (a fresh number): the demo learner's account is other tests'.
        var learnerPhone = "135" + Random.Shared.Next(0, 99_999_999).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var banked = await Host.AsSystemAsync(async sp => await sp.GetRequiredService<CreditRecords>().RecordAsync(new OutcomeInput(
            "QD-SQDX", learnerPhone, "赵学文", "Course", "COMP-BASIC", "计算机应用基础", 48m, 85m, CityDate.Today(TimeProvider.System).AddDays(-3))));
        Assert.True(banked.IsOk, banked.Message);
        Assert.Equal(3m, banked.Value);

        await RunAsync(async phone =>
        {
            await phone.GotoAsync("/parent/credits");
            await EnterParentCodeAsync(phone, learnerPhone);
            await Expect(phone.GetByTestId("total")).ToHaveTextAsync("赵学文，您累计认定学分 3 分");
            await Expect(phone.GetByTestId("lines")).ToContainTextAsync("计算机应用基础");
            await AssertFitsAsync(phone, "the learner's credits");
            var issue = phone.GetByTestId("issue");
            Assert.True((await issue.BoundingBoxAsync())!.Height >= 44, "the issue button is a thumb's size");
            await issue.ClickAsync();
            var message = phone.GetByTestId("credits-message");
            await Expect(message).ToContainTextAsync("已开具，验证码 ");
            var code = (await message.InnerTextAsync()).Split("验证码 ")[1].TrimEnd('。');
            await Expect(phone.GetByTestId($"transcript-{code}")).ToBeVisibleAsync();

            await phone.GotoAsync("/credits/verify");
            await phone.GetByTestId("code").FillAsync(code);
            await phone.GetByTestId("check").ClickAsync();
            await Expect(phone.GetByTestId("check-result")).ToContainTextAsync("证明有效，内容与开具时一致。");
            await Expect(phone.GetByTestId("check-result")).ToContainTextAsync("赵**");
            await Expect(phone.GetByTestId("check-total")).ToHaveTextAsync("3");
        }, viewport: Phone);
    }
}
