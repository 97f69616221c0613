using Microsoft.EntityFrameworkCore;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Data;

internal static class RegistryRecords
{
    /// <summary>
    /// Ids come from the change-feed counter, not the database, so a new row's id is known before it is inserted
    /// (imports link guardians to students in one pass). <see cref="IRegistryRecord.Revision"/> is the
    /// optimistic-concurrency token behind ETag / If-Match.
    /// </summary>
    public static void Configure(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IRegistryRecord).IsAssignableFrom(e.ClrType)).ToList())
        {
            var b = builder.Entity(entity.ClrType);
            b.Property(nameof(IRegistryRecord.Id)).ValueGeneratedNever();
            b.Property(nameof(IRegistryRecord.Revision)).IsConcurrencyToken();
        }
    }
}
