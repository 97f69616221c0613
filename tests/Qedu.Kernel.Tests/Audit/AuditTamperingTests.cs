using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Data;
using Qedu.Kernel.Tests.Support;

namespace Qedu.Kernel.Tests.Audit;

/// <summary>
/// Someone with database access removes the append-only triggers and edits the log: the verifier must say where.
/// Each test tampers with a database of its own (migrated only: loading the code lists already writes a few hundred lines).
/// </summary>
public class AuditTamperingTests : IAsyncLifetime
{
    private KernelHost? _host;
    private KernelHost Host => _host!;

    public async Task InitializeAsync() => _host = await KernelHost.CreateSeededAsync(seed: false);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await AuditVerifier.VerifyAsync(scope.ServiceProvider.GetRequiredService<KernelDb>());
    }

    private async Task DropTriggersAsync()
    {
        if (Host.IsPostgres)
        {
            await Host.ExecuteRawAsync("DROP TRIGGER audit_entries_no_change ON kernel.audit_entries");
        }
        else
        {
            await Host.ExecuteRawAsync("DROP TRIGGER kernel_audit_entries_no_update");
            await Host.ExecuteRawAsync("DROP TRIGGER kernel_audit_entries_no_delete");
        }
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_fresh_log_is_intact()
    {
        var result = await VerifyAsync();

        Assert.True(result.IsIntact, result.Problem);
        Assert.True(result.Entries > 50, $"{result.Entries} entries");
    }

    [Fact]
    public async Task An_altered_line_is_reported_by_its_number()
    {
        await DropTriggersAsync();
        await Host.ExecuteRawAsync($"UPDATE {Host.AuditTable} SET entity_key = 'forged' WHERE sequence = 37");

        var result = await VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Equal(37, result.BrokenAt);
        Assert.Equal(36, result.Entries);
        Assert.Contains("line 37 was altered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_line_with_a_recomputed_hash_breaks_the_link_to_the_next()
    {
        await DropTriggersAsync();
        AuditEntry line;
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            line = await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == 20);
        }
        line.EntityKey = "forged";
        var forgedHash = AuditHasher.Compute(line);
        await Host.ExecuteRawAsync($"UPDATE {Host.AuditTable} SET entity_key = 'forged', hash = '{forgedHash}' WHERE sequence = 20");

        var result = await VerifyAsync();

        Assert.Equal(21, result.BrokenAt);
        Assert.Contains("line 21 does not follow line 20", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_line_in_the_middle_is_reported_missing()
    {
        await DropTriggersAsync();
        await Host.ExecuteRawAsync($"DELETE FROM {Host.AuditTable} WHERE sequence = 12");

        var result = await VerifyAsync();

        Assert.Equal(12, result.BrokenAt);
        Assert.Contains("line 12 is missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_tail_is_caught_by_the_chain_head()
    {
        var total = (await VerifyAsync()).Entries;
        await DropTriggersAsync();
        await Host.ExecuteRawAsync($"DELETE FROM {Host.AuditTable} WHERE sequence > {N(total - 3)}");

        var result = await VerifyAsync();

        // Every remaining line is fine on its own; only the head knows three are gone.
        Assert.False(result.IsIntact);
        Assert.Equal(total - 3, result.Entries);
        Assert.Equal(total - 2, result.BrokenAt);
        Assert.Contains($"the chain head says {N(total)} lines but {N(total - 3)} were found", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_head_that_disagrees_with_the_lines_is_caught()
    {
        var total = (await VerifyAsync()).Entries;
        // The head row cannot be append-only (every append updates it), so the verifier must check it against the lines.
        var head = Host.IsPostgres ? "kernel.audit_chain_head" : "kernel_audit_chain_head";
        await Host.ExecuteRawAsync($"UPDATE {head} SET last_sequence = {N(total + 5)}");

        var result = await VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Equal(total + 1, result.BrokenAt);
    }
}
