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
