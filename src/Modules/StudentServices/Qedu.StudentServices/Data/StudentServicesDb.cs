using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Qedu.Kernel.Persistence;
using Qedu.StudentServices.Domain;

namespace Qedu.StudentServices.Data;

/// <summary>The student services' own data (status changes, their steps and clocks; the 一次办好 catalogue; ratings), in its own schema ("services") or table prefix.</summary>
internal abstract class StudentServicesDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "services";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public DbSet<StatusChange> Changes => Set<StatusChange>();
    public DbSet<ChangeStep> Steps => Set<ChangeStep>();
    public DbSet<ChangePause> Pauses => Set<ChangePause>();
    public DbSet<IncomingChild> Incoming => Set<IncomingChild>();
    public DbSet<ChangeMaterial> Materials => Set<ChangeMaterial>();
    public DbSet<ServiceItem> Items => Set<ServiceItem>();
    public DbSet<ServiceItemVersion> Versions => Set<ServiceItemVersion>();
    public DbSet<ServiceRating> Ratings => Set<ServiceRating>();
    public DbSet<RatingCase> RatingCases => Set<RatingCase>();
    public DbSet<DropoutCase> Dropouts => Set<DropoutCase>();
    public DbSet<DropoutFollowUp> FollowUps => Set<DropoutFollowUp>();

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<StatusChange>(b =>
        {
            b.ToTable("status_changes");
            b.Property(x => x.Number).HasMaxLength(20);
            b.HasIndex(x => x.Number).IsUnique();
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Applicant).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.StudentNumber).HasMaxLength(30);
            b.Property(x => x.StudentName).HasMaxLength(50);
            b.Property(x => x.OtherSchool).HasMaxLength(200);
            b.Property(x => x.Reason).HasMaxLength(500);
            b.Property(x => x.ApplicantName).HasMaxLength(100);
            b.Property(x => x.ServiceCode).HasMaxLength(30);
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.HasIndex(x => x.ParentAccountId);
            // One open change per student: a second is refused by the index, also under a race.
            b.HasIndex(x => x.StudentId).IsUnique().HasFilter("state IN ('UnderReview', 'Returned')")
                .HasDatabaseName("ix_status_changes_one_open_per_student");
            b.HasIndex(x => x.FromSchoolId);
            // A 转入 has no student yet: one open change per 学籍号 covers it (and every other kind).
            b.HasIndex(x => x.StudentNumber).IsUnique().HasFilter("state IN ('UnderReview', 'Returned')")
                .HasDatabaseName("ix_status_changes_one_open_per_number");
        });
        builder.Entity<ChangeMaterial>(b =>
        {
            b.ToTable("change_materials");
            b.HasOne<StatusChange>().WithMany().HasForeignKey(x => x.ChangeId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => x.ChangeId);
            b.HasIndex(x => x.FileHash);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.Property(x => x.MediaType).HasMaxLength(100);
            b.Property(x => x.FileHash).HasMaxLength(64);
            b.Property(x => x.UploadedBy).HasMaxLength(100);
        });
        builder.Entity<IncomingChild>(b =>
        {
            b.ToTable("incoming_children");
            b.HasKey(x => x.ChangeId);
            b.HasOne<StatusChange>().WithOne().HasForeignKey<IncomingChild>(x => x.ChangeId).OnDelete(DeleteBehavior.Cascade);
            b.Property(x => x.GenderCode).HasMaxLength(2);
            b.Property(x => x.GuardianName).HasMaxLength(50);
            b.Property(x => x.GuardianRelationCode).HasMaxLength(4);
            b.Property(x => x.GuardianPhone).HasMaxLength(20);
        });
        builder.Entity<ChangeStep>(b =>
        {
            b.ToTable("change_steps");
            b.HasOne<StatusChange>().WithMany().HasForeignKey(x => x.ChangeId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => new { x.ChangeId, x.Sequence }).IsUnique();
            b.HasIndex(x => new { x.OrgUnitId, x.Decision });
            b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Note).HasMaxLength(500);
            b.Property(x => x.DecidedBy).HasMaxLength(100);
        });
        builder.Entity<ChangePause>(b =>
        {
            b.ToTable("change_pauses");
            b.HasOne<StatusChange>().WithMany().HasForeignKey(x => x.ChangeId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => x.ChangeId);
            b.Property(x => x.Missing).HasMaxLength(500);
            b.Property(x => x.Answer).HasMaxLength(500);
        });
        builder.Entity<ServiceItem>(b =>
        {
            b.ToTable("catalogue_items");
            b.Property(x => x.Code).HasMaxLength(30);
            b.HasIndex(x => x.Code).IsUnique();
            b.Property(x => x.Revision).IsConcurrencyToken();
        });
        builder.Entity<ServiceItemVersion>(b =>
        {
            b.ToTable("catalogue_versions");
            b.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => new { x.ItemId, x.Version }).IsUnique();
            // At most one draft per item: the next version is edited in place until it is published.
            b.HasIndex(x => x.ItemId).IsUnique().HasFilter("state = 'Draft'").HasDatabaseName("ix_catalogue_versions_one_draft");
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Procedure).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Channels).HasConversion<int>();
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.NameEn).HasMaxLength(200);
            b.Property(x => x.ImplementingBody).HasMaxLength(200);
            b.Property(x => x.LegalBasis).HasMaxLength(2000);
            b.Property(x => x.Conditions).HasMaxLength(2000);
            b.Property(x => x.Process).HasMaxLength(2000);
            b.Property(x => x.Fees).HasMaxLength(200);
            b.Property(x => x.ChangeNote).HasMaxLength(500);
            b.Property(x => x.CreatedBy).HasMaxLength(100);
            b.Property(x => x.PublishedBy).HasMaxLength(100);
            // The materials are part of the version (copied with it, never shared), so a JSON column, not a table.
            b.Property(x => x.Materials).HasConversion(
                    v => JsonSerializer.Serialize(v, JsonOptions),
                    v => JsonSerializer.Deserialize<List<ServiceMaterial>>(v, JsonOptions) ?? new List<ServiceMaterial>(),
                    new ValueComparer<List<ServiceMaterial>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, m) => HashCode.Combine(h, m)),
                        v => v.ToList()))
                .HasMaxLength(8000);
            b.Property(x => x.Revision).IsConcurrencyToken();
        });
        builder.Entity<ServiceRating>(b =>
        {
            b.ToTable("service_ratings");
            b.HasOne<StatusChange>().WithMany().HasForeignKey(x => x.ChangeId).OnDelete(DeleteBehavior.Cascade);
            // Once per change, also under a race.
            b.HasIndex(x => x.ChangeId).IsUnique();
            b.HasIndex(x => x.RatedOn);
            b.Property(x => x.ServiceCode).HasMaxLength(30);
            b.Property(x => x.Comment).HasMaxLength(500);
        });
        builder.Entity<DropoutCase>(b =>
        {
            b.ToTable("dropout_cases");
            b.Property(x => x.Number).HasMaxLength(20);
            b.HasIndex(x => x.Number).IsUnique();
            // One open case per student, also under a race.
            b.HasIndex(x => x.StudentId).IsUnique().HasFilter("state = 'Open'").HasDatabaseName("ix_dropout_cases_one_open_per_student");
            b.HasIndex(x => new { x.OrgUnitId, x.State });
            b.Property(x => x.StudentNumber).HasMaxLength(30);
            b.Property(x => x.StudentName).HasMaxLength(50);
            b.Property(x => x.ClassName).HasMaxLength(100);
            b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.Details).HasMaxLength(500);
            b.Property(x => x.ReportedBy).HasMaxLength(100);
            b.Property(x => x.EndNote).HasMaxLength(500);
            b.Property(x => x.Revision).IsConcurrencyToken();
        });
        builder.Entity<DropoutFollowUp>(b =>
        {
            b.ToTable("dropout_follow_ups");
            b.HasOne<DropoutCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => new { x.CaseId, x.On });
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Note).HasMaxLength(500);
            b.Property(x => x.By).HasMaxLength(100);
        });
        builder.Entity<RatingCase>(b =>
        {
            b.ToTable("rating_cases");
            b.HasOne<ServiceRating>().WithMany().HasForeignKey(x => x.RatingId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => x.RatingId).IsUnique();
            b.HasIndex(x => new { x.OrgUnitId, x.AnsweredOn });
            b.Property(x => x.Answer).HasMaxLength(1000);
            b.Property(x => x.AnsweredBy).HasMaxLength(100);
            b.Property(x => x.Revision).IsConcurrencyToken();
        });
    }
}

internal sealed class StudentServicesDbSqlite(DbContextOptions<StudentServicesDbSqlite> options) : StudentServicesDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class StudentServicesDbPostgres(DbContextOptions<StudentServicesDbPostgres> options) : StudentServicesDb(options)
{
    protected override bool IsPostgres => true;
}
