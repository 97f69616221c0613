using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ValueGeneration;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Data;

internal static class RegistryRecords
{
    /// <summary>
    /// Ids come from the change-feed counter, not from a database sequence: a new row holds a temporary (negative)
    /// id until <see cref="ChangeFeedInterceptor"/> gives it its first version as its id, inside the save. One counter
    /// then orders the feed and names the rows. <see cref="IRegistryRecord.Revision"/> is the optimistic-concurrency
    /// token behind ETag / If-Match.
    /// </summary>
    public static void Configure(ModelBuilder builder, bool isPostgres)
    {
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IRegistryRecord).IsAssignableFrom(e.ClrType)).ToList())
        {
            var b = builder.Entity(entity.ClrType);
            var id = b.Property(nameof(IRegistryRecord.Id)).ValueGeneratedOnAdd().HasValueGenerator<TemporaryIds>();
            if (isPostgres)
            {
                // Not an identity column: the value always comes from the interceptor.
                id.Metadata.SetValueGenerationStrategy(NpgsqlValueGenerationStrategy.None);
            }
            b.Property(nameof(IRegistryRecord.Revision)).IsConcurrencyToken();
        }
    }

    private sealed class TemporaryIds : ValueGenerator<long>
    {
        private long _last;

        public override bool GeneratesTemporaryValues => true;

        public override long Next(EntityEntry entry) => Interlocked.Decrement(ref _last);
    }
}
