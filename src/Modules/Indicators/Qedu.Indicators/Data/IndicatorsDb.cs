using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Persistence;
using Qedu.Indicators.Domain;
using Qedu.Indicators.Features.Forms;

namespace Qedu.Indicators.Data;

/// <summary>The indicators module's own data, in its own schema ("indicators") or table prefix.</summary>
internal abstract class IndicatorsDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "indicators";

    public DbSet<Snapshot> Snapshots => Set<Snapshot>();
    public DbSet<ComputeRun> Runs => Set<ComputeRun>();
    public DbSet<FormRound> FormRounds => Set<FormRound>();
    public DbSet<FormReturn> FormReturns => Set<FormReturn>();
    public DbSet<FormReturnValue> FormValues => Set<FormReturnValue>();

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<Snapshot>(b =>
        {
            b.ToTable("snapshots");
            b.HasIndex(x => new { x.Period, x.OrgUnitId, x.IndicatorCode }).IsUnique();
            b.HasIndex(x => new { x.IndicatorCode, x.OrgUnitId });
            b.Property(x => x.Period).HasMaxLength(7);
            b.Property(x => x.IndicatorCode).HasMaxLength(64);
            b.Property(x => x.Value).HasPrecision(18, 4);
            b.Property(x => x.Numerator).HasPrecision(18, 4);
            b.Property(x => x.Denominator).HasPrecision(18, 4);
        });
        builder.Entity<ComputeRun>(b =>
        {
            b.ToTable("runs");
            b.HasIndex(x => x.Period);
            b.Property(x => x.Period).HasMaxLength(7);
            b.Property(x => x.By).HasMaxLength(100);
        });
        FormsModel.Map(builder);
    }
}

internal sealed class IndicatorsDbSqlite(DbContextOptions<IndicatorsDbSqlite> options) : IndicatorsDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class IndicatorsDbPostgres(DbContextOptions<IndicatorsDbPostgres> options) : IndicatorsDb(options)
{
    protected override bool IsPostgres => true;
}
