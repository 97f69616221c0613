using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Data;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Tests.Identity;

/// <summary>
/// Parents' accounts through the real service, database, codes and development outbox, on a clock the tests move: the
/// first right code makes the number's account, the next sign-in finds it, a disabled account is refused after a right
/// code, a wrong code makes nothing, first sign-ins at the same moment make one account, and sign-out ends sessions.
/// </summary>
public sealed class ParentAccountTests(ClockedKernel kernel) : IClassFixture<ClockedKernel>
{
    private static int _next;
    private static readonly Regex Code = new(@"(?<!\d)\d{6}(?!\d)");

    /// <summary>A number no other test uses (the code limits are per number; database and clock are shared).</summary>
    private static string NewPhone() => "137" + Interlocked.Increment(ref _next).ToString("D8", CultureInfo.InvariantCulture);

    private async Task<T> WithAsync<T>(Func<ParentAccounts, Task<T>> work)
    {
        await using var scope = kernel.Host.Scope(AccessContext.Anonymous);
        return await work(scope.ServiceProvider.GetRequiredService<ParentAccounts>());
    }

    /// <summary>Asks for a code (a minute after the last one, so the once-a-minute limit never interferes) and returns it.</summary>
    private async Task<string> SendCodeAsync(string phone)
    {
        kernel.Clock.Advance(TimeSpan.FromMinutes(1));
        var issued = await WithAsync(a => a.SendCodeAsync(phone));
        Assert.Equal(CodeIssueStatus.Sent, issued.Status);
        return Code.Match(kernel.Outbox.LastTo(phone)!.Text).Value;
    }

    private Task<ParentSignInResult> SignInAsync(string phone, string code) => WithAsync(a => a.SignInAsync(phone, code));

    private async Task<List<ParentAccount>> AccountsAsync(string phone)
    {
        await using var scope = kernel.Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().ParentAccounts.AsNoTracking().Where(a => a.Phone == phone).ToListAsync();
    }

