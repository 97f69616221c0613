using Qedu.Registry.Domain;
using Qedu.Registry.Exchange;
using Qedu.Registry.Kinds;

namespace Qedu.Registry.Tests;

/// <summary>Each registry record kind has one descriptor, and the lists the module keeps are derived from the descriptors.</summary>
public sealed class RegistryKindTests
{
    [Fact]
    public void Every_registry_entity_has_exactly_one_descriptor()
    {
        var entities = typeof(IRegistryRecord).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRegistryRecord).IsAssignableFrom(t))
            .Select(t => t.Name).Order().ToList();
        Assert.Equal(entities, RegistryKinds.All.Select(k => k.EntityType).Order().ToList());
        Assert.Equal(RegistryKinds.All.Count, RegistryKinds.All.Select(k => k.UrlName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void The_change_feed_s_kinds_are_the_descriptors_exchange_shapes_in_their_order()
    {
        Assert.Equal(RegistryKinds.All.Select(k => k.Exchange), ExchangeKinds.All);
        Assert.All(RegistryKinds.All, k => Assert.Same(k.Exchange, ExchangeKinds.Find(k.EntityType)));
    }

    [Fact]
    public void A_kind_s_write_route_and_body_names_belong_to_its_own_entity_and_field_table()
    {
        foreach (var kind in RegistryKinds.All)
        {
            if (kind.Writes is { } writes)
            {
                Assert.Equal(kind.EntityType, writes.Entity.Name);
                Assert.NotNull(kind.Fields);
            }
            foreach (var (alias, key) in kind.BodyAliases)
            {
                Assert.Contains(kind.Fields!.Fields, f => f.Key == key);
                Assert.DoesNotContain(kind.Fields!.Fields, f => string.Equals(f.Key, alias, StringComparison.OrdinalIgnoreCase));
            }
        }
        Assert.Same(StaffKind.Instance, RegistryKinds.Find("STAFF"));
    }

    [Fact]
    public void A_writable_kind_s_get_shape_names_only_what_its_body_takes()
    {
        // So a GET body can be PUT back: every property of the exchange shape is a field, an alias of one, a reference
        // by id the write adapter resolves, or the record's id, revision and mask flag.
        var writable = RegistryKinds.All.Where(k => k.Writes is not null || k == StudentKind.Instance).ToList();
        Assert.Equal(["assets", "classes", "staff", "students"], writable.Select(k => k.UrlName).Order().ToList());
        foreach (var kind in writable)
        {
            var data = kind.Exchange.GetType().GetGenericArguments()[1];
            var taken = kind.Fields!.Fields.Select(f => f.Key).Concat(kind.BodyAliases.Keys).Concat(kind.BodyReferences).Concat(["id", "revision", "masked"])
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.All(data.GetProperties(), p => Assert.True(taken.Contains(p.Name), $"{kind.UrlName}: {p.Name} is not taken by a write body"));
        }
    }
}
