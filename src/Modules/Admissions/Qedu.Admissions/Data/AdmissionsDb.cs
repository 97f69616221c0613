using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Qedu.Admissions.Domain;
using Qedu.Kernel.Idempotency;
using Qedu.Kernel.Persistence;

namespace Qedu.Admissions.Data;

/// <summary>The admissions module's own data, in its own schema ("admissions") or table prefix.</summary>
internal abstract class AdmissionsDb(DbContextOptions options) : EncryptedModuleDbContext(options, Module)
{
    public const string Module = "admissions";

    public DbSet<Season> Seasons => Set<Season>();
    public DbSet<SeasonSchool> SeasonSchools => Set<SeasonSchool>();
    public DbSet<SeasonCategory> Categories => Set<SeasonCategory>();
    public DbSet<PointsRule> PointsRules => Set<PointsRule>();
    public DbSet<ZoneLine> ZoneLines => Set<ZoneLine>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationChoice> Choices => Set<ApplicationChoice>();
    public DbSet<ApplicationEvent> Events => Set<ApplicationEvent>();
    public DbSet<ApplicationMaterial> Materials => Set<ApplicationMaterial>();
    public DbSet<AllocationRun> Runs => Set<AllocationRun>();
    public DbSet<RunPlacement> Placements => Set<RunPlacement>();
    public DbSet<VerificationImport> VerificationImports => Set<VerificationImport>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        // Idempotency-Key records of parents' submissions, committed with the application they answer.
        builder.MapIdempotencyRecords();
        builder.Entity<Season>(b =>
        {
            b.ToTable("seasons");
            b.HasIndex(x => x.Code).IsUnique();
            b.HasIndex(x => x.OrgUnitId);
            b.Property(x => x.Code).HasMaxLength(40);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Mechanism).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.Property(x => x.DrawCommitment).HasMaxLength(64);
            b.Property(x => x.DrawSeed).HasColumnName("draw_seed_encrypted").HasConversion((ValueConverter)FieldEncryption.Converter);
            b.Property(x => x.DrawSalt).HasColumnName("draw_salt_encrypted").HasConversion((ValueConverter)FieldEncryption.Converter);
        });
        builder.Entity<SeasonSchool>(b =>
        {
            b.ToTable("season_schools");
            b.HasIndex(x => new { x.SeasonId, x.SchoolId }).IsUnique();
            b.HasOne<Season>().WithMany().HasForeignKey(x => x.SeasonId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SeasonCategory>(b =>
        {
            b.ToTable("season_categories");
            b.HasIndex(x => new { x.SeasonId, x.Rank }).IsUnique();
            b.Property(x => x.Code).HasMaxLength(40);
            b.Property(x => x.NameZh).HasMaxLength(100);
            b.Property(x => x.NameEn).HasMaxLength(100);
            b.HasOne<Season>().WithMany().HasForeignKey(x => x.SeasonId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PointsRule>(b =>
        {
            b.ToTable("points_rules");
            b.Property(x => x.Fact).HasConversion<string>().HasMaxLength(30);
            b.Property(x => x.PointsPerUnit).HasPrecision(9, 2);
            b.Property(x => x.MaxPoints).HasPrecision(9, 2);
            b.HasOne<Season>().WithMany().HasForeignKey(x => x.SeasonId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ZoneLine>(b =>
        {
            b.ToTable("zone_lines");
            b.HasIndex(x => new { x.SeasonId, x.Compound });
            b.HasIndex(x => new { x.SeasonId, x.Street });
            b.Property(x => x.Compound).HasMaxLength(100);
            b.Property(x => x.Street).HasMaxLength(100);
            b.Property(x => x.Parity).HasConversion<string>().HasMaxLength(8);
            b.HasOne<Season>().WithMany().HasForeignKey(x => x.SeasonId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Application>(b =>
        {
            b.ToTable("applications");
            if (isPostgres)
            {
                // Ids drawn ahead in blocks (hi/lo): a submission knows its id, and so its number, before it is saved, and
                // saves the application, its choices, event and key in one round trip.
                // Blocks of 100: one sequence read per hundred submissions on a node; a restart skips the rest of a block.
                builder.HasSequence<long>("application_ids", Module).IncrementsBy(100);
                b.Property(x => x.Id).UseHiLo("application_ids", Module);
            }
            b.HasIndex(x => new { x.SeasonId, x.ChildKey }).IsUnique();
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => x.ParentAccountId);
            b.HasIndex(x => new { x.OrgUnitId, x.SeasonId, x.Status });
            // Each node asks every second which applications changed lately; an insert (the peak) adds nothing to it.
            b.HasIndex(x => x.ChangedAt).HasFilter("changed_at IS NOT NULL");
            b.Property(x => x.Number).HasMaxLength(40);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.ChildName).HasMaxLength(64);
            b.Property(x => x.ResidentId).HasColumnName("resident_id_encrypted").HasConversion((ValueConverter)FieldEncryption.Converter);
            b.Property(x => x.DocumentNumber).HasColumnName("document_number_encrypted").HasConversion((ValueConverter)FieldEncryption.Converter);
            b.Property(x => x.DocumentType).HasMaxLength(40);
            b.Property(x => x.ChildKey).HasMaxLength(64);
            b.Property(x => x.GenderCode).HasMaxLength(2);
            b.Property(x => x.GuardianName).HasMaxLength(64);
            b.Property(x => x.HomeCompound).HasMaxLength(100);
            b.Property(x => x.HomeStreet).HasMaxLength(100);
            b.Property(x => x.HomeDetail).HasMaxLength(200);
            b.Property(x => x.PolicyCare).HasMaxLength(200);
            b.Property(x => x.Points).HasPrecision(9, 2);
            b.Property(x => x.ReviewNote).HasMaxLength(500);
            b.Property(x => x.OfferRoute).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.HukouCheck).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.PropertyCheck).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.InsuranceCheck).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.AppealStatus).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.AppealReason).HasMaxLength(1000);
            b.Property(x => x.AppealAnswer).HasMaxLength(1000);
            b.HasIndex(x => x.StudentId);
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.HasOne<Season>().WithMany().HasForeignKey(x => x.SeasonId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ApplicationChoice>(b =>
        {
            b.ToTable("application_choices");
            b.HasIndex(x => new { x.ApplicationId, x.Rank }).IsUnique();
            b.HasIndex(x => x.SchoolId);
            b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ApplicationMaterial>(b =>
        {
            b.ToTable("application_materials");
            b.HasIndex(x => x.ApplicationId);
            b.HasIndex(x => x.FileHash);
            b.Property(x => x.Kind).HasMaxLength(30);
            b.Property(x => x.FileHash).HasMaxLength(64);
            b.Property(x => x.MediaType).HasMaxLength(100);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AllocationRun>(b =>
        {
            b.ToTable("allocation_runs");
            b.HasIndex(x => x.SeasonId);
            b.Property(x => x.RunBy).HasMaxLength(100);
            b.Property(x => x.Seed).HasMaxLength(100);
            b.HasOne<Season>().WithMany().HasForeignKey(x => x.SeasonId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<RunPlacement>(b =>
        {
            b.ToTable("placements");
            b.HasIndex(x => new { x.RunId, x.ApplicationId }).IsUnique();
            b.Property(x => x.ExplanationZh).HasMaxLength(2000);
            b.Property(x => x.ExplanationEn).HasMaxLength(2000);
            b.HasOne<AllocationRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<VerificationImport>(b =>
        {
            b.ToTable("verification_imports");
            b.HasIndex(x => x.SeasonId);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.Property(x => x.FileHash).HasMaxLength(64);
            b.Property(x => x.ImportedBy).HasMaxLength(100);
            b.HasOne<Season>().WithMany().HasForeignKey(x => x.SeasonId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ApplicationEvent>(b =>
        {
            b.ToTable("application_events");
            b.HasIndex(x => x.ApplicationId);
            b.Property(x => x.Kind).HasMaxLength(20);
            b.Property(x => x.Actor).HasMaxLength(100);
            b.Property(x => x.Note).HasMaxLength(500);
            b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

internal sealed class AdmissionsDbSqlite(DbContextOptions<AdmissionsDbSqlite> options)
    : AdmissionsDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class AdmissionsDbPostgres(DbContextOptions<AdmissionsDbPostgres> options)
    : AdmissionsDb(options)
{
    protected override bool IsPostgres => true;
}
