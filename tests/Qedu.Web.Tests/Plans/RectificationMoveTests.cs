using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Persistence;
using Qedu.Plans.Data;
using Qedu.Plans.Domain;
using Qedu.Rectifications.Contracts;
using Qedu.Rectifications.Data;
using Qedu.Testing;

namespace Qedu.Web.Tests.Plans;

/// <summary>A database whose plans kept their own 整改 items upgrades with every item moved to the shared rectification module.</summary>
public sealed class RectificationMoveTests : IAsyncLifetime
{
    private KernelHost? _host;

    private KernelHost Host => _host!;

    public async Task InitializeAsync() => _host = await KernelHost.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_plans_rectification_written_before_is_moved_with_its_state_and_history()
    {
        var raisedAt = new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);
        var fixedAt = raisedAt.AddDays(5);
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            await scope.ServiceProvider.GetRequiredService<KernelDb>().Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<RectificationsDb>().Database.MigrateAsync();
            var db = scope.ServiceProvider.GetRequiredService<PlansDb>();
            var before = db.Database.GetMigrations().Last(m => string.CompareOrdinal(m, db.Database.GetMigrations().Single(n => n.EndsWith("_RectificationsMoved", StringComparison.Ordinal))) < 0);
            await db.GetService<IMigrator>().MigrateAsync(before);
            var plan = new Plan { OrgUnitId = 1, Title = "十大行动计划", State = PlanState.Active, ImportedAt = raisedAt };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            var task = new PlanTask { OrgUnitId = 1, PlanId = plan.Id, Number = "3", Title = "消除大班额" };
            db.Tasks.Add(task);
            await db.SaveChangesAsync();
            var table = Host.IsPostgres ? "plans.rectifications" : "plans_rectifications";
            object At(DateTimeOffset at) => Host.IsPostgres ? at : new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)!;
            // The table's name is one of two constants; the values go as parameters.
#pragma warning disable EF1003
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO " + table + " (org_unit_id, task_id, notice_id, unit_id, problem, due_on, raised_at, raised_by, fix_report, fixed_at) " +
                "VALUES (7, {0}, NULL, 7, '台账不完整。', {1}, {2}, '规划处', '已补齐。', {3})",
                task.Id, new DateOnly(2026, 11, 1), At(raisedAt), At(fixedAt));
#pragma warning restore EF1003
        }

        await Host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            var db = scope.ServiceProvider.GetRequiredService<RectificationsDb>();
            var item = await db.Items.AsNoTracking().SingleAsync(r => r.SourceKind == "plans.task");
            Assert.Equal((7, 1, "台账不完整。", RectificationState.Fixed, "已补齐。"), (item.OrgUnitId, item.RaisedByUnitId, item.Finding, item.State, item.FixReport));
            Assert.Equal((raisedAt, fixedAt, new DateOnly(2026, 11, 1)), (item.RaisedAt, item.FixedAt!.Value, item.DueOn));
            Assert.Equal(("plans.report", "plans.manage", "3 消除大班额"), (item.FixPermission, item.VerifyPermission, item.SourceTitle));
            var steps = await db.Steps.AsNoTracking().Where(s => s.RectificationId == item.Id).OrderBy(s => s.At).Select(s => s.Kind.ToString()).ToListAsync();
            Assert.Equal(["Raised", "Fixed"], steps);
            var plans = scope.ServiceProvider.GetRequiredService<PlansDb>();
            Assert.Empty(await plans.Database.GetPendingMigrationsAsync());
        }
    }
}
