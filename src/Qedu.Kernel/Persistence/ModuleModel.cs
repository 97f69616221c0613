using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Qedu.Kernel.Audit;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Kernel.Persistence;

/// <summary>
/// The naming and mapping rules every module's model follows: its tables live in a PostgreSQL schema named after the
/// module, or carry the module name as a prefix in SQLite (which has no schemas); a few kernel tables (the org closure
/// and the audit log) are mapped into every module's model, read-only for migrations, so that the scope filter and the
/// audit log work inside any module's own SaveChanges.
/// </summary>
public static class ModuleModel
{
    public const string KernelModule = "kernel";

    /// <summary>The PostgreSQL sequence that numbers audit lines (<see cref="AuditEntry.Sequence"/>).</summary>
    public const string AuditSequence = "audit_sequence";
    private const string SharedAnnotation = "Qedu:SharedKernelTable";

    public static string HistoryTable(string module, bool postgres) => postgres ? "__migrations" : $"__{module}_migrations";

    /// <summary>Maps the kernel tables every module needs. Only the kernel's own model owns (migrates) them.</summary>
    public static void MapSharedKernelTables(ModelBuilder mb, bool postgres, bool owned)
    {
        mb.Entity<OrgClosure>(b =>
        {
            Table(b, "org_closure", postgres, owned);
            b.HasKey(c => new { c.AncestorId, c.DescendantId });
            b.HasIndex(c => new { c.DescendantId, c.AncestorId });
        });
        mb.Entity<AuditEntry>(b =>
        {
            Table(b, "audit_entries", postgres, owned);
            b.HasKey(e => e.Sequence);
            b.Property(e => e.Sequence).ValueGeneratedNever();
            b.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(16);
            b.Property(e => e.ActorId).HasMaxLength(64);
            b.Property(e => e.ActorName).HasMaxLength(128);
            b.Property(e => e.ActorScope).HasMaxLength(512);
            b.Property(e => e.Action).HasMaxLength(128);
            b.Property(e => e.EntityType).HasMaxLength(128);
            b.Property(e => e.EntityKey).HasMaxLength(256);
            b.Property(e => e.ClientAddress).HasMaxLength(64);
            b.Property(e => e.PreviousHash).HasMaxLength(64);
            b.Property(e => e.Hash).HasMaxLength(64);
            b.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(e => e.At);
            b.HasIndex(e => new { e.ActorId, e.Sequence });
            b.HasIndex(e => new { e.OrgUnitId, e.Sequence });
            b.HasIndex(e => new { e.Chain, e.Position }).IsUnique();
        });
        mb.Entity<AuditChainHead>(b =>
        {
            Table(b, "audit_chain_head", postgres, owned);
            b.Property(h => h.Id).ValueGeneratedNever();
            b.Property(h => h.LastHash).HasMaxLength(64);
            b.Property(h => h.KeyFingerprint).HasMaxLength(16);
            b.Property(h => h.ArchivedHash).HasMaxLength(64);
            if (owned)
            {
                b.HasData(Enumerable.Range(1, AuditChains.Count)
                    .Select(chain => new AuditChainHead { Id = chain, LastPosition = 0, LastHash = AuditHasher.Genesis }));
            }
        });
        if (owned && postgres)
        {
            // Numbers the lines of all chains (AuditInterceptor draws them while it holds a chain's head). SQLite has one
            // writer at a time and numbers from the highest line instead.
            mb.HasSequence<long>(AuditSequence, KernelModule);
        }
    }

    /// <summary>Puts every table of the module in its schema (PostgreSQL) or behind its prefix (SQLite).</summary>
    public static void ApplyModuleNaming(ModelBuilder mb, string module, bool postgres)
    {
        foreach (var entity in mb.Model.GetEntityTypes())
        {
            if (entity.FindAnnotation(SharedAnnotation) is not null || entity.BaseType is not null || entity.IsOwned())
            {
                continue;
            }
            var table = entity.GetTableName();
            if (table is null)
            {
                continue;
            }
            if (postgres)
            {
                entity.SetSchema(module);
            }
            else
            {
                entity.SetTableName($"{module}_{table}");
            }
        }
    }

    /// <summary>
    /// SQLite has no date-time-with-offset type and EF cannot order or compare such values there; store them as
    /// sortable integers. All Qedu timestamps are UTC.
    /// </summary>
    public static void ConfigureConventions(ModelConfigurationBuilder configuration, bool postgres)
    {
        if (!postgres)
        {
            configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    private static void Table<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> b, string name, bool postgres, bool owned)
        where T : class
    {
        if (postgres)
        {
            b.ToTable(name, KernelModule, t => t.ExcludeFromMigrations(!owned));
        }
        else
        {
            b.ToTable($"{KernelModule}_{name}", t => t.ExcludeFromMigrations(!owned));
        }
        b.HasAnnotation(SharedAnnotation, true);
    }
}
