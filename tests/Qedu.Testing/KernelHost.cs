using Xunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Files;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Secrets;
using Qedu.Modules;
using Qedu.Registry;

namespace Qedu.Testing;

/// <summary>
/// The kernel and its modules wired as the command line wires them (<c>CliServices</c>), over a throwaway database.
/// Outside an explicit <see cref="Scope"/> the caller is anonymous, so a test that forgets to say who it runs as sees
/// nothing rather than everything.
/// </summary>
public sealed class KernelHost : IAsyncDisposable
{
    private KernelHost(TestDatabase database, ServiceProvider services, string keys)
    {
        Database = database;
        Services = services;
        KeyDirectory = keys;
    }

    /// <summary>This host's keys outside the database, and beside them its audit checkpoints (<c>../audit</c>) and file store (<c>../files</c>).</summary>
    public string KeyDirectory { get; }

    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public bool IsPostgres => Database.Settings.IsPostgres;

    /// <summary>A host over a new, empty database (not migrated).</summary>
    public static async Task<KernelHost> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var database = await TestDatabase.CreateAsync();
        var keys = Path.Combine(Path.GetTempPath(), "qedu-tests", $"host-{Guid.NewGuid():N}", "keys");
        // The host's own file store beside its keys (removed with them), not the one beside a shared test database.
        var files = Path.Combine(Path.GetDirectoryName(keys)!, "files");
        return new KernelHost(database, Build(database.Settings, keys, s =>
        {
            s.AddSingleton<IFileStore>(new DiskFileStore(files));
            configure?.Invoke(s);
        }), keys);
    }

    /// <summary>A host over a new database, migrated and, unless told otherwise, seeded with the small demo city (seed 1).</summary>
    public static async Task<KernelHost> CreateSeededAsync(bool seed = true, Action<IServiceCollection>? configure = null)
    {
        var host = await CreateAsync(configure);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        if (seed)
        {
            await using var scope = host.Scope(AccessContext.System("test-seed"));
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(DemoScale.Small, 1);
        }
        return host;
    }

    /// <summary>
    /// The services over <paramref name="settings"/>. Without <paramref name="keyDirectory"/>, the keys are where the
    /// command line finds them for that database, so lines written here and by the command line share one chain key.
    /// </summary>
    public static ServiceProvider Build(DatabaseSettings settings, string? keyDirectory = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new SecretKeys(keyDirectory ?? CommandLineKeyDirectory(settings)));
        services.AddQeduKernel(settings, outsideRequests: AccessContext.Anonymous);
        services.AddQeduDataProtection();
        services.AddLocalization();
        services.AddQeduModules();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Where the command line (<c>CliServices.KeyDirectory</c>) finds the keys for this database when the tests run it.</summary>
    public static string CommandLineKeyDirectory(DatabaseSettings settings) =>
        Environment.GetEnvironmentVariable("QEDU_KEYS") is { Length: > 0 } keys
            ? keys
            : SecretKeys.DefaultDirectory(settings, Directory.GetCurrentDirectory());

    /// <summary>A DI scope (one "request") running as <paramref name="access"/>.</summary>
    public AsyncServiceScope Scope(AccessContext access)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(access);
        return scope;
    }

    /// <summary>The org unit ids by code, read past the scope filter.</summary>
    public async Task<Dictionary<string, int>> OrgIdsAsync()
    {
        await using var scope = Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<KernelDb>().OrgUnits.IgnoreQueryFilters()
            .ToDictionaryAsync(o => o.Code, o => o.Id);
    }

    /// <summary>A user holding <paramref name="role"/> over the unit with <paramref name="orgCode"/>, as the resolver would build it.</summary>
    public async Task<AccessContext> UserAsync(string role, params string[] orgCodes)
    {
        var ids = await OrgIdsAsync();
        var definition = Roles.Find(role) ?? throw new ArgumentException($"No role {role}.", nameof(role));
        var grants = orgCodes.Select(code => new Grant(ids[code], code, definition.Permissions, role)).ToList();
        return AccessContext.ForUser(Guid.NewGuid(), $"test-{role}-{string.Join("+", orgCodes)}", grants);
    }

    /// <summary>Every unit in the subtree of <paramref name="rootCode"/>, by parent links (independent of the closure table).</summary>
    public async Task<HashSet<string>> SubtreeAsync(string rootCode)
    {
        await using var scope = Scope(AccessContext.System("test"));
        var units = await scope.ServiceProvider.GetRequiredService<KernelDb>().OrgUnits.IgnoreQueryFilters()
            .Select(o => new { o.Id, o.Code, o.ParentId }).ToListAsync();
        var root = units.Single(u => u.Code == rootCode);
        var result = new HashSet<string>(StringComparer.Ordinal) { root.Code };
        var frontier = new Queue<int>([root.Id]);
        while (frontier.TryDequeue(out var id))
        {
            foreach (var child in units.Where(u => u.ParentId == id))
            {
                result.Add(child.Code);
                frontier.Enqueue(child.Id);
            }
        }
        return result;
    }

    /// <summary>Runs raw SQL on a connection of its own, outside EF Core and its interceptors (what an intruder with database access does).</summary>
    public async Task<int> ExecuteRawAsync(string sql)
    {
        await using var scope = Scope(AccessContext.System("test-raw"));
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The audit table as raw SQL names it on this provider.</summary>
    public string AuditTable => IsPostgres ? "kernel.audit_entries" : "kernel_audit_entries";

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
        var root = Path.GetDirectoryName(KeyDirectory)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

/// <summary>
/// A migrated database with the small demo city (seed 1), shared by the tests of one class. Tests that use it either
/// only read or add rows of their own that no other test in the class counts.
/// </summary>
public sealed class SeededCity : IAsyncLifetime
{
    private KernelHost? _host;

    public KernelHost Host => _host ?? throw new InvalidOperationException("Not initialised yet.");

    public async Task InitializeAsync() => _host = await KernelHost.CreateSeededAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>A migrated database with the code lists but no org units.</summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    private KernelHost? _host;

    public KernelHost Host => _host ?? throw new InvalidOperationException("Not initialised yet.");

    public async Task InitializeAsync() => _host = await KernelHost.CreateSeededAsync(seed: false);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>Names of the demo city's units the tests lean on.</summary>
public static class Demo
{
    public const string City = DemoCityGenerator.CityCode;
    public const string Shinan = "370202";
    public const string Shibei = "370203";
    public const string AnchorSchool = DemoCityGenerator.AnchorSchoolCode;

    public static readonly IReadOnlyList<string> Districts =
        ["370202", "370203", "370211", "370212", "370213", "370214", "370215", "370281", "370283", "370285"];

    public static OrgUnit Unit(string code, OrgUnitKind kind, int parentId, string? name = null) => new()
    {
        Code = code,
        Name = name ?? $"测试单位 {code}",
        Kind = kind,
        ParentId = parentId,
    };
}
