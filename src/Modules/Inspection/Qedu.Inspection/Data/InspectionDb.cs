using Microsoft.EntityFrameworkCore;
using Qedu.Inspection.Domain;
using Qedu.Kernel.Persistence;

namespace Qedu.Inspection.Data;

/// <summary>The inspection module's data (assignments, visits, evaluations, the expert library), in its own schema ("inspection") or table prefix.</summary>
internal abstract class InspectionDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "inspection";

    public DbSet<InspectorAssignment> Assignments => Set<InspectorAssignment>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<VisitFinding> Findings => Set<VisitFinding>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<EvaluationScore> Scores => Set<EvaluationScore>();
    public DbSet<Expert> Experts => Set<Expert>();

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<InspectorAssignment>(b =>
        {
            b.ToTable("assignments");
            b.Property(x => x.InspectorName).HasMaxLength(100);
            b.Property(x => x.AssignedBy).HasMaxLength(100);
            // One responsible inspector per school at a time: two assignments at once, one stands.
            b.HasIndex(x => x.OrgUnitId).IsUnique().HasFilter("ended_on IS NULL");
            b.HasIndex(x => x.InspectorUserId);
        });
        builder.Entity<Visit>(b =>
        {
            b.ToTable("visits");
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Topic).HasMaxLength(200);
            b.Property(x => x.Report).HasMaxLength(8000);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.OrgUnitId, x.VisitedOn });
        });
        builder.Entity<VisitFinding>(b =>
        {
            b.ToTable("visit_findings");
            b.Property(x => x.Text).HasMaxLength(2000);
            b.HasIndex(x => x.VisitId);
            b.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Evaluation>(b =>
        {
            b.ToTable("evaluations");
            b.Property(x => x.SchemeCode).HasMaxLength(20);
            b.Property(x => x.Level).HasMaxLength(20);
            b.Property(x => x.CreatedBy).HasMaxLength(100);
            // One evaluation of a unit under a scheme a year.
            b.HasIndex(x => new { x.OrgUnitId, x.SchemeCode, x.Year }).IsUnique();
        });
        builder.Entity<EvaluationScore>(b =>
        {
            b.ToTable("evaluation_scores");
            b.Property(x => x.IndicatorCode).HasMaxLength(20);
            b.Property(x => x.Evidence).HasMaxLength(2000);
            b.Property(x => x.ScoredBy).HasMaxLength(100);
            b.HasIndex(x => new { x.EvaluationId, x.IndicatorCode }).IsUnique();
            b.HasOne<Evaluation>().WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Expert>(b =>
        {
            b.ToTable("experts");
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Field).HasMaxLength(100);
            b.Property(x => x.Organisation).HasMaxLength(200);
            b.HasIndex(x => new { x.OrgUnitId, x.Kind });
        });
    }
}

internal sealed class InspectionDbSqlite(DbContextOptions<InspectionDbSqlite> options) : InspectionDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class InspectionDbPostgres(DbContextOptions<InspectionDbPostgres> options) : InspectionDb(options)
{
    protected override bool IsPostgres => true;
}
