using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Persistence;
using Qedu.Plans.Domain;

namespace Qedu.Plans.Data;

/// <summary>The plans module's own data, in its own schema ("plans") or table prefix.</summary>
internal abstract class PlansDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "plans";

    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanSection> Sections => Set<PlanSection>();
    public DbSet<PlanTask> Tasks => Set<PlanTask>();
    public DbSet<TaskUnit> TaskUnits => Set<TaskUnit>();
    public DbSet<TaskMilestone> Milestones => Set<TaskMilestone>();
    public DbSet<TaskTarget> Targets => Set<TaskTarget>();
    public DbSet<ProgressReport> Reports => Set<ProgressReport>();
    public DbSet<ReportFigure> Figures => Set<ReportFigure>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<SupervisionNotice> Notices => Set<SupervisionNotice>();
    public DbSet<UnitMapping> UnitMappings => Set<UnitMapping>();

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<Plan>(b =>
        {
            b.ToTable("plans");
            b.HasIndex(x => x.OrgUnitId);
            b.Property(x => x.Title).HasMaxLength(300);
            b.Property(x => x.Issuer).HasMaxLength(300);
            b.Property(x => x.DocumentNumber).HasMaxLength(64);
            b.Property(x => x.IssuedOn).HasMaxLength(10);
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.SourceFileName).HasMaxLength(260);
            b.Property(x => x.ImportedBy).HasMaxLength(100);
            b.Property(x => x.PublishedBy).HasMaxLength(100);
            b.Property(x => x.Revision).IsConcurrencyToken();
        });
        builder.Entity<PlanSection>(b =>
        {
            b.ToTable("sections");
            b.HasIndex(x => new { x.PlanId, x.SortOrder });
            b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            b.Property(x => x.Number).HasMaxLength(16);
            b.Property(x => x.Title).HasMaxLength(300);
        });
        builder.Entity<PlanTask>(b =>
        {
            b.ToTable("tasks");
            b.HasIndex(x => new { x.PlanId, x.SortOrder });
            b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            b.Property(x => x.Number).HasMaxLength(32);
            b.Property(x => x.Title).HasMaxLength(500);
            b.Property(x => x.DeadlineText).HasMaxLength(100);
            b.Property(x => x.AcceptedBy).HasMaxLength(100);
            b.Property(x => x.Revision).IsConcurrencyToken();
        });
        builder.Entity<TaskUnit>(b =>
        {
            b.ToTable("task_units");
            b.HasIndex(x => x.TaskId);
            b.HasIndex(x => x.UnitId);
            b.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.GroupKind).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.PrintedName).HasMaxLength(100);
        });
        builder.Entity<TaskMilestone>(b =>
        {
            b.ToTable("milestones");
            b.HasIndex(x => x.TaskId);
            b.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            b.Property(x => x.AcceptedBy).HasMaxLength(100);
        });
        builder.Entity<TaskTarget>(b =>
        {
            b.ToTable("targets");
            b.HasIndex(x => x.TaskId);
            b.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            b.Property(x => x.Value).HasPrecision(18, 4);
            b.Property(x => x.Unit).HasMaxLength(16);
            b.Property(x => x.Comparator).HasMaxLength(2);
            b.Property(x => x.IndicatorCode).HasMaxLength(64);
        });
        builder.Entity<ProgressReport>(b =>
        {
            b.ToTable("reports");
            b.HasIndex(x => new { x.TaskId, x.ReportedAt });
            b.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            b.Property(x => x.ReportedBy).HasMaxLength(100);
        });
        builder.Entity<ReportFigure>(b =>
        {
            b.ToTable("report_figures");
            b.HasIndex(x => x.ReportId);
            b.HasOne<ProgressReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<TaskTarget>().WithMany().HasForeignKey(x => x.TargetId).OnDelete(DeleteBehavior.Cascade);
            b.Property(x => x.Value).HasPrecision(18, 4);
        });
        builder.Entity<Evidence>(b =>
        {
            b.ToTable("evidence");
            b.HasIndex(x => x.ReportId);
            b.HasOne<ProgressReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
            b.Property(x => x.FileName).HasMaxLength(260);
            b.Property(x => x.ContentType).HasMaxLength(100);
        });
        builder.Entity<SupervisionNotice>(b =>
        {
            b.ToTable("notices");
            b.HasIndex(x => x.TaskId);
            b.HasIndex(x => x.ToUnitId);
            b.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            b.Property(x => x.SentBy).HasMaxLength(100);
            b.Property(x => x.RepliedBy).HasMaxLength(100);
        });
        builder.Entity<UnitMapping>(b =>
        {
            b.ToTable("unit_mappings");
            b.HasIndex(x => new { x.OrgUnitId, x.PrintedKey }).IsUnique();
            b.Property(x => x.PrintedKey).HasMaxLength(100);
            b.Property(x => x.PrintedName).HasMaxLength(100);
            b.Property(x => x.Name).HasMaxLength(100);
        });
    }
}

internal sealed class PlansDbSqlite(DbContextOptions<PlansDbSqlite> options) : PlansDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class PlansDbPostgres(DbContextOptions<PlansDbPostgres> options) : PlansDb(options)
{
    protected override bool IsPostgres => true;
}
