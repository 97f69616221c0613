using Microsoft.EntityFrameworkCore;
using Qedu.Family.Domain;
using Qedu.Kernel.Persistence;

namespace Qedu.Family.Data;

/// <summary>The family module's data (after-school care offers, enrolments, the register; the credit bank; home visits), in its own schema ("family") or table prefix.</summary>
internal abstract class FamilyDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "family";

    public DbSet<CareOffer> CareOffers => Set<CareOffer>();
    public DbSet<CareEnrolment> CareEnrolments => Set<CareEnrolment>();
    public DbSet<CareAttendance> CareAttendance => Set<CareAttendance>();
    public DbSet<CreditProvider> CreditProviders => Set<CreditProvider>();
    public DbSet<CreditLearner> CreditLearners => Set<CreditLearner>();
    public DbSet<CreditOutcome> CreditOutcomes => Set<CreditOutcome>();
    public DbSet<CreditTranscript> CreditTranscripts => Set<CreditTranscript>();
    public DbSet<HomeVisit> HomeVisits => Set<HomeVisit>();

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<CareOffer>(b =>
        {
            b.ToTable("care_offers");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Weekdays).HasMaxLength(20);
            b.Property(x => x.Grades).HasMaxLength(60);
            b.Property(x => x.Activities).HasMaxLength(1000);
            b.Property(x => x.Fee).HasPrecision(10, 2);
            b.Property(x => x.Subsidy).HasPrecision(10, 2);
            b.Property(x => x.CreatedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.OrgUnitId, x.TermStarts });
            // The places can never be overbooked, whatever a write does.
            b.ToTable(t => t.HasCheckConstraint("ck_care_offers_places", "enrolled >= 0 AND enrolled <= capacity"));
        });
        builder.Entity<CareEnrolment>(b =>
        {
            b.ToTable("care_enrolments");
            b.HasIndex(x => new { x.OfferId, x.StudentId }).IsUnique();
            b.HasIndex(x => x.OrgUnitId);
            b.HasIndex(x => x.StudentId);
            b.HasOne<CareOffer>().WithMany().HasForeignKey(x => x.OfferId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CareAttendance>(b =>
        {
            b.ToTable("care_attendance");
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.OfferId, x.Day, x.StudentId }).IsUnique();
            b.HasIndex(x => x.OrgUnitId);
            b.HasOne<CareOffer>().WithMany().HasForeignKey(x => x.OfferId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CreditProvider>(b =>
        {
            b.ToTable("credit_providers");
            b.Property(x => x.Code).HasMaxLength(20);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Kind).HasMaxLength(40);
            b.Property(x => x.AccreditedBy).HasMaxLength(100);
            b.HasIndex(x => x.Code).IsUnique();
            b.HasIndex(x => x.OrgUnitId);
        });
        builder.Entity<CreditLearner>(b =>
        {
            b.ToTable("credit_learners");
            b.Property(x => x.Phone).HasMaxLength(20);
            b.Property(x => x.Name).HasMaxLength(50);
            b.HasIndex(x => x.Phone).IsUnique();
        });
        builder.Entity<CreditOutcome>(b =>
        {
            b.ToTable("credit_outcomes");
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Code).HasMaxLength(40);
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Hours).HasPrecision(8, 1);
            b.Property(x => x.Score).HasPrecision(6, 1);
            b.Property(x => x.Credits).HasPrecision(6, 1);
            b.Property(x => x.EquivalenceGroup).HasMaxLength(40);
            b.Property(x => x.RulesEdition).HasMaxLength(60);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => x.LearnerId);
            b.HasIndex(x => x.OrgUnitId);
            b.HasOne<CreditProvider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<CreditLearner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<CreditTranscript>(b =>
        {
            b.ToTable("credit_transcripts");
            b.Property(x => x.Code).HasMaxLength(20);
            b.Property(x => x.TotalCredits).HasPrecision(8, 1);
            b.Property(x => x.ContentHash).HasMaxLength(64);
            b.HasIndex(x => x.Code).IsUnique();
            b.HasIndex(x => x.LearnerId);
            b.HasOne<CreditLearner>().WithMany().HasForeignKey(x => x.LearnerId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<HomeVisit>(b =>
        {
            b.ToTable("home_visits");
            b.Property(x => x.StudentNumber).HasMaxLength(30);
            b.Property(x => x.ClassName).HasMaxLength(50);
            b.Property(x => x.Teacher).HasMaxLength(50);
            b.Property(x => x.Form).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.CancelReason).HasMaxLength(200);
            b.Property(x => x.PlannedBy).HasMaxLength(100);
            b.Property(x => x.ClosedBy).HasMaxLength(100);
            // Coverage reads done visits by school and day; a child's page reads by student.
            b.HasIndex(x => new { x.OrgUnitId, x.Status, x.VisitedOn });
            b.HasIndex(x => new { x.StudentId, x.PlannedOn });
            // One planned visit per child at a time: a second is refused by the database itself, however many ask at once.
            b.HasIndex(x => x.StudentId, "ux_home_visits_planned").IsUnique().HasFilter("status = 'Planned'");
        });
    }
}

internal sealed class FamilyDbSqlite(DbContextOptions<FamilyDbSqlite> options) : FamilyDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class FamilyDbPostgres(DbContextOptions<FamilyDbPostgres> options) : FamilyDb(options)
{
    protected override bool IsPostgres => true;
}
