using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Tests.Support;

/// <summary>A school profile row as the tests read it.</summary>
public sealed record ProfileRow(int Id, int OrgUnitId, string? Phone);

/// <summary>
/// The registry module's context and its <c>SchoolProfile</c> entity (the kernel's one [ScopedWrite] entity so far) are
/// internal to the module, so the kernel's tests reach them the way the kernel itself does: through the module's
/// registration and the EF Core model, never by name of a type.
/// </summary>
public static class RegistryData
{
    private static readonly MethodInfo SetMethod = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;

    public static DbContext Context(IServiceProvider services)
    {
        var registration = services.GetServices<ModuleDbRegistration>().Single(m => m.Module == "registry");
        return (DbContext)services.GetRequiredService(registration.ContextType);
    }

    public static Type ProfileType(DbContext db) => db.Model.GetEntityTypes().Single(e => e.ClrType.Name == "SchoolProfile").ClrType;

    /// <summary>The profiles the context's caller may see (tracked by that context).</summary>
    public static async Task<List<ProfileRow>> ProfilesAsync(IServiceProvider services)
    {
        var db = Context(services);
        var query = (IQueryable<object>)SetMethod.MakeGenericMethod(ProfileType(db)).Invoke(db, null)!;
        var rows = await query.ToListAsync();
        return rows.Select(o => Row(db, o)).ToList();
    }

    public static ProfileRow Row(DbContext db, object profile)
    {
        var entry = db.Entry(profile);
        return new ProfileRow((int)entry.Property("Id").CurrentValue!, (int)entry.Property("OrgUnitId").CurrentValue!, (string?)entry.Property("Phone").CurrentValue);
    }

    /// <summary>A profile object as an API would build it from a request: not loaded, only attached with its key.</summary>
    public static object Attach(DbContext db, ProfileRow row)
    {
        var profile = Activator.CreateInstance(ProfileType(db))!;
        var entry = db.Entry(profile);
        entry.Property("Id").CurrentValue = row.Id;
        entry.Property("OrgUnitId").CurrentValue = row.OrgUnitId;
        entry.Property("Phone").CurrentValue = row.Phone;
        db.Attach(profile);
        return profile;
    }

    /// <summary>A new profile for a unit.</summary>
    public static object Add(DbContext db, int orgUnitId, string phone)
    {
        var profile = Activator.CreateInstance(ProfileType(db))!;
        db.Add(profile);
        var entry = db.Entry(profile);
        entry.Property("OrgUnitId").CurrentValue = orgUnitId;
        entry.Property("Phone").CurrentValue = phone;
        return profile;
    }
}
