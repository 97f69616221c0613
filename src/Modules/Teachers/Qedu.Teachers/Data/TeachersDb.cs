using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Persistence;
using Qedu.Teachers.Domain;

namespace Qedu.Teachers.Data;

/// <summary>
/// The teachers' own data (certificates and their registrations, titles over time, backbone awards, honours, studios,
/// establishment quotas), in its own schema ("teachers") or table prefix. Rows name a registry staff id with no foreign
/// key across modules: the registry owns staff and never deletes one.
/// </summary>
internal abstract class TeachersDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "teachers";

    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<CertificateRegistration> Registrations => Set<CertificateRegistration>();
    public DbSet<TitleRecord> Titles => Set<TitleRecord>();
    public DbSet<BackboneAward> Backbone => Set<BackboneAward>();
    public DbSet<Honour> Honours => Set<Honour>();
    public DbSet<Studio> Studios => Set<Studio>();
    public DbSet<StudioMember> StudioMembers => Set<StudioMember>();
    public DbSet<EstablishmentQuota> Establishment => Set<EstablishmentQuota>();
    public DbSet<EthicsReview> EthicsReviews => Set<EthicsReview>();
    public DbSet<EthicsBar> EthicsBars => Set<EthicsBar>();
    public DbSet<ReportCase> Reports => Set<ReportCase>();
    public DbSet<ReportContact> ReportContacts => Set<ReportContact>();
    public DbSet<ReportEntry> ReportEntries => Set<ReportEntry>();
    public DbSet<ReportFile> ReportFiles => Set<ReportFile>();
    public DbSet<TrainingProvider> Providers => Set<TrainingProvider>();
    public DbSet<TrainingCourse> Courses => Set<TrainingCourse>();
    public DbSet<TrainingEnrolment> Enrolments => Set<TrainingEnrolment>();
    public DbSet<TrainingHours> Hours => Set<TrainingHours>();
    public DbSet<RotationMove> RotationMoves => Set<RotationMove>();

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<Certificate>(b =>
        {
            b.ToTable("certificates");
            b.Property(x => x.Subject).HasMaxLength(20);
            b.Property(x => x.Number).HasMaxLength(40);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => x.StaffId);
            b.HasIndex(x => x.OrgUnitId);
        });
        builder.Entity<CertificateRegistration>(b =>
        {
            b.ToTable("certificate_registrations");
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.CertificateId, x.RegisteredOn }).IsUnique();
            b.HasIndex(x => x.StaffId);
            b.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<TitleRecord>(b =>
        {
            b.ToTable("titles");
            b.Property(x => x.TitleCode).HasMaxLength(10);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.StaffId, x.From }).IsUnique();
        });
        builder.Entity<BackboneAward>(b =>
        {
            b.ToTable("backbone_awards");
            b.Property(x => x.AwardedBy).HasMaxLength(100);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => x.StaffId);
            b.HasIndex(x => new { x.OrgUnitId, x.Level });
        });
        builder.Entity<Honour>(b =>
        {
            b.ToTable("honours");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.AwardedBy).HasMaxLength(100);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => x.StaffId);
        });
        builder.Entity<Studio>(b =>
        {
            b.ToTable("studios");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => x.HostStaffId);
        });
        builder.Entity<StudioMember>(b =>
        {
            b.ToTable("studio_members");
            b.HasIndex(x => new { x.StudioId, x.StaffId, x.From }).IsUnique();
            b.HasIndex(x => x.StaffId);
            b.HasOne<Studio>().WithMany().HasForeignKey(x => x.StudioId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<EstablishmentQuota>(b =>
        {
            b.ToTable("establishment_quotas");
            b.Property(x => x.Subject).HasMaxLength(20);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.OrgUnitId, x.Year, x.Subject }).IsUnique();
        });
        builder.Entity<EthicsReview>(b =>
        {
            b.ToTable("ethics_reviews");
            b.Property(x => x.Comment).HasMaxLength(500);
            b.Property(x => x.ReviewedBy).HasMaxLength(100);
            b.Property(x => x.ConfirmedBy).HasMaxLength(100);
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.HasIndex(x => new { x.StaffId, x.Year }).IsUnique();
            b.HasIndex(x => new { x.OrgUnitId, x.Year });
        });
        builder.Entity<EthicsBar>(b =>
        {
            b.ToTable("ethics_bars");
            b.Property(x => x.Source).HasMaxLength(20);
            b.Property(x => x.CreatedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.StaffId, x.To });
        });
        builder.Entity<ReportCase>(b =>
        {
            b.ToTable("reports");
            b.Property(x => x.Number).HasMaxLength(14);
            b.HasIndex(x => x.Number).IsUnique();
            b.Property(x => x.SecretHash).HasMaxLength(64);
            b.Property(x => x.SchoolText).HasMaxLength(100);
            b.Property(x => x.TeacherText).HasMaxLength(50);
            b.Property(x => x.Text).HasMaxLength(2000);
            b.Property(x => x.PublicConclusion).HasMaxLength(1000);
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.HasIndex(x => new { x.OrgUnitId, x.State });
        });
        // The sealed contact: its own table, keyed by the case, with no navigation from the case (no handler's query reaches it by a join).
        builder.Entity<ReportContact>(b =>
        {
            b.ToTable("report_contacts");
            b.HasKey(x => x.CaseId);
            b.Property(x => x.CaseId).ValueGeneratedNever();
            b.HasOne<ReportCase>().WithOne().HasForeignKey<ReportContact>(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ReportEntry>(b =>
        {
            b.ToTable("report_entries");
            b.Property(x => x.Handler).HasMaxLength(100);
            b.Property(x => x.Text).HasMaxLength(2000);
            b.HasIndex(x => x.CaseId);
            b.HasOne<ReportCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ReportFile>(b =>
        {
            b.ToTable("report_files");
            b.Property(x => x.Hash).HasMaxLength(64);
            b.Property(x => x.MediaType).HasMaxLength(100);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.HasIndex(x => x.CaseId);
            b.HasOne<ReportCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<TrainingProvider>(b =>
        {
            b.ToTable("training_providers");
            b.Property(x => x.Code).HasMaxLength(20);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => x.Code).IsUnique();
        });
        builder.Entity<TrainingCourse>(b =>
        {
            b.ToTable("training_courses");
            b.Property(x => x.Code).HasMaxLength(30);
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.Category).HasMaxLength(30);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.HasIndex(x => x.Code).IsUnique();
            b.HasIndex(x => x.StartsOn);
            b.HasOne<TrainingProvider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<TrainingEnrolment>(b =>
        {
            b.ToTable("training_enrolments");
            b.Property(x => x.EnrolledBy).HasMaxLength(100);
            b.HasIndex(x => new { x.CourseId, x.StaffId }).IsUnique();
            b.HasIndex(x => x.StaffId);
            b.HasOne<TrainingCourse>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<TrainingHours>(b =>
        {
            b.ToTable("training_hours");
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.Category).HasMaxLength(30);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            // A course counts once per teacher (NULLs, the lines a school entered, are distinct in a unique index on both databases).
            b.HasIndex(x => new { x.StaffId, x.CourseId }).IsUnique();
            b.HasIndex(x => new { x.OrgUnitId, x.CompletedOn });
        });
        builder.Entity<RotationMove>(b =>
        {
            b.ToTable("rotation_moves");
            b.Property(x => x.ProposedBy).HasMaxLength(100);
            b.Property(x => x.DecidedBy).HasMaxLength(100);
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.HasIndex(x => new { x.DistrictId, x.Year });
            b.HasIndex(x => new { x.StaffId, x.Year });
        });
    }
}

internal sealed class TeachersDbSqlite(DbContextOptions<TeachersDbSqlite> options) : TeachersDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class TeachersDbPostgres(DbContextOptions<TeachersDbPostgres> options) : TeachersDb(options)
{
    protected override bool IsPostgres => true;
}