    private async Task<List<AuditEntry>> AuditAsync(Guid account)
    {
        await using var scope = kernel.Host.Scope(AccessContext.System("test"));
        var key = account.ToString();
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityKey == key).OrderBy(e => e.Sequence).ToListAsync();
    }

    [Fact]
    public async Task The_first_right_code_makes_the_numbers_account_and_records_the_sign_in_with_the_number_masked()
    {
        var phone = NewPhone();
        var code = await SendCodeAsync(phone);

        var result = await SignInAsync($"+86 {phone[..3]}-{phone[3..7]}-{phone[7..]}", code);

        Assert.Equal(ParentSignInStatus.SignedIn, result.Status);
        Assert.True(result.Created);
        var account = Assert.Single(await AccountsAsync(phone));
        Assert.Equal(result.Account!.Id, account.Id);
        Assert.Equal(kernel.Clock.GetUtcNow(), account.CreatedAt);
        Assert.Equal(kernel.Clock.GetUtcNow(), account.LastSignInAt);
        Assert.False(account.Disabled);
        var lines = await AuditAsync(account.Id);
        var signIn = Assert.Single(lines, l => l.Action == ParentAccounts.SignInAction);
        Assert.Equal($"phone={phone[..3]}****{phone[^4..]}; new account", signIn.Details);
        Assert.All(lines, l => Assert.DoesNotContain(phone, l.Details + l.EntityKey));
    }

    [Fact]
    public async Task A_second_sign_in_finds_the_same_account()
    {
        var phone = NewPhone();
        var first = await SignInAsync(phone, await SendCodeAsync(phone));
        kernel.Clock.Advance(TimeSpan.FromHours(2));

        var second = await SignInAsync(phone, await SendCodeAsync(phone));

        Assert.Equal(ParentSignInStatus.SignedIn, second.Status);
        Assert.False(second.Created);
        Assert.Equal(first.Account!.Id, second.Account!.Id);
        var account = Assert.Single(await AccountsAsync(phone));
        Assert.Equal(first.Account.CreatedAt, account.CreatedAt);
        Assert.Equal(kernel.Clock.GetUtcNow(), account.LastSignInAt);
        Assert.Equal(2, (await AuditAsync(account.Id)).Count(l => l.Action == ParentAccounts.SignInAction));
    }

    [Fact]
    public async Task A_wrong_code_signs_nobody_in_and_makes_no_account()
    {
        var phone = NewPhone();
        var code = await SendCodeAsync(phone);

        var result = await SignInAsync(phone, code == "000000" ? "111111" : "000000");

        Assert.Equal(ParentSignInStatus.CodeRefused, result.Status);
        Assert.Null(result.Account);
        Assert.Equal("验证码不正确，还可以再试 4 次", result.Message);
        Assert.Empty(await AccountsAsync(phone));
    }

    [Fact]
    public async Task A_disabled_account_is_refused_after_a_right_code_and_its_sessions_end()
    {
        var phone = NewPhone();
        var first = await SignInAsync(phone, await SendCodeAsync(phone));
        Assert.True(await WithAsync(a => a.IsSessionAliveAsync(first.Account!.Id, first.Account.SessionVersion)));

        Assert.True(await WithAsync(a => a.SetDisabledAsync(phone, disabled: true)));
        // Stamped in real time, for the other nodes to forget the sessions they remember.
        Assert.InRange(DateTimeOffset.UtcNow - Assert.Single(await AccountsAsync(phone)).SessionsChangedAt!.Value, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        var refused = await SignInAsync(phone, await SendCodeAsync(phone));

        Assert.Equal(ParentSignInStatus.Disabled, refused.Status);
        Assert.Null(refused.Account);
        Assert.Equal("此账号已停用，请联系所在区（市）教育局", refused.Message);
        Assert.False(await WithAsync(a => a.IsSessionAliveAsync(first.Account!.Id, first.Account.SessionVersion)));
        var lines = await AuditAsync(first.Account!.Id);
        Assert.Contains(lines, l => l.Action == "update" && l.Details!.Contains("Disabled: False → True", StringComparison.Ordinal));
        Assert.Equal(AuditOutcome.Denied, Assert.Single(lines, l => l.Action == ParentAccounts.SignInRefusedAction).Outcome);

        Assert.True(await WithAsync(a => a.SetDisabledAsync(phone, disabled: false)));
        var again = await SignInAsync(phone, await SendCodeAsync(phone));
        Assert.Equal(ParentSignInStatus.SignedIn, again.Status);
        Assert.Equal(first.Account.Id, again.Account!.Id);
    }

    [Fact]
    public async Task First_sign_ins_of_one_number_at_the_same_moment_make_one_account()
    {
        var phone = NewPhone();
        var now = kernel.Clock.GetUtcNow();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => WithAsync(a => a.FindOrCreateAsync(phone, now)))));

        var account = Assert.Single(await AccountsAsync(phone));
        Assert.All(results, r => Assert.Equal(account.Id, r.Account.Id));
        Assert.Single(results, r => r.Created);
    }

    [Fact]
    public async Task Signing_out_ends_the_accounts_sessions_and_a_new_sign_in_starts_a_live_one()
    {
        var phone = NewPhone();
        var before = (await SignInAsync(phone, await SendCodeAsync(phone))).Account!;

        await WithAsync(async a => { await a.EndSessionsAsync(before.Id); return 0; });
        Assert.NotNull(Assert.Single(await AccountsAsync(phone)).SessionsChangedAt);
        var after = (await SignInAsync(phone, await SendCodeAsync(phone))).Account!;

        Assert.False(await WithAsync(a => a.IsSessionAliveAsync(before.Id, before.SessionVersion)));
        Assert.True(await WithAsync(a => a.IsSessionAliveAsync(after.Id, after.SessionVersion)));
        Assert.Contains(await AuditAsync(before.Id), l => l.Action == ParentAccounts.SignOutAction);
    }

    /// <summary>A sign-out as another node or the command line makes it: this process's memory never hears of it.</summary>
    private async Task SignOutElsewhereAsync(Guid id)
    {
        await using var scope = kernel.Host.Scope(AccessContext.System("test"));
        await scope.ServiceProvider.GetRequiredService<KernelDb>().ParentAccounts.Where(a => a.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SessionVersion, a => a.SessionVersion + 1).SetProperty(a => a.SessionsChangedAt, DateTimeOffset.UtcNow));
    }

    /// <summary>
    /// Sessions are known alive by the node (a parent's every request asks): an account whose sessions never changed is
    /// at generation 0 without a read, one that changed is remembered once read. A sign-out made elsewhere is seen through
    /// the account's stamp, in both cases, within the watch's interval.
    /// </summary>
    [Fact]
    public async Task A_sign_out_made_elsewhere_ends_the_known_session_within_the_watch_interval()
    {
        var phone = NewPhone();
        var (account, _) = await WithAsync(a => a.FindOrCreateAsync(phone, kernel.Clock.GetUtcNow()));
        Assert.Equal(0, account.SessionVersion);
        Assert.True(await WithAsync(a => a.IsSessionAliveAsync(account.Id, 0)));

        // Never changed: the node knows it without a read (asked of the memory itself, which reads no account).
        await using (var scope = kernel.Host.Scope(AccessContext.Anonymous))
        {
            var memory = scope.ServiceProvider.GetRequiredService<ParentSessionMemory>();
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            Assert.True(await memory.RemembersAsync(db, account.Id, 0, default));
            Assert.False(await memory.RemembersAsync(db, account.Id, 1, default));
        }

        await SignOutElsewhereAsync(account.Id);
        await Task.Delay(ChangeWatch<Guid>.Interval + TimeSpan.FromMilliseconds(300));
        Assert.False(await WithAsync(a => a.IsSessionAliveAsync(account.Id, 0)));
        // Generation 1 is alive, found by a read and then remembered; a second sign-out elsewhere ends it as well.
        Assert.True(await WithAsync(a => a.IsSessionAliveAsync(account.Id, 1)));
        await SignOutElsewhereAsync(account.Id);
        await Task.Delay(ChangeWatch<Guid>.Interval + TimeSpan.FromMilliseconds(300));
        Assert.False(await WithAsync(a => a.IsSessionAliveAsync(account.Id, 1)));
        Assert.True(await WithAsync(a => a.IsSessionAliveAsync(account.Id, 2)));
    }

    /// <summary>The node believes generation 0 of an unstamped account without a read: the database refuses any writer that would break that.</summary>
    [Fact]
    public async Task Moving_an_accounts_sessions_without_the_stamp_is_refused_by_the_database()
    {
        var phone = NewPhone();
        var (account, _) = await WithAsync(a => a.FindOrCreateAsync(phone, kernel.Clock.GetUtcNow()));
        await using var scope = kernel.Host.Scope(AccessContext.System("test"));
        var accounts = scope.ServiceProvider.GetRequiredService<KernelDb>().ParentAccounts.Where(a => a.Id == account.Id);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            accounts.ExecuteUpdateAsync(s => s.SetProperty(a => a.SessionVersion, a => a.SessionVersion + 1)));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            accounts.ExecuteUpdateAsync(s => s.SetProperty(a => a.Disabled, true)));
        var stored = (await AccountsAsync(phone)).Single();
        Assert.Equal((0, false, (DateTimeOffset?)null), (stored.SessionVersion, stored.Disabled, stored.SessionsChangedAt));
        // With the stamp, as every writer of sessions does, it goes through.
        Assert.Equal(1, await accounts.ExecuteUpdateAsync(s => s.SetProperty(a => a.Disabled, true).SetProperty(a => a.SessionsChangedAt, DateTimeOffset.UtcNow)));
    }
}
