using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Tests.Support;

namespace Qedu.Kernel.Tests.Audit;

/// <summary>The audit log on a shared seeded database: writes append chained lines, and the database refuses changes.</summary>
public class AuditLogTests(SeededCity fixture) : IClassFixture<SeededCity>
{
    private KernelHost Host => fixture.Host;

    private async Task<List<AuditEntry>> EntriesAfterAsync(long sequence)
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditEntries
            .Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>The number of the log's last line so far.</summary>
    private async Task<long> HeadAsync()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditEntries.MaxAsync(e => (long?)e.Sequence) ?? 0;
    }

    /// <summary>The lines all chains' heads count.</summary>
    private async Task<long> CountedAsync()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditChainHead.SumAsync(h => h.LastPosition);
    }

    /// <summary>Each line follows the line before it in its chain (or the chain's start).</summary>
    private async Task AssertLinkedAsync(IEnumerable<AuditEntry> lines)
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
        foreach (var line in lines)
        {
            var before = line.Position == 1
                ? AuditHasher.Genesis
                : await db.AuditEntries.Where(e => e.Chain == line.Chain && e.Position == line.Position - 1).Select(e => e.Hash).SingleAsync();
            Assert.Equal(before, line.PreviousHash);
        }
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    [Fact]
    public async Task The_seeded_log_is_intact_and_covers_every_seeded_unit()
    {
        var result = await VerifyAsync();

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(await CountedAsync(), result.Entries);
        Assert.Equal(AuditChains.Count, result.Chains);
        // One line per seeded unit, naming it by its code (the seed writes fewer rows per save than the summary limit).
        var seeded = DemoCityGenerator.Generate(DemoScale.Small, 1).Select(o => o.Code).Order(StringComparer.Ordinal);
        var creates = (await EntriesAfterAsync(0))
            .Where(e => e.Action == "create" && e.EntityType == nameof(OrgUnit) && e.ActorName == "test-seed")
            .Select(e => e.EntityKey).Order(StringComparer.Ordinal);
        Assert.Equal(seeded, creates);
    }

    [Fact]
    public async Task Every_save_appends_chained_lines_naming_the_actor_the_change_and_only_the_values_marked_for_the_log()
    {
        var ids = await Host.OrgIdsAsync();
        var head = await HeadAsync();
        var admin = await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan);

        await using (var scope = Host.Scope(admin))
        {
            var tree = scope.ServiceProvider.GetRequiredService<OrgTree>();
            var unit = await tree.AddAsync(Demo.Unit("370202-AUD", OrgUnitKind.Department, ids[Demo.Shinan], "审计测试科"));
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            unit.Name = "改名后的科室";
            unit.SortOrder = 4242;
            await db.SaveChangesAsync();
            // The guard checks the removal through the closure, so its rows go after the unit.
            db.OrgUnits.Remove(unit);
            await db.SaveChangesAsync();
            await db.OrgClosure.Where(c => c.DescendantId == unit.Id).ExecuteDeleteAsync();
        }

        var lines = await EntriesAfterAsync(head);
        Assert.Equal(["create", "update", "delete"], lines.Select(l => l.Action));
        Assert.All(lines, l =>
        {
            Assert.Equal(nameof(OrgUnit), l.EntityType);
            Assert.Equal("370202-AUD", l.EntityKey);
            Assert.Equal(ActorKind.User, l.ActorKind);
            Assert.Equal(admin.ActorId, l.ActorId);
            Assert.Equal(Demo.Shinan, l.ActorScope);
        });
        // The update names the changed properties; values only for those marked [AuditedValue] (a unit's name is, its
        // sort order is not).
        Assert.Equal(["Name: 审计测试科 → 改名后的科室", "SortOrder"], lines[1].Details!.Split("; ").Order(StringComparer.Ordinal));
        Assert.DoesNotContain(lines, l => (l.Details ?? "").Contains("4242", StringComparison.Ordinal));
        // Each line carries the hash of the one before it in its chain.
        await AssertLinkedAsync(lines);
        // Keyed: HMAC with the audit-chain key outside the database, the outcome included.
        var key = Host.Services.GetRequiredService<AuditKeys>().ChainKey;
        Assert.All(lines, l => Assert.Equal(AuditHasher.Keyed(l, key), l.Hash));
        Assert.All(lines, l => Assert.Equal(AuditOutcome.Succeeded, l.Outcome));
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task A_password_change_names_the_hash_and_stamp_and_never_records_their_values()
    {
        var head = await HeadAsync();
        string hash, stamp;
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Qedu.Kernel.Identity.QeduUser>>();
            var home = (await Host.OrgIdsAsync())[Demo.Shinan];
            var user = new Qedu.Kernel.Identity.QeduUser { UserName = $"audit.pw.{Guid.NewGuid():N}"[..20], DisplayName = "审计密码测试", HomeOrgUnitId = home };
            var created = await users.CreateAsync(user, DemoAccounts.Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            var changed = await users.ChangePasswordAsync(user, DemoAccounts.Password, DemoAccounts.Password + "-Changed1");
            Assert.True(changed.Succeeded, string.Join("; ", changed.Errors.Select(e => e.Description)));
            (hash, stamp) = (user.PasswordHash!, user.SecurityStamp!);
        }

        var updates = (await EntriesAfterAsync(head)).Where(l => l.Action == "update" && l.EntityType == "QeduUser").ToList();
        Assert.NotEmpty(updates);
        Assert.Contains(updates, l => l.Details!.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Contains("PasswordHash"));
        Assert.DoesNotContain(updates, l => l.Details!.Contains(hash, StringComparison.Ordinal) || l.Details.Contains(stamp, StringComparison.Ordinal));
        Assert.DoesNotContain(updates, l => l.Details!.Contains("PasswordHash:", StringComparison.Ordinal) || l.Details.Contains("SecurityStamp:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explicit_records_are_chained_like_saves()
    {
        var head = await HeadAsync();
        var ids = await Host.OrgIdsAsync();
        await using (var scope = Host.Scope(await Host.UserAsync(Roles.Teacher, Demo.AnchorSchool)))
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>()
                .RecordAsync("pii.view", "Student", "42", ids[Demo.AnchorSchool], "residentId");
        }

        var line = Assert.Single(await EntriesAfterAsync(head));
        Assert.Equal("pii.view", line.Action);
        Assert.Equal(ids[Demo.AnchorSchool], line.OrgUnitId);
        Assert.InRange(line.Chain, 1, AuditChains.Count);
        await AssertLinkedAsync([line]);
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task A_save_that_fails_in_the_database_leaves_no_audit_line()
    {
        var ids = await Host.OrgIdsAsync();
        var head = await HeadAsync();
        var counted = await CountedAsync();
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            db.OrgUnits.Add(Demo.Unit(Demo.Shibei, OrgUnitKind.District, ids[Demo.City])); // the code is taken
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(head, await HeadAsync());
        Assert.Empty(await EntriesAfterAsync(head));
        Assert.Equal(counted, await CountedAsync());
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_audit_lines()
    {
        var table = Host.AuditTable;

        await Assert.ThrowsAnyAsync<DbException>(() => Host.ExecuteRawAsync($"UPDATE {table} SET action = 'forged' WHERE sequence = 1"));
        await Assert.ThrowsAnyAsync<DbException>(() => Host.ExecuteRawAsync($"DELETE FROM {table} WHERE sequence = 1"));
        await Assert.ThrowsAnyAsync<DbException>(() => Host.ExecuteRawAsync($"DELETE FROM {table}"));
        if (Host.IsPostgres)
        {
            await Assert.ThrowsAnyAsync<DbException>(() => Host.ExecuteRawAsync($"TRUNCATE {table}"));
        }

        var first = (await EntriesAfterAsync(0))[0];
        Assert.NotEqual("forged", first.Action);
        Assert.Equal(1, first.Sequence);
        var result = await VerifyAsync();
        Assert.True(result.IsIntact, result.Problem);
    }

    [Fact]
    public async Task Concurrent_writers_in_separate_scopes_spread_over_the_chains_without_gaps()
    {
        var ids = await Host.OrgIdsAsync();
        var head = await HeadAsync();
        var counted = await CountedAsync();
        var districts = Demo.Districts.Skip(2).Take(4).ToList();
        var users = new List<AccessContext>();
        foreach (var code in districts)
        {
            users.Add(await Host.UserAsync(Roles.DistrictAdmin, code));
        }
        const int perWriter = 5;

        var writers = districts.Select((code, w) => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                // A new scope (a new request) for every write, as the web host would have.
                await using var scope = Host.Scope(users[w]);
                await scope.ServiceProvider.GetRequiredService<OrgTree>()
                    .AddAsync(Demo.Unit($"{code}-CW{i}", OrgUnitKind.Department, ids[code]));
            }
        }));
        var system = Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                await using var scope = Host.Scope(AccessContext.System("test-concurrent"));
                await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync("export", details: $"run {i}");
            }
        });
        await Task.WhenAll([.. writers, system]);

        var lines = await EntriesAfterAsync(head);
        Assert.Equal((districts.Count + 1) * perWriter, lines.Count);
        Assert.Equal(lines.Count, lines.Select(l => (l.Chain, l.Position)).Distinct().Count());
        // Appenders do not all queue on one head (ADR 3): 25 lines on one chain of 32 would be a broken picker.
        Assert.True(lines.Select(l => l.Chain).Distinct().Count() > 1, "every line went to one chain");
        await AssertLinkedAsync(lines);
        foreach (var user in users)
        {
            Assert.Equal(perWriter, lines.Count(l => l.ActorId == user.ActorId));
        }
        var result = await VerifyAsync();
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(counted + lines.Count, result.Entries);
    }

    [Fact]
    public async Task A_transaction_keeps_its_chain_so_its_lines_follow_one_another()
    {
        var head = await HeadAsync();
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await using var tx = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < 4; i++)
            {
                await trail.RecordAsync("test.one-transaction", details: $"part {i}");
            }
            await tx.CommitAsync();
        }

        var lines = await EntriesAfterAsync(head);
        Assert.Equal(4, lines.Count);
        Assert.Single(lines.Select(l => l.Chain).Distinct());
        Assert.Equal(Enumerable.Range(0, 4).Select(i => lines[0].Position + i), lines.Select(l => l.Position));
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Inside_a_transaction_lines_are_appended_as_it_commits_and_dropped_if_it_rolls_back()
    {
        var ids = await Host.OrgIdsAsync();
        var head = await HeadAsync();
        var counted = await CountedAsync();
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                db.OrgUnits.Add(Demo.Unit("370202-TXA", OrgUnitKind.Department, ids[Demo.Shinan], "事务内科室"));
                await db.SaveChangesAsync();
                await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync("test.in-transaction");
                // Not yet: the chain's head is taken only as the transaction commits.
                Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Sequence > head));
                await tx.CommitAsync();
            }
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                db.OrgUnits.Add(Demo.Unit("370202-TXB", OrgUnitKind.Department, ids[Demo.Shinan], "回滚的科室"));
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            }
        }

        var lines = await EntriesAfterAsync(head);
        Assert.Equal(["create:370202-TXA", "test.in-transaction:"], lines.Select(l => l.Action + ":" + l.EntityKey));
        Assert.Single(lines.Select(l => l.Chain).Distinct());
        Assert.Equal(counted + 2, await CountedAsync());
        Assert.True((await VerifyAsync()).IsIntact);
    }
}
