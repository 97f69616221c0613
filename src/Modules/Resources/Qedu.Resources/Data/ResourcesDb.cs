using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Persistence;
using Qedu.Resources.Domain;

namespace Qedu.Resources.Data;

/// <summary>The resources module's data (library items and ratings; pairings, sync slots and sessions), in its own schema ("resources") or table prefix.</summary>
internal abstract class ResourcesDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "resources";

    public DbSet<ResourceItem> Items => Set<ResourceItem>();
    public DbSet<ResourceRating> Ratings => Set<ResourceRating>();
    public DbSet<SchoolPairing> Pairings => Set<SchoolPairing>();
    public DbSet<SyncSlot> Slots => Set<SyncSlot>();
    public DbSet<SyncSession> Sessions => Set<SyncSession>();

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<ResourceItem>(b =>
        {
            b.ToTable("items");
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Description).HasMaxLength(2000);
            b.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Stage).HasMaxLength(20);
            b.Property(x => x.Subject).HasMaxLength(40);
            b.Property(x => x.Edition).HasMaxLength(60);
            b.Property(x => x.Chapter).HasMaxLength(100);
            b.Property(x => x.Keywords).HasMaxLength(200);
            b.Property(x => x.Reach).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.Award).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.FileHash).HasMaxLength(64);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.Property(x => x.MediaType).HasMaxLength(100);
            b.Property(x => x.Url).HasMaxLength(500);
            b.Property(x => x.SearchText).HasMaxLength(4000);
            b.Property(x => x.CreatedBy).HasMaxLength(100);
            b.Property(x => x.CreatedById).HasMaxLength(64);
            b.Property(x => x.ReviewedBy).HasMaxLength(100);
            b.Property(x => x.ReviewNote).HasMaxLength(500);
            b.Property(x => x.RetiredBy).HasMaxLength(100);
            b.Property(x => x.RetiredReason).HasMaxLength(500);
            b.HasIndex(x => x.OrgUnitId);
            b.HasIndex(x => new { x.State, x.Reach, x.DistrictId });
            b.HasIndex(x => x.ReviewerUnitId);
            b.HasIndex(x => x.FileHash);
        });
        builder.Entity<ResourceRating>(b =>
        {
            b.ToTable("ratings");
            b.Property(x => x.AccountId).HasMaxLength(64);
            b.HasIndex(x => new { x.ItemId, x.AccountId }).IsUnique();
            b.HasIndex(x => x.OrgUnitId);
            b.HasOne<ResourceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SchoolPairing>(b =>
        {
            b.ToTable("pairings");
            b.Property(x => x.CreatedBy).HasMaxLength(100);
            b.HasIndex(x => x.OrgUnitId);
            b.HasIndex(x => x.UrbanSchoolId);
        });
        builder.Entity<SyncSlot>(b =>
        {
            b.ToTable("sync_slots");
            b.Property(x => x.Subject).HasMaxLength(40);
            b.Property(x => x.Teacher).HasMaxLength(50);
            b.Property(x => x.UrbanClass).HasMaxLength(50);
            b.Property(x => x.RuralClass).HasMaxLength(50);
            b.HasIndex(x => x.PairingId);
            b.HasIndex(x => x.OrgUnitId);
            b.HasOne<SchoolPairing>().WithMany().HasForeignKey(x => x.PairingId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SyncSession>(b =>
        {
            b.ToTable("sync_sessions");
            b.Property(x => x.Topic).HasMaxLength(200);
            b.Property(x => x.Note).HasMaxLength(500);
            b.Property(x => x.RecordedBy).HasMaxLength(100);
            b.HasIndex(x => new { x.PairingId, x.On });
            b.HasIndex(x => x.OrgUnitId);
            b.HasOne<SchoolPairing>().WithMany().HasForeignKey(x => x.PairingId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

internal sealed class ResourcesDbSqlite(DbContextOptions<ResourcesDbSqlite> options) : ResourcesDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class ResourcesDbPostgres(DbContextOptions<ResourcesDbPostgres> options) : ResourcesDb(options)
{
    protected override bool IsPostgres => true;
}
