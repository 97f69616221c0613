using Microsoft.EntityFrameworkCore;
using Qedu.Family.Domain;
using Qedu.Kernel.Persistence;

namespace Qedu.Family.Data;

/// <summary>The family module's data (after-school care offers, enrolments, the register; the credit bank; parent courses and committees; home visits), in its own schema ("family") or table prefix.</summary>
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
    public DbSet<ParentCourse> ParentCourses => Set<ParentCourse>();
    public DbSet<CourseSeat> CourseSeats => Set<CourseSeat>();
    public DbSet<CourseMaterial> CourseMaterials => Set<CourseMaterial>();
    public DbSet<ParentCommittee> Committees => Set<ParentCommittee>();
    public DbSet<CommitteeMember> CommitteeMembers => Set<CommitteeMember>();
    public DbSet<CommitteeMeeting> CommitteeMeetings => Set<CommitteeMeeting>();
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
        builder.Entity<ParentCourse>(b =>
        {
            b.ToTable("parent_courses");
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.Speaker).HasMaxLength(50);
            b.Property(x => x.Summary).HasMaxLength(1000);
            b.Property(x => x.Place).HasMaxLength(200);
            b.Property(x => x.CreatedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.OrgUnitId, x.Day });
            // The seats can never be overbooked, whatever a write does.
            b.ToTable(t => t.HasCheckConstraint("ck_parent_courses_seats", "registered >= 0 AND registered <= capacity"));
        });
        builder.Entity<CourseSeat>(b =>
        {
            b.ToTable("course_seats");
            b.Property(x => x.Phone).HasMaxLength(20);
            b.HasIndex(x => new { x.CourseId, x.ParentAccountId }).IsUnique();
            b.HasIndex(x => x.ParentAccountId);
            b.HasIndex(x => x.SchoolId);
            b.HasOne<ParentCourse>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CourseMaterial>(b =>
        {
            b.ToTable("course_materials");
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.FileHash).HasMaxLength(64);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.Property(x => x.MediaType).HasMaxLength(100);
            b.Property(x => x.Url).HasMaxLength(500);
            b.Property(x => x.AddedBy).HasMaxLength(100);
            b.HasIndex(x => x.CourseId);
            b.HasOne<ParentCourse>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ParentCommittee>(b =>
        {
            b.ToTable("committees");
            b.Property(x => x.ClassName).HasMaxLength(40);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            // One committee per school (class name empty) and per class a year.
            b.HasIndex(x => new { x.OrgUnitId, x.SchoolYear, x.ClassName }).IsUnique();
        });
        builder.Entity<CommitteeMember>(b =>
        {
            b.ToTable("committee_members");
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.Phone).HasMaxLength(20);
            b.Property(x => x.Role).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.Duty).HasMaxLength(50);
            b.HasIndex(x => x.CommitteeId);
            b.HasOne<ParentCommittee>().WithMany().HasForeignKey(x => x.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CommitteeMeeting>(b =>
        {
            b.ToTable("committee_meetings");
            b.Property(x => x.Topics).HasMaxLength(1000);
            b.Property(x => x.Decisions).HasMaxLength(2000);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => x.CommitteeId);
            b.HasOne<ParentCommittee>().WithMany().HasForeignKey(x => x.CommitteeId).OnDelete(DeleteBehavior.Cascade);
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
