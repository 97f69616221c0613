using Microsoft.EntityFrameworkCore;
using Qedu.Growth.Domain;
using Qedu.Kernel.Persistence;

namespace Qedu.Growth.Data;

/// <summary>
/// The growth module's own data (fitness results, vision screenings), in its own schema ("growth") or table prefix. Rows
/// name a registry student id with no foreign key across modules: the registry owns students and never deletes one.
/// </summary>
internal abstract class GrowthDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "growth";

    public DbSet<FitnessResult> Fitness => Set<FitnessResult>();
    public DbSet<VisionResult> Vision => Set<VisionResult>();
    public DbSet<MentalScreening> MentalScreenings => Set<MentalScreening>();
    public DbSet<MentalCase> MentalCases => Set<MentalCase>();
    public DbSet<MentalCaseEntry> MentalCaseEntries => Set<MentalCaseEntry>();
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<PracticeSession> Sessions => Set<PracticeSession>();
    public DbSet<PracticeBooking> Bookings => Set<PracticeBooking>();
    public DbSet<PracticeCheckIn> CheckIns => Set<PracticeCheckIn>();
    public DbSet<StudyCourse> StudyCourses => Set<StudyCourse>();
    public DbSet<StudyTrip> StudyTrips => Set<StudyTrip>();
    public DbSet<AidApplication> AidApplications => Set<AidApplication>();
    public DbSet<AidPayment> AidPayments => Set<AidPayment>();
    public DbSet<GrowthEntry> Entries => Set<GrowthEntry>();
    public DbSet<GrowthEvidence> Evidence => Set<GrowthEvidence>();
    public DbSet<TermConfirmation> Confirmations => Set<TermConfirmation>();
    public DbSet<CareRoom> CareRooms => Set<CareRoom>();
    public DbSet<CareRoomUse> CareRoomUses => Set<CareRoomUse>();
    public DbSet<CareLedger> CareLedgers => Set<CareLedger>();
    public DbSet<CareContact> CareContacts => Set<CareContact>();
    public DbSet<HomeTeachingPlan> HomeTeachingPlans => Set<HomeTeachingPlan>();
    public DbSet<HomeTeachingVisit> HomeTeachingVisits => Set<HomeTeachingVisit>();

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<FitnessResult>(b =>
        {
            b.ToTable("fitness_results");
            b.Property(x => x.StudentNumber).HasMaxLength(30);
            b.Property(x => x.ClassName).HasMaxLength(60);
            b.Property(x => x.GradeCode).HasMaxLength(4);
            b.Property(x => x.GenderCode).HasMaxLength(2);
            b.Property(x => x.Measurements).HasMaxLength(1000);
            b.Property(x => x.Edition).HasMaxLength(60);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.StudentId, x.SchoolYear }).IsUnique();
            b.HasIndex(x => new { x.SchoolYear, x.OrgUnitId });
        });
        builder.Entity<VisionResult>(b =>
        {
            b.ToTable("vision_results");
            b.Property(x => x.StudentNumber).HasMaxLength(30);
            b.Property(x => x.ClassName).HasMaxLength(60);
            b.Property(x => x.GradeCode).HasMaxLength(4);
            b.Property(x => x.Edition).HasMaxLength(60);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.StudentId, x.SchoolYear }).IsUnique();
            b.HasIndex(x => new { x.SchoolYear, x.OrgUnitId });
        });
        builder.Entity<MentalScreening>(b =>
        {
            b.ToTable("mental_screenings");
            b.Property(x => x.StudentNumber).HasMaxLength(30);
            b.Property(x => x.ClassName).HasMaxLength(60);
            b.Property(x => x.GradeCode).HasMaxLength(4);
            b.Property(x => x.Instrument).HasMaxLength(20);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.StudentId, x.ScreenedOn });
            b.HasIndex(x => new { x.SchoolYear, x.OrgUnitId });
        });
        builder.Entity<MentalCase>(b =>
        {
            b.ToTable("mental_cases");
            b.Property(x => x.StudentNumber).HasMaxLength(30);
            b.Property(x => x.ClassName).HasMaxLength(60);
            b.Property(x => x.GradeCode).HasMaxLength(4);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => x.StudentId).IsUnique().HasFilter(isPostgres ? "open" : "open = 1");
            b.HasIndex(x => new { x.OrgUnitId, x.Open });
        });
        builder.Entity<MentalCaseEntry>(b =>
        {
            b.ToTable("mental_case_entries");
            b.Property(x => x.ReferredTo).HasMaxLength(100);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => x.CaseId);
            b.HasOne<MentalCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Venue>(b =>
        {
            b.ToTable("venues");
            b.Property(x => x.Code).HasMaxLength(30);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Category).HasMaxLength(20);
            b.Property(x => x.Level).HasMaxLength(20);
            b.Property(x => x.Address).HasMaxLength(200);
            b.Property(x => x.ProposedBy).HasMaxLength(100);
            b.Property(x => x.ApprovedBy).HasMaxLength(100);
            b.HasIndex(x => x.Code).IsUnique();
            b.HasIndex(x => x.OwnerUnitId);
        });
        builder.Entity<PracticeSession>(b =>
        {
            b.ToTable("practice_sessions");
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.CheckInToken).HasMaxLength(40);
            b.HasIndex(x => new { x.VenueId, x.Day });
            b.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PracticeBooking>(b =>
        {
            b.ToTable("practice_bookings");
            b.Property(x => x.ClassName).HasMaxLength(60);
            b.Property(x => x.BookedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.SessionId, x.OrgUnitId });
            b.HasOne<PracticeSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PracticeCheckIn>(b =>
        {
            b.ToTable("practice_check_ins");
            b.HasIndex(x => new { x.SessionId, x.StudentId }).IsUnique();
            b.HasIndex(x => new { x.StudentId, x.SchoolYear });
            b.HasOne<PracticeSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AidApplication>(b =>
        {
            b.ToTable("aid_applications");
            b.Property(x => x.StudentNumber).HasMaxLength(30);
            b.Property(x => x.ClassName).HasMaxLength(60);
            b.Property(x => x.GradeCode).HasMaxLength(4);
            b.Property(x => x.Scheme).HasMaxLength(30);
            b.Property(x => x.Basis).HasMaxLength(20);
            b.Property(x => x.Amount).HasPrecision(10, 2);
            b.Property(x => x.AppliedBy).HasMaxLength(100);
            b.Property(x => x.ReviewedBy).HasMaxLength(100);
            b.Property(x => x.ReviewNote).HasMaxLength(200);
            b.HasIndex(x => new { x.StudentId, x.SchoolYear, x.Scheme }).IsUnique();
            b.HasIndex(x => new { x.SchoolYear, x.OrgUnitId });
        });
        builder.Entity<AidPayment>(b =>
        {
            b.ToTable("aid_payments");
            b.Property(x => x.Amount).HasPrecision(10, 2);
            b.Property(x => x.Method).HasMaxLength(20);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => x.ApplicationId);
            b.HasOne<AidApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<GrowthEntry>(b =>
        {
            b.ToTable("record_entries");
            b.Property(x => x.StudentNumber).HasMaxLength(32);
            b.Property(x => x.ItemCode).HasMaxLength(30);
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.Detail).HasMaxLength(1000);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.StudentId, x.SchoolYear, x.Term });
            b.HasIndex(x => new { x.ClassId, x.SchoolYear, x.Term });
        });
        builder.Entity<GrowthEvidence>(b =>
        {
            b.ToTable("record_evidence");
            b.Property(x => x.StudentNumber).HasMaxLength(32);
            b.Property(x => x.ItemCode).HasMaxLength(30);
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.Detail).HasMaxLength(1000);
            b.Property(x => x.FileHash).HasMaxLength(64);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.Property(x => x.MediaType).HasMaxLength(100);
            b.Property(x => x.ReviewedBy).HasMaxLength(100);
            b.Property(x => x.ReviewNote).HasMaxLength(300);
            b.HasIndex(x => new { x.StudentId, x.SchoolYear, x.Term });
            b.HasIndex(x => new { x.OrgUnitId, x.State });
            b.HasIndex(x => x.ParentAccountId);
        });
        builder.Entity<CareRoom>(b =>
        {
            b.ToTable("care_rooms");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Facilities).HasMaxLength(300);
            b.Property(x => x.Keeper).HasMaxLength(50);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => x.OrgUnitId).IsUnique();
        });
        builder.Entity<CareRoomUse>(b =>
        {
            b.ToTable("care_room_uses");
            b.Property(x => x.Activity).HasMaxLength(100);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.OrgUnitId, x.Day });
            b.HasOne<CareRoom>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CareLedger>(b =>
        {
            b.ToTable("care_ledgers");
            b.Property(x => x.StudentNumber).HasMaxLength(32);
            b.Property(x => x.CaringTeacher).HasMaxLength(50);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => x.OrgUnitId);
            // One open ledger per child: a second open one is refused by the database itself.
            b.HasIndex(x => x.StudentId).IsUnique().HasFilter("closed_on IS NULL");
        });
        builder.Entity<CareContact>(b =>
        {
            b.ToTable("care_contacts");
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.LedgerId, x.Day });
            b.HasOne<CareLedger>().WithMany().HasForeignKey(x => x.LedgerId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<HomeTeachingPlan>(b =>
        {
            b.ToTable("home_teaching_plans");
            b.Property(x => x.StudentNumber).HasMaxLength(32);
            b.Property(x => x.Teachers).HasMaxLength(100);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => x.OrgUnitId);
            // One open plan per child.
            b.HasIndex(x => x.StudentId).IsUnique().HasFilter("ended_on IS NULL");
        });
        builder.Entity<HomeTeachingVisit>(b =>
        {
            b.ToTable("home_teaching_visits");
            b.Property(x => x.Teachers).HasMaxLength(100);
            b.Property(x => x.Content).HasMaxLength(1000);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.PlanId, x.Day });
            b.HasOne<HomeTeachingPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<StudyCourse>(b =>
        {
            b.ToTable("study_courses");
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.Stage).HasMaxLength(30);
            b.Property(x => x.Summary).HasMaxLength(1000);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => x.VenueId);
            b.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<StudyTrip>(b =>
        {
            b.ToTable("study_trips");
            b.Property(x => x.Transport).HasMaxLength(100);
            b.Property(x => x.SafetyPlan).HasMaxLength(4000);
            b.Property(x => x.ReviewNote).HasMaxLength(300);
            b.Property(x => x.ReviewedBy).HasMaxLength(100);
            b.Property(x => x.SubmittedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.OrgUnitId, x.Day });
            b.HasOne<StudyCourse>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<TermConfirmation>(b =>
        {
            b.ToTable("record_confirmations");
            b.Property(x => x.Comment).HasMaxLength(500);
            b.Property(x => x.ConfirmedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.StudentId, x.SchoolYear, x.Term }).IsUnique();
            b.HasIndex(x => new { x.ClassId, x.SchoolYear, x.Term });
        });
    }
}

internal sealed class GrowthDbSqlite(DbContextOptions<GrowthDbSqlite> options) : GrowthDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class GrowthDbPostgres(DbContextOptions<GrowthDbPostgres> options) : GrowthDb(options)
{
    protected override bool IsPostgres => true;
}
