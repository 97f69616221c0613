using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Persistence;
using Qedu.Rectifications.Domain;

namespace Qedu.Rectifications.Data;

/// <summary>The rectifications module's data, in its own schema ("rectifications") or table prefix.</summary>
internal abstract class RectificationsDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "rectifications";

    public DbSet<Rectification> Items => Set<Rectification>();
    public DbSet<RectificationStep> Steps => Set<RectificationStep>();
    public DbSet<RectificationFile> Files => Set<RectificationFile>();

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<Rectification>(b =>
        {
            b.ToTable("items");
            b.Property(x => x.SourceKind).HasMaxLength(32);
            b.Property(x => x.SourceTitle).HasMaxLength(300);
            b.Property(x => x.SourceUrl).HasMaxLength(200);
            b.Property(x => x.Finding).HasMaxLength(4000);
            b.Property(x => x.FixPermission).HasMaxLength(64);
            b.Property(x => x.VerifyPermission).HasMaxLength(64);
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.RaisedBy).HasMaxLength(100);
            b.Property(x => x.FixReport).HasMaxLength(8000);
            b.Property(x => x.FixedBy).HasMaxLength(100);
            b.Property(x => x.VerifiedBy).HasMaxLength(100);
            b.Property(x => x.ClosedBy).HasMaxLength(100);
            // A source's items (a task's, a hazard's); a unit's open items by date (overdue lists, work items).
            b.HasIndex(x => new { x.SourceKind, x.SourceId });
            b.HasIndex(x => new { x.OrgUnitId, x.State, x.DueOn });
            b.HasIndex(x => new { x.RaisedByUnitId, x.State });
        });
        builder.Entity<RectificationStep>(b =>
        {
            b.ToTable("steps");
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Text).HasMaxLength(4000);
            b.Property(x => x.By).HasMaxLength(100);
            b.HasIndex(x => x.RectificationId);
            b.HasOne<Rectification>().WithMany().HasForeignKey(x => x.RectificationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<RectificationFile>(b =>
        {
            b.ToTable("files");
            b.Property(x => x.Hash).HasMaxLength(64);
            b.Property(x => x.FileName).HasMaxLength(200);
            b.Property(x => x.MediaType).HasMaxLength(100);
            b.HasIndex(x => x.RectificationId);
            b.HasIndex(x => x.Hash);
            b.HasOne<Rectification>().WithMany().HasForeignKey(x => x.RectificationId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

internal sealed class RectificationsDbSqlite(DbContextOptions<RectificationsDbSqlite> options) : RectificationsDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class RectificationsDbPostgres(DbContextOptions<RectificationsDbPostgres> options) : RectificationsDb(options)
{
    protected override bool IsPostgres => true;
}
