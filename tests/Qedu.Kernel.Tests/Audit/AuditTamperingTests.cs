using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Tests.Audit;

/// <summary>
/// Someone with database access removes the append-only triggers and edits the log: the verifier must say where.
/// Each test tampers with a database of its own (migrated only: loading the code lists already writes a few hundred lines).
/// Security finding 11: with database access alone one could rewrite lines and recompute the (then unkeyed) chain, or
/// cut the tail and move the head, and the verifier said intact; the chain is now keyed and anchored outside the database.
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
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    private async Task<AuditCheckpoint> CheckpointAsync()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(scope.ServiceProvider.GetRequiredService<KernelDb>());
    }

    private async Task<List<AuditEntry>> LinesAsync(long from)
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditEntries.AsNoTracking()
            .Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>A chain's lines from a position on, in order.</summary>
    private async Task<List<AuditEntry>> ChainAsync(int chain, long from = 1)
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditEntries.AsNoTracking()
            .Where(e => e.Chain == chain && e.Position >= from).OrderBy(e => e.Position).ToListAsync();
    }

    /// <summary>The line numbered <paramref name="sequence"/> in the whole log.</summary>
    private async Task<AuditEntry> LineAsync(long sequence) => (await LinesAsync(sequence))[0];

    private async Task<List<AuditChainHead>> HeadsAsync()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditChainHead.AsNoTracking().OrderBy(h => h.Id).ToListAsync();
    }

    /// <summary>The chain with the most lines (loading the code lists spreads a few hundred over the chains).</summary>
    private async Task<AuditChainHead> LongestChainAsync() => (await HeadsAsync()).MaxBy(h => h.LastPosition)!;

    /// <summary>The lines the verifier checks before it reaches line <paramref name="position"/> of <paramref name="chain"/> (chains in order).</summary>
    private async Task<long> CheckedBeforeAsync(int chain, long position) =>
        (await HeadsAsync()).Where(h => h.Id < chain).Sum(h => h.LastPosition) + position - 1;

    private string HeadTable => Host.IsPostgres ? "kernel.audit_chain_head" : "kernel_audit_chain_head";

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

    /// <summary>
    /// What an intruder without the key can do: re-hash lines of one chain with plain SHA-256 (the chain's encoding as it
    /// was), relink them, and move the chain's head to the new last hash.
    /// </summary>
    private async Task RechainWithPlainSha256Async(List<AuditEntry> lines, string? previous, bool clearKeying = false)
    {
        var sql = new StringBuilder();
        foreach (var e in lines)
        {
            if (previous is not null)
            {
                e.PreviousHash = previous;
            }
            e.Hash = PlainSha256(e);
            previous = e.Hash;
            sql.Append(CultureInfo.InvariantCulture,
                $"UPDATE {Host.AuditTable} SET entity_key = {Text(e.EntityKey)}, previous_hash = '{e.PreviousHash}', hash = '{e.Hash}' WHERE sequence = {e.Sequence};\n");
        }
        sql.Append(CultureInfo.InvariantCulture, $"UPDATE {HeadTable} SET last_hash = '{previous}'{(clearKeying ? ", keyed_from = NULL, key_fingerprint = NULL" : "")} WHERE id = {lines[0].Chain};");
        await Host.ExecuteRawAsync(sql.ToString());
    }

    private static string Text(string? value) => value is null ? "NULL" : $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>The unkeyed chain's encoding (length-prefixed fields, SHA-256), written out here as an intruder would.</summary>
    private static string PlainSha256(AuditEntry e)
    {
        var sb = new StringBuilder();
        foreach (var value in new[]
                 {
                     e.Sequence.ToString(CultureInfo.InvariantCulture), e.At.UtcTicks.ToString(CultureInfo.InvariantCulture), e.ActorKind.ToString(),
                     e.ActorId, e.ActorName, e.ActorScope, e.Action, e.EntityType, e.EntityKey, e.OrgUnitId?.ToString(CultureInfo.InvariantCulture),
                     e.ClientAddress, e.Details, e.PreviousHash,
                 })
        {
            sb.Append(value is null ? "-1:" : $"{value.Length.ToString(CultureInfo.InvariantCulture)}:{value};");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_fresh_log_is_intact()
    {
        var result = await VerifyAsync();

        Assert.True(result.IsIntact, result.Problem);
        Assert.True(result.Entries > 50, $"{result.Entries} entries");
        Assert.Equal(AuditChains.Count, result.Chains);
    }

    [Fact]
    public async Task An_altered_line_is_reported_by_its_chain_and_number()
    {
        var line = await LineAsync(37);
        await DropTriggersAsync();
        await Host.ExecuteRawAsync($"UPDATE {Host.AuditTable} SET entity_key = 'forged' WHERE sequence = 37");

        var result = await VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Equal(line.Chain, result.BrokenChain);
        Assert.Equal(line.Position, result.BrokenAt);
        Assert.Equal(await CheckedBeforeAsync(line.Chain, line.Position), result.Entries);
        Assert.Contains($"chain {line.Chain}: line {N(line.Position)} (log line 37) was altered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_line_with_a_recomputed_plain_hash_is_reported_altered()
    {
        await DropTriggersAsync();
        var line = await LineAsync(20);
        line.EntityKey = "forged";
        await RechainWithPlainSha256Async([line], previous: null);

        var result = await VerifyAsync();

        Assert.Equal(line.Position, result.BrokenAt);
        Assert.Contains($"chain {line.Chain}: line {N(line.Position)} (log line 20) was altered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_11_a_line_rewritten_and_the_whole_chain_recomputed_without_the_key_is_reported()
    {
        await DropTriggersAsync();
        var line = await LineAsync(20);
        var lines = await ChainAsync(line.Chain, line.Position);
        lines[0].EntityKey = "forged";

        // Every hash from that line to the end of its chain recomputed and the head moved to the new end: without the key.
        await RechainWithPlainSha256Async(lines, previous: lines[0].PreviousHash);

        var result = await VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(line.Chain, result.BrokenChain);
        Assert.Equal(line.Position, result.BrokenAt);
        Assert.Contains($"line {N(line.Position)} (log line 20) was altered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_11_cutting_the_tail_and_moving_the_head_back_is_caught_by_the_checkpoint()
    {
        var chain = await LongestChainAsync();
        var total = chain.LastPosition;
        var checkpoint = await CheckpointAsync();
        Assert.Equal(total, checkpoint.Of(chain.Id)!.Position);
        Assert.Equal((await VerifyAsync()).Entries, checkpoint.Lines);
        var keep = (await ChainAsync(chain.Id, total - 3))[0];
        await DropTriggersAsync();
        await Host.ExecuteRawAsync($"DELETE FROM {Host.AuditTable} WHERE chain = {chain.Id} AND position > {N(keep.Position)}");
        await Host.ExecuteRawAsync($"UPDATE {HeadTable} SET last_position = {N(keep.Position)}, last_hash = '{keep.Hash}' WHERE id = {chain.Id}");

        var result = await VerifyAsync();

        // The chain and its head agree with each other; only the anchor outside the database knows better.
        Assert.False(result.IsIntact);
        Assert.Equal(chain.Id, result.BrokenChain);
        Assert.Equal(total - 2, result.BrokenAt);
        Assert.Contains($"chain {chain.Id}: lines {N(total - 2)}–{N(total)} are gone", result.Problem, StringComparison.Ordinal);
        Assert.Contains("checkpoint", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_rewritten_even_with_the_key_no_longer_matches_its_checkpoint()
    {
        var chain = await LongestChainAsync();
        await CheckpointAsync();
        await DropTriggersAsync();
        var last = (await ChainAsync(chain.Id, chain.LastPosition))[0];
        last.EntityKey = "forged";
        last.Hash = AuditHasher.Keyed(last, Host.Services.GetRequiredService<AuditKeys>().ChainKey);
        await Host.ExecuteRawAsync(
            $"UPDATE {Host.AuditTable} SET entity_key = 'forged', hash = '{last.Hash}' WHERE sequence = {N(last.Sequence)};" +
            $"UPDATE {HeadTable} SET last_hash = '{last.Hash}' WHERE id = {chain.Id};");

        var result = await VerifyAsync();

        Assert.Equal(chain.Id, result.BrokenChain);
        Assert.Equal(chain.LastPosition, result.BrokenAt);
        Assert.Contains($"line {N(chain.LastPosition)} (log line {N(last.Sequence)}) no longer matches the checkpoint of", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_with_a_bad_signature_is_reported()
    {
        var checkpoint = await CheckpointAsync();
        var mark = checkpoint.Chains[0];
        var file = Host.Services.GetRequiredService<AuditCheckpoints>().FilePath;
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace(
            $"\"chain\":1,\"position\":{N(mark.Position)}", $"\"chain\":1,\"position\":{N(mark.Position - 1)}", StringComparison.Ordinal));

        var result = await VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Contains("checkpoint 1 of", result.Problem, StringComparison.Ordinal);
        Assert.Contains("has a bad signature", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_from_when_the_log_was_one_chain_is_still_checked()
    {
        // Format 1: one chain's head at the top level, as checkpoints were written before the log had chains; it anchors
        // chain 1, which holds every line written before.
        var chain = (await HeadsAsync())[0];
        var keys = Host.Services.GetRequiredService<AuditKeys>();
        var at = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        string Line(long sequence, string hash)
        {
            var payload = string.Join('|', "qedu-audit-checkpoint/1", N(sequence), hash, N(at.UtcTicks), keys.Fingerprint,
                chain.KeyedFrom is { } k ? N(k) : "-", "0", "-");
            var signature = Convert.ToHexStringLower(HMACSHA256.HashData(keys.CheckpointKey, Encoding.UTF8.GetBytes(payload)));
            return $"{{\"sequence\":{N(sequence)},\"hash\":\"{hash}\",\"at\":\"{at:O}\",\"key\":\"{keys.Fingerprint}\"," +
                   $"\"keyedFrom\":{(chain.KeyedFrom is { } f ? N(f) : "null")},\"archivedThrough\":0,\"archivedHash\":null,\"signature\":\"{signature}\"}}\n";
        }
        var file = Host.Services.GetRequiredService<AuditCheckpoints>().FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, Line(chain.LastPosition, chain.LastHash));

        var intact = await VerifyAsync();
        // The same checkpoint anchoring three lines more than chain 1 has: they are gone.
        await File.WriteAllTextAsync(file, Line(chain.LastPosition + 3, new string('a', 64)));
        var cut = await VerifyAsync();

        Assert.True(intact.IsIntact, intact.Problem);
        Assert.Equal(1, intact.Checkpoints);
        Assert.Equal(chain.LastPosition, intact.LastCheckpoint!.Of(1)!.Position);
        Assert.False(cut.IsIntact);
        Assert.Contains($"chain 1: lines {N(chain.LastPosition + 1)}–{N(chain.LastPosition + 3)} are gone", cut.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_a_chain_into_an_unkeyed_one_is_caught_by_the_checkpoint()
    {
        var chain = await LongestChainAsync();
        await CheckpointAsync();
        await DropTriggersAsync();
        var lines = await ChainAsync(chain.Id);
        lines[1].EntityKey = "forged";

        // The intruder declares the chain one from before keying and re-hashes it with plain SHA-256.
        await RechainWithPlainSha256Async(lines, previous: AuditHasher.Genesis, clearKeying: true);

        var result = await VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Contains($"chain {chain.Id}: the chain head says the chain is keyed from line (none), but the checkpoints say from line 1",
            result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_begun_before_keying_stays_verifiable_and_is_keyed_from_the_next_line()
    {
        // The log as a database from before keying has it: plain SHA-256 lines, no outcome, heads without a key.
        await DropTriggersAsync();
        var old = await LinesAsync(1);
        await Host.ExecuteRawAsync($"UPDATE {Host.AuditTable} SET outcome = NULL");
        old.ForEach(e => e.Outcome = null);
        foreach (var chain in old.GroupBy(e => e.Chain))
        {
            await RechainWithPlainSha256Async([.. chain.OrderBy(e => e.Position)], previous: AuditHasher.Genesis, clearKeying: true);
        }
        Assert.True((await VerifyAsync()).IsIntact);

        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync("test.after-upgrade", outcome: AuditOutcome.Failed);
        }

        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            var line = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "test.after-upgrade");
            var head = await db.AuditChainHead.AsNoTracking().SingleAsync(h => h.Id == line.Chain);
            Assert.Equal(old.Count(e => e.Chain == line.Chain) + 1, head.KeyedFrom);
            Assert.Equal(head.KeyedFrom, line.Position);
            Assert.Equal(Host.Services.GetRequiredService<AuditKeys>().Fingerprint, head.KeyFingerprint);
            Assert.Equal(AuditHasher.Keyed(line, Host.Services.GetRequiredService<AuditKeys>().ChainKey), line.Hash);
            Assert.Equal(AuditOutcome.Failed, line.Outcome);
        }
        var result = await VerifyAsync();
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(old.Count + 1, result.Entries);
    }

    [Fact]
    public async Task A_host_with_another_audit_key_neither_appends_nor_verifies()
    {
        var elsewhere = Path.Combine(Path.GetDirectoryName(Host.KeyDirectory)!, "other-keys");
        await using var other = KernelHost.Build(Host.Database.Settings, elsewhere);
        await using var scope = other.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("test"));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync("test.other-key"));
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();

        Assert.Contains("restore the key directory from the backup", refused.Message, StringComparison.Ordinal);
        Assert.False(result.IsIntact);
        Assert.Contains("restore the key file from the backup", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_line_in_the_middle_is_reported_missing()
    {
        var line = await LineAsync(12);
        await DropTriggersAsync();
        await Host.ExecuteRawAsync($"DELETE FROM {Host.AuditTable} WHERE sequence = 12");

        var result = await VerifyAsync();

        Assert.Equal(line.Chain, result.BrokenChain);
        Assert.Equal(line.Position, result.BrokenAt);
        Assert.Contains($"chain {line.Chain}: line {N(line.Position)} is missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_tail_is_caught_by_the_chain_head()
    {
        var chain = await LongestChainAsync();
        var total = chain.LastPosition;
        await DropTriggersAsync();
        await Host.ExecuteRawAsync($"DELETE FROM {Host.AuditTable} WHERE chain = {chain.Id} AND position > {N(total - 3)}");

        var result = await VerifyAsync();

        // Every remaining line is fine on its own; only the head knows three are gone.
        Assert.False(result.IsIntact);
        Assert.Equal(await CheckedBeforeAsync(chain.Id, total - 2), result.Entries);
        Assert.Equal(total - 2, result.BrokenAt);
        Assert.Contains($"chain {chain.Id}: the chain head says {N(total)} lines but {N(total - 3)} were found", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_head_that_disagrees_with_the_lines_is_caught()
    {
        var chain = await LongestChainAsync();
        // The head row cannot be append-only (every append updates it), so the verifier must check it against the lines.
        await Host.ExecuteRawAsync($"UPDATE {HeadTable} SET last_position = {N(chain.LastPosition + 5)} WHERE id = {chain.Id}");

        var result = await VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Equal(chain.Id, result.BrokenChain);
        Assert.Equal(chain.LastPosition + 1, result.BrokenAt);
    }

    [Fact]
    public async Task Without_dropping_the_triggers_a_line_cannot_be_deleted_nor_an_archive_boundary_moved_back()
    {
        var chain = await LongestChainAsync();
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Host.ExecuteRawAsync($"DELETE FROM {Host.AuditTable} WHERE sequence = 3"));
        await Host.ExecuteRawAsync($"UPDATE {HeadTable} SET archived_through = 2 WHERE id = {chain.Id}");
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Host.ExecuteRawAsync(
            $"DELETE FROM {Host.AuditTable} WHERE chain = {chain.Id} AND position = 3"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Host.ExecuteRawAsync($"UPDATE {HeadTable} SET archived_through = 1 WHERE id = {chain.Id}"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Host.ExecuteRawAsync($"UPDATE {HeadTable} SET archived_through = 1000000 WHERE id = {chain.Id}"));
    }
}
