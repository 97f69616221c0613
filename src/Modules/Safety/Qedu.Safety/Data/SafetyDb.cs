using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Persistence;
using Qedu.Safety.Domain;

namespace Qedu.Safety.Data;

/// <summary>The safety module's data (inspections, draws, drills, security teams, canteens), in its own schema ("safety") or table prefix.</summary>
internal abstract class SafetyDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "safety";

    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<InspectionFinding> Findings => Set<InspectionFinding>();
    public DbSet<SamplingDraw> Draws => Set<SamplingDraw>();
    public DbSet<Drill> Drills => Set<Drill>();
    public DbSet<SecurityTeam> Teams => Set<SecurityTeam>();
    public DbSet<Canteen> Canteens => Set<Canteen>();

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<Inspection>(b =>
        {
            b.ToTable("inspections");
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Checklists).HasMaxLength(300);
            b.Property(x => x.Summary).HasMaxLength(2000);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.OrgUnitId, x.InspectedOn });
            b.HasIndex(x => x.DrawId);
        });
        builder.Entity<InspectionFinding>(b =>
        {
            b.ToTable("findings");
            b.Property(x => x.ItemCode).HasMaxLength(40);
            b.Property(x => x.ChecklistCode).HasMaxLength(20);
            b.Property(x => x.Note).HasMaxLength(2000);
            b.HasIndex(x => x.InspectionId);
            b.HasIndex(x => x.RectificationId);
            b.HasOne<Inspection>().WithMany().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SamplingDraw>(b =>
        {
            b.ToTable("draws");
            b.Property(x => x.Seed).HasMaxLength(64);
            b.Property(x => x.Schools).HasMaxLength(8000);
            b.Property(x => x.Purpose).HasMaxLength(200);
            b.Property(x => x.DrawnBy).HasMaxLength(100);
            b.HasIndex(x => new { x.OrgUnitId, x.DrawnAt });
        });
        builder.Entity<Drill>(b =>
        {
            b.ToTable("drills");
            b.Property(x => x.Kind).HasMaxLength(20);
            b.Property(x => x.Problems).HasMaxLength(2000);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.OrgUnitId, x.HeldOn });
        });
        builder.Entity<SecurityTeam>(b =>
        {
            b.ToTable("security_teams");
            b.Property(x => x.Kind).HasMaxLength(20);
            b.Property(x => x.Leader).HasMaxLength(50);
            // One line per team kind a school keeps (三支队伍): an update replaces it.
            b.HasIndex(x => new { x.OrgUnitId, x.Kind }).IsUnique();
        });
        builder.Entity<Canteen>(b =>
        {
            b.ToTable("canteens");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.LicenceNumber).HasMaxLength(40);
            b.HasIndex(x => x.OrgUnitId);
            b.HasIndex(x => x.LicenceExpires);
        });
    }
}

internal sealed class SafetyDbSqlite(DbContextOptions<SafetyDbSqlite> options) : SafetyDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class SafetyDbPostgres(DbContextOptions<SafetyDbPostgres> options) : SafetyDb(options)
{
    protected override bool IsPostgres => true;
}
