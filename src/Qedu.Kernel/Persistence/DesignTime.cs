using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.PersonalData;

namespace Qedu.Kernel.Persistence;

/// <summary>
/// Options for creating a context without a host: EF Core's design-time tools (migrations) and the test that checks no
/// model change lacks a migration. No connection is opened.
/// </summary>
public static class DesignTime
{
    public static DbContextOptions<T> Options<T>(DatabaseProvider provider, string module)
        where T : DbContext
    {
        var settings = provider == DatabaseProvider.Postgres
            ? DatabaseSettings.Parse("Host=localhost;Database=qedu_design;Username=qedu", Path.GetTempPath())
            : DatabaseSettings.Parse("qedu-design.db", Path.GetTempPath());
        var builder = new DbContextOptionsBuilder<T>();
        ModuleDbServiceCollectionExtensions.UseProvider(builder, settings, module);
        return builder.Options;
    }

    public static ICurrentAccess SystemAccess { get; } = new FixedAccess(AccessContext.System("design"));

    /// <summary>A context bound as the system, with the given field encryption (design-time keys) if the module has one.</summary>
    public static T Bound<T>(T context, FieldEncryption? encryption = null)
        where T : IScopeBoundContext
    {
        var services = new ServiceCollection().AddSingleton(SystemAccess);
        if (encryption is not null)
        {
            services.AddSingleton(encryption);
        }
        context.BindToScope(services.BuildServiceProvider());
        return context;
    }
}
