using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Data;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Messaging;
using Qedu.Kernel.Secrets;

namespace Qedu.Kernel.Tests.Identity;

/// <summary>A migrated kernel database whose clock the tests move (FakeTimeProvider).</summary>
public sealed class ClockedKernel : IAsyncLifetime
{
    private KernelHost? _host;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero));

    public KernelHost Host => _host ?? throw new InvalidOperationException("Not initialised yet.");

    public DevelopmentSmsOutbox Outbox => Host.Services.GetRequiredService<DevelopmentSmsOutbox>();

    public async Task InitializeAsync() =>
        _host = await KernelHost.CreateSeededAsync(seed: false, configure: s => s.AddSingleton<TimeProvider>(Clock));

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>
/// One-time codes by text message, through the real service, database and development outbox: sent once, single use,
/// five wrong tries, five minutes, once a minute and five an hour per number, the newest code only, stored as a keyed
/// hash, audited without the code, and never sent twice by requests at the same moment.
/// </summary>
public sealed class OneTimeCodeTests(ClockedKernel kernel) : IClassFixture<ClockedKernel>
{
    private const string Purpose = "parent-sign-in";
    private static int _next;

    private static readonly Regex SmsPattern = new(@"^【Qedu】您的验证码是 (\d{6})，5 分钟内有效。如非本人操作，请忽略。$");

    /// <summary>A number no other test uses (the limits are per number, the database and clock are shared).</summary>
    private static string NewPhone() => "139" + Interlocked.Increment(ref _next).ToString("D8", CultureInfo.InvariantCulture);

    private async Task<CodeIssueResult> IssueAsync(string phone, string purpose = Purpose)
    {
        await using var scope = kernel.Host.Scope(AccessContext.Anonymous);
        return await scope.ServiceProvider.GetRequiredService<OneTimeCodes>().IssueAsync(phone, purpose);
    }

    private async Task<CodeCheckResult> VerifyAsync(string phone, string code, string purpose = Purpose)
    {
        await using var scope = kernel.Host.Scope(AccessContext.Anonymous);
        return await scope.ServiceProvider.GetRequiredService<OneTimeCodes>().VerifyAsync(phone, purpose, code);
    }

    /// <summary>The code in the last message the number received (asserting the message's exact wording).</summary>
    private string LastCode(string phone)
    {
        var message = kernel.Outbox.LastTo(phone);
        Assert.NotNull(message);
        var match = SmsPattern.Match(message.Text);
        Assert.True(match.Success, $"Unexpected text: {message.Text}");
        return match.Groups[1].Value;
    }

