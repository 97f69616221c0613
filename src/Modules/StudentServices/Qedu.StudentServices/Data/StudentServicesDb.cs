using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Persistence;
using Qedu.StudentServices.Domain;

namespace Qedu.StudentServices.Data;

/// <summary>The student services' own data (status changes, their steps and clocks), in its own schema ("services") or table prefix.</summary>
internal abstract class StudentServicesDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "services";

    public DbSet<StatusChange> Changes => Set<StatusChange>();
    public DbSet<ChangeStep> Steps => Set<ChangeStep>();
    public DbSet<ChangePause> Pauses => Set<ChangePause>();
    public DbSet<ChangeLimit> Limits => Set<ChangeLimit>();

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
            b.Property(x => x.CertificateHash).HasMaxLength(64);
            b.Property(x => x.ApplicantName).HasMaxLength(100);
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.HasIndex(x => x.ParentAccountId);
            // One open change per student: a second is refused by the index, also under a race.
            b.HasIndex(x => x.StudentId).IsUnique().HasFilter("state IN ('UnderReview', 'Returned')")
                .HasDatabaseName("ix_status_changes_one_open_per_student");
            b.HasIndex(x => x.FromSchoolId);
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
        builder.Entity<ChangeLimit>(b =>
        {
            b.ToTable("change_limits");
            b.HasKey(x => x.Kind);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.HasData(ChangeLimits.Defaults);
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
