using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Tests.Audit;

/// <summary>
/// Security finding 11, retention: lines stay at least six months (网络安全法 §21); older ones move to a file that
/// verifies on its own, and the log left in the database still verifies from the boundary a checkpoint records.
/// </summary>
public class AuditArchiveTests : IAsyncLifetime
{
    private readonly SettableClock _clock = new(new DateTimeOffset(2025, 1, 10, 2, 0, 0, TimeSpan.Zero));
    private KernelHost? _host;
    private KernelHost Host => _host!;

    public async Task InitializeAsync() =>
        // Migrated on 10 January 2025: loading the code lists writes the first few hundred lines on that day.
        _host = await KernelHost.CreateSeededAsync(seed: false, configure: s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(_clock);
        });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        File.Delete(ArchiveFile);
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private string ArchiveFile { get; } = Path.Combine(Path.GetTempPath(), "qedu-tests", $"audit-archive-{Guid.NewGuid():N}.jsonl");

    private async Task<long> LinesOnTheFirstDayAsync()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditChainHead.SumAsync(h => h.LastPosition);
    }

    private async Task RecordLaterLinesAsync()
    {
        _clock.Now = new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
        await using var scope = Host.Scope(AccessContext.System("test"));
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        await trail.RecordAsync("test.later", details: "one");
        await trail.RecordAsync("test.later", details: "two", outcome: AuditOutcome.Denied);
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    private async Task<AuditArchiveResult> ArchiveAsync(DateOnly before)
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<AuditArchiver>().ArchiveAsync(before, ArchiveFile);
    }

    [Fact]
    public async Task Lines_past_the_retention_period_move_to_a_file_that_verifies_and_the_rest_still_verifies()
    {
        var firstDay = await LinesOnTheFirstDayAsync();
        await RecordLaterLinesAsync();

        var result = await ArchiveAsync(new DateOnly(2025, 2, 1));

        Assert.Equal(firstDay, result.Lines);
        Assert.True(File.Exists(ArchiveFile));
        var keys = Host.Services.GetRequiredService<AuditKeys>();
        var checkpoints = Host.Services.GetRequiredService<AuditCheckpoints>().Read().Select(l => l.Checkpoint!).ToList();
        var archive = AuditArchiver.Check(ArchiveFile, keys, checkpoints);
        Assert.True(archive.IsIntact, archive.Problem);
        Assert.Equal(firstDay, archive.Lines);
        Assert.Equal(result.Chains, archive.Chains);
        // The boundaries are anchored outside the database, and the log left in it verifies from there.
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
        var heads = await db.AuditChainHead.AsNoTracking().ToListAsync();
        Assert.All(heads, h => Assert.Equal(h.ArchivedThrough, checkpoints[^1].Of(h.Id)!.ArchivedThrough));
        Assert.Equal(firstDay, heads.Sum(h => h.ArchivedThrough));
        var verification = await VerifyAsync();
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(2, verification.Entries);
        Assert.Equal(firstDay, verification.Archived);
        Assert.Equal(["test.later", "test.later"], await db.AuditEntries.Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task An_altered_archive_does_not_verify()
    {
        await RecordLaterLinesAsync();
        await ArchiveAsync(new DateOnly(2025, 2, 1));
        var text = await File.ReadAllLinesAsync(ArchiveFile);
        text[5] = text[5].Replace("\"actorKind\":\"System\"", "\"actorKind\":\"User\"", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(ArchiveFile, text);
        var altered = System.Text.Json.JsonDocument.Parse(text[5]).RootElement;

        var check = AuditArchiver.Check(ArchiveFile, Host.Services.GetRequiredService<AuditKeys>(), []);

        Assert.False(check.IsIntact);
        Assert.Contains($"chain {altered.GetProperty("chain").GetInt32()} archived line {altered.GetProperty("position").GetInt64()} was altered",
            check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_inside_the_retention_period_is_refused_and_nothing_moves()
    {
        await RecordLaterLinesAsync();

        // Twelve months by default: on 1 March 2026 lines from 1 March 2025 on stay.
        var refused = await Assert.ThrowsAsync<AuditArchiveRefusedException>(() => ArchiveAsync(new DateOnly(2025, 3, 2)));

        Assert.Contains("inside the retention period of 12 months", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(ArchiveFile));
        Assert.Equal(0, (await VerifyAsync()).Archived);
    }

    [Fact]
    public async Task A_boundary_moved_in_the_database_without_archiving_is_caught_by_the_checkpoints()
    {
        await RecordLaterLinesAsync();
        await ArchiveAsync(new DateOnly(2025, 2, 1));
        var head = Host.IsPostgres ? "kernel.audit_chain_head" : "kernel_audit_chain_head";

        // The narrow path the triggers leave: move a boundary in a head, then the lines below it may be deleted.
        AuditEntry line;
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            line = await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).FirstAsync();
            await Host.ExecuteRawAsync(string.Create(CultureInfo.InvariantCulture,
                $"UPDATE {head} SET archived_through = {line.Position}, archived_hash = '{line.Hash}' WHERE id = {line.Chain}"));
        }
        await Host.ExecuteRawAsync(string.Create(CultureInfo.InvariantCulture, $"DELETE FROM {Host.AuditTable} WHERE sequence = {line.Sequence}"));
        // The hourly checkpoint that follows must not sign the moved boundary.
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(scope.ServiceProvider.GetRequiredService<KernelDb>());
        }

        var result = await VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"chain {line.Chain}: the database says lines up to {line.Position} were archived, but the last checkpoint"), result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retention_shorter_than_six_months_is_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new AuditOptions { CheckpointDirectory = "x", RetentionMonths = 5 }.Validated());

        Assert.Contains("Audit:RetentionMonths is 5", refused.Message, StringComparison.Ordinal);
        Assert.Contains("网络安全法", refused.Message, StringComparison.Ordinal);
    }
}