    private static string Other(string code) =>
        ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    private async Task<List<AuditEntry>> AuditAsync(string maskedPhone)
    {
        await using var scope = kernel.Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityKey == maskedPhone).OrderBy(e => e.Sequence).ToListAsync();
    }

    private static string Masked(string phone) => phone[..3] + "****" + phone[^4..];

    [Fact]
    public async Task A_code_is_sent_once_by_text_and_verifies_once()
    {
        var phone = NewPhone();

        var issued = await IssueAsync($"+86 {phone[..3]} {phone[3..7]} {phone[7..]}");

        Assert.Equal(CodeIssueStatus.Sent, issued.Status);
        Assert.Single(kernel.Outbox.To(phone));
        var code = LastCode(phone);
        var first = await VerifyAsync(phone, code);
        Assert.Equal(CodeCheckStatus.Verified, first.Status);
        var again = await VerifyAsync(phone, code);
        Assert.Equal(CodeCheckStatus.NoCode, again.Status);
        Assert.False(again.IsVerified);
    }

    [Fact]
    public async Task Issue_and_failed_checks_are_audited_with_the_number_masked_and_without_the_code()
    {
        var phone = NewPhone();
        await IssueAsync(phone);
        var code = LastCode(phone);
        await VerifyAsync(phone, Other(code));

        var lines = await AuditAsync(Masked(phone));

        Assert.Equal(["otp.issued", "otp.verify-failed"], lines.Select(l => l.Action));
        Assert.Equal(AuditOutcome.Failed, lines[1].Outcome);
        Assert.All(lines, l => Assert.Contains("purpose=parent-sign-in", l.Details));
        Assert.All(lines, l => Assert.DoesNotContain(code, l.Details + l.EntityKey));
        Assert.All(lines, l => Assert.DoesNotContain(phone, l.Details + l.EntityKey));
    }

    [Fact]
    public async Task Five_wrong_codes_end_the_code_even_if_the_sixth_is_right()
    {
        var phone = NewPhone();
        await IssueAsync(phone);
        var code = LastCode(phone);

        var left = new List<int>();
        for (var i = 0; i < OneTimeCodes.MaxAttempts; i++)
        {
            var wrong = await VerifyAsync(phone, Other(code));
            Assert.Equal(CodeCheckStatus.Wrong, wrong.Status);
            left.Add(wrong.AttemptsLeft);
        }
        var right = await VerifyAsync(phone, code);

        Assert.Equal([4, 3, 2, 1, 0], left);
        Assert.Equal(CodeCheckStatus.NoCode, right.Status);
        Assert.True((await AuditAsync(Masked(phone))).Count(l => l.Action == "otp.verify-failed") >= OneTimeCodes.MaxAttempts);
    }

    [Fact]
    public async Task A_code_works_for_five_minutes_and_not_after()
    {
        var early = NewPhone();
        var late = NewPhone();
        await IssueAsync(early);
        await IssueAsync(late);

        kernel.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var inTime = await VerifyAsync(early, LastCode(early));
        kernel.Clock.Advance(TimeSpan.FromSeconds(1));
        var tooLate = await VerifyAsync(late, LastCode(late));

        Assert.Equal(CodeCheckStatus.Verified, inTime.Status);
        Assert.Equal(CodeCheckStatus.NoCode, tooLate.Status);
    }

    [Fact]
    public async Task One_code_a_minute_per_number_and_the_refusal_says_when_in_Chinese_and_English()
    {
        var phone = NewPhone();
        var start = kernel.Clock.GetUtcNow();
        await IssueAsync(phone);

        kernel.Clock.Advance(TimeSpan.FromSeconds(59));
        var zh = await WithCultureAsync("zh-CN", () => IssueAsync(phone));
        var en = await WithCultureAsync("en", () => IssueAsync(phone, "another-purpose"));
        kernel.Clock.Advance(TimeSpan.FromSeconds(1));
        var later = await IssueAsync(phone);

        var next = start + OneTimeCodes.MinInterval;
        var at = next.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Equal(CodeIssueStatus.TooSoon, zh.Status);
        Assert.Equal(next, zh.NextAllowedAt);
        Assert.Equal($"获取验证码过于频繁，请于 {at}（北京时间）之后再试", zh.Message);
        Assert.Equal(CodeIssueStatus.TooSoon, en.Status);
        Assert.Equal($"Codes were asked for too often; try again after {at} (Beijing time)", en.Message);
        Assert.Equal(CodeIssueStatus.Sent, later.Status);
        Assert.Equal(2, kernel.Outbox.To(phone).Count);
    }

    [Fact]
    public async Task Five_codes_an_hour_per_number_then_a_refusal_naming_when_the_first_leaves_the_hour()
    {
        var phone = NewPhone();
        var first = kernel.Clock.GetUtcNow();
        for (var i = 0; i < OneTimeCodes.PerHour; i++)
        {
            Assert.Equal(CodeIssueStatus.Sent, (await IssueAsync(phone)).Status);
            kernel.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var sixth = await WithCultureAsync("zh-CN", () => IssueAsync(phone));
        kernel.Clock.SetUtcNow(first + TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        var stillSixth = await IssueAsync(phone);
        kernel.Clock.SetUtcNow(first + TimeSpan.FromHours(1));
        var afterHour = await IssueAsync(phone);

        var at = (first + TimeSpan.FromHours(1)).ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Equal(CodeIssueStatus.TooSoon, sixth.Status);
        Assert.Equal(first + TimeSpan.FromHours(1), sixth.NextAllowedAt);
        Assert.Contains(at, sixth.Message);
        Assert.Equal(CodeIssueStatus.TooSoon, stillSixth.Status);
        Assert.Equal(CodeIssueStatus.Sent, afterHour.Status);
        Assert.Equal(OneTimeCodes.PerHour + 1, kernel.Outbox.To(phone).Count);
    }

    [Fact]
    public async Task A_new_code_replaces_the_last_one()
    {
        var phone = NewPhone();
        await IssueAsync(phone);
        var old = LastCode(phone);
        kernel.Clock.Advance(TimeSpan.FromMinutes(1));
        await IssueAsync(phone);
        var current = LastCode(phone);
        Assert.NotEqual(old, current); // one chance in a million of a false failure here, never a false pass

        var withOld = await VerifyAsync(phone, old);
        var withCurrent = await VerifyAsync(phone, current);

        Assert.Equal(CodeCheckStatus.Wrong, withOld.Status);
        Assert.Equal(CodeCheckStatus.Verified, withCurrent.Status);
    }

    [Fact]
    public async Task A_code_for_one_purpose_does_not_verify_another()
    {
        var phone = NewPhone();
        await IssueAsync(phone, "parent-sign-in");

        var other = await VerifyAsync(phone, LastCode(phone), "change-phone");
        var own = await VerifyAsync(phone, LastCode(phone), "parent-sign-in");

        Assert.Equal(CodeCheckStatus.NoCode, other.Status);
        Assert.Equal(CodeCheckStatus.Verified, own.Status);
    }

    [Fact]
    public async Task The_database_holds_a_keyed_hash_of_the_code_not_the_code()
    {
        var phone = NewPhone();
        await IssueAsync(phone);
        var code = LastCode(phone);

        await using var scope = kernel.Host.Scope(AccessContext.System("test"));
        var row = await scope.ServiceProvider.GetRequiredService<KernelDb>().OneTimeCodes.AsNoTracking().SingleAsync(c => c.Phone == phone);
        var key = scope.ServiceProvider.GetRequiredService<SecretKeys>().Get(OneTimeCodes.KeyName);

        Assert.DoesNotContain(code, row.CodeHash);
        Assert.Matches("^[0-9a-f]{64}$", row.CodeHash);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code))), row.CodeHash);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Purpose}\n{phone}\n{code}"))), row.CodeHash);
        Assert.True(File.Exists(Path.Combine(kernel.Host.KeyDirectory, OneTimeCodes.KeyName + ".key")));
    }

    [Fact]
    public async Task Requests_at_the_same_moment_for_one_number_send_one_code()
    {
        var phone = NewPhone();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => IssueAsync(phone))));

        Assert.Equal(1, results.Count(r => r.Status == CodeIssueStatus.Sent));
        Assert.All(results.Where(r => !r.IsSent), r => Assert.Equal(CodeIssueStatus.TooSoon, r.Status));
        Assert.Single(kernel.Outbox.To(phone));
        await using var scope = kernel.Host.Scope(AccessContext.System("test"));
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<KernelDb>().OneTimeCodes.CountAsync(c => c.Phone == phone));
    }

    [Fact]
    public async Task A_number_that_is_not_a_mainland_mobile_is_refused_and_sent_nothing()
    {
        var issued = await WithCultureAsync("zh-CN", () => IssueAsync("12345678901"));

        Assert.Equal(CodeIssueStatus.InvalidPhone, issued.Status);
        Assert.Equal("“12345678901”不是有效的手机号码（11 位，以 13–19 开头）", issued.Message);
        Assert.Empty(kernel.Outbox.To("12345678901"));
    }

    [Fact]
    public async Task Codes_expired_a_day_ago_are_removed_by_the_cleanup_and_by_the_next_code_sent()
    {
        var old = NewPhone();
        await IssueAsync(old);
        kernel.Clock.Advance(TimeSpan.FromDays(1) + OneTimeCodes.Lifetime + TimeSpan.FromSeconds(1));
        var kept = NewPhone();
        await using (var scope = kernel.Host.Scope(AccessContext.System("test")))
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            await db.OneTimeCodes.AddAsync(new OneTimeCode
            {
                Phone = kept, Purpose = Purpose, CodeHash = new string('0', 64),
                IssuedAt = kernel.Clock.GetUtcNow(), ExpiresAt = kernel.Clock.GetUtcNow() + OneTimeCodes.Lifetime,
            });
            await db.SaveChangesAsync();

            var removed = await scope.ServiceProvider.GetRequiredService<OneTimeCodes>().RemoveOldAsync();

            Assert.True(removed >= 1);
            Assert.False(await db.OneTimeCodes.AnyAsync(c => c.Phone == old));
            Assert.False(await db.OneTimeCodePhones.AnyAsync(p => p.Phone == old));
            Assert.True(await db.OneTimeCodes.AnyAsync(c => c.Phone == kept));
        }

        var later = NewPhone();
        await IssueAsync(later);
        kernel.Clock.Advance(TimeSpan.FromDays(1) + OneTimeCodes.Lifetime + TimeSpan.FromSeconds(1));
        await IssueAsync(NewPhone());

        await using var after = kernel.Host.Scope(AccessContext.System("test"));
        var rows = after.ServiceProvider.GetRequiredService<KernelDb>();
        Assert.False(await rows.OneTimeCodes.AnyAsync(c => c.Phone == later));
        Assert.False(await rows.OneTimeCodePhones.AnyAsync(p => p.Phone == later));
    }

    private static async Task<T> WithCultureAsync<T>(string culture, Func<Task<T>> action)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
