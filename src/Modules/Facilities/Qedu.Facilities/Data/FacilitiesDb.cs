using Microsoft.EntityFrameworkCore;
using Qedu.Facilities.Domain;
using Qedu.Kernel.Persistence;

namespace Qedu.Facilities.Data;

/// <summary>The facilities module's data (zones, births, enrolment, housing, migration adjustments, projects), in its own schema ("facilities") or table prefix.</summary>
internal abstract class FacilitiesDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "facilities";

    public DbSet<PlanningZone> Zones => Set<PlanningZone>();
    public DbSet<ZoneBirths> Births => Set<ZoneBirths>();
    public DbSet<ZoneEnrolment> Enrolment => Set<ZoneEnrolment>();
    public DbSet<ZoneHousing> Housing => Set<ZoneHousing>();
    public DbSet<ZoneMigration> Migration => Set<ZoneMigration>();
    public DbSet<ConstructionProject> Projects => Set<ConstructionProject>();
    public DbSet<ProjectMilestone> Milestones => Set<ProjectMilestone>();

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<PlanningZone>(b =>
        {
            b.ToTable("zones");
            b.Property(x => x.Code).HasMaxLength(20);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.GradeOneSchools).HasMaxLength(1000);
            b.Property(x => x.GradeSevenSchools).HasMaxLength(1000);
            // Zone codes are the city's: the health authorities' births file names a zone by its code alone.
            b.HasIndex(x => x.Code).IsUnique();
            b.HasIndex(x => x.OrgUnitId);
        });
        builder.Entity<ZoneBirths>(b =>
        {
            b.ToTable("births");
            b.Property(x => x.Source).HasMaxLength(200);
            b.HasIndex(x => new { x.ZoneId, x.Year }).IsUnique();
            b.HasIndex(x => x.OrgUnitId);
            b.HasOne<PlanningZone>().WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ZoneEnrolment>(b =>
        {
            b.ToTable("enrolment");
            b.HasIndex(x => new { x.ZoneId, x.Year, x.Grade }).IsUnique();
            b.HasIndex(x => x.OrgUnitId);
            b.HasOne<PlanningZone>().WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ZoneHousing>(b =>
        {
            b.ToTable("housing");
            b.HasIndex(x => new { x.ZoneId, x.Year }).IsUnique();
            b.HasIndex(x => x.OrgUnitId);
            b.HasOne<PlanningZone>().WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ZoneMigration>(b =>
        {
            b.ToTable("migration");
            b.HasIndex(x => new { x.ZoneId, x.Year, x.Grade }).IsUnique();
            b.HasIndex(x => x.OrgUnitId);
            b.HasOne<PlanningZone>().WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ConstructionProject>(b =>
        {
            b.ToTable("projects");
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.BudgetWan).HasPrecision(14, 2);
            b.Property(x => x.PlanTask).HasMaxLength(200);
            b.Property(x => x.CreatedBy).HasMaxLength(100);
            b.HasIndex(x => x.OrgUnitId);
            b.HasIndex(x => x.ZoneId);
        });
        builder.Entity<ProjectMilestone>(b =>
        {
            b.ToTable("milestones");
            b.Property(x => x.Name).HasMaxLength(100);
            b.HasIndex(x => x.ProjectId);
            b.HasIndex(x => x.OrgUnitId);
            b.HasOne<ConstructionProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

internal sealed class FacilitiesDbSqlite(DbContextOptions<FacilitiesDbSqlite> options) : FacilitiesDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class FacilitiesDbPostgres(DbContextOptions<FacilitiesDbPostgres> options) : FacilitiesDb(options)
{
    protected override bool IsPostgres => true;
}
