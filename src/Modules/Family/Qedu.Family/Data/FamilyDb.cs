using Microsoft.EntityFrameworkCore;
using Qedu.Family.Domain;
using Qedu.Kernel.Persistence;

namespace Qedu.Family.Data;

/// <summary>The family module's data (after-school care offers, enrolments, the register), in its own schema ("family") or table prefix.</summary>
internal abstract class FamilyDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "family";

    public DbSet<CareOffer> CareOffers => Set<CareOffer>();
    public DbSet<CareEnrolment> CareEnrolments => Set<CareEnrolment>();
    public DbSet<CareAttendance> CareAttendance => Set<CareAttendance>();

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
