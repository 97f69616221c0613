using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qedu.Kernel;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.Files;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Secrets;
using Qedu.Modules;

namespace Qedu.Cli.Hosting;

/// <summary>
/// The same module services the web host registers, without HTTP. Work done from the command line runs as the
/// System actor named after the command, so the audit log says which command wrote what.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(DatabaseSettings database, string command, bool verbose = false, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", verbose ? LogLevel.Information : LogLevel.None));
        services.AddSingleton(new SecretKeys(KeyDirectory(database)));
        services.AddQeduFileStore(FileStores.Choose(Environment.GetEnvironmentVariable(FileStores.EnvironmentVariable), database), FileStoreDirectory(database));
        services.AddQeduKernel(database, outsideRequests: AccessContext.System($"cli:{command}"));
        services.AddQeduDataProtection();
        services.AddLocalization();
        services.AddQeduModules();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>
    /// Where the keys kept outside the database are: <c>QEDU_KEYS</c>, else where the web host looks by default
    /// (beside an SQLite file; <c>src/Qedu.Web/App_Data/keys</c> in a checkout), so both tools use the same keys.
    /// </summary>
    public static string KeyDirectory(DatabaseSettings database) =>
        Environment.GetEnvironmentVariable("QEDU_KEYS") is { Length: > 0 } keys
            ? keys
            : SecretKeys.DefaultDirectory(database, WebRoot());

    /// <summary>
    /// Where files kept by content hash are: <c>QEDU_FILES</c>, else where the web host looks by default (beside an
    /// SQLite file; <c>src/Qedu.Web/App_Data/files</c> in a checkout), so both tools use the same store.
    /// </summary>
    public static string FileStoreDirectory(DatabaseSettings database) =>
        Environment.GetEnvironmentVariable(DiskFileStore.EnvironmentVariable) is { Length: > 0 } files
            ? files
            : DiskFileStore.DefaultDirectory(database, WebRoot());

    private static string WebRoot()
    {
        var webRoot = Path.Combine(Directory.GetCurrentDirectory(), "src", "Qedu.Web");
        return Directory.Exists(webRoot) ? webRoot : Directory.GetCurrentDirectory();
    }

    /// <summary>Where the database is when no <c>--db</c> is given: the web host's default file, so both tools meet.</summary>
    public static DatabaseSettings Resolve(string? db)
    {
        var value = db ?? Environment.GetEnvironmentVariable("QEDU_DB");
        if (!string.IsNullOrWhiteSpace(value))
        {
            return DatabaseSettings.Parse(value, Directory.GetCurrentDirectory());
        }
        var root = WebRoot();
        return DatabaseSettings.Parse(Path.Combine(root, "App_Data", DatabaseSettings.DefaultFileName), root);
    }
}
