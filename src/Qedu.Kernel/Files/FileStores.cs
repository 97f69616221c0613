using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.Files;

/// <summary>Where files kept by content hash live (docs/files-and-pdf.md, ADR 19).</summary>
public enum FileStoreKind
{
    /// <summary>A local (or mounted) directory: <see cref="DiskFileStore"/>. The embedded SQLite install's store.</summary>
    Disk,

    /// <summary>PostgreSQL's kernel tables: <see cref="DatabaseFileStore"/>. Shared by every node, in every backup.</summary>
    Database,
}

public static class FileStores
{
    /// <summary>The web host's setting: <c>disk</c> or <c>database</c>.</summary>
    public const string Setting = "Files:Store";

    /// <summary>The command line's environment variable, with the same values.</summary>
    public const string EnvironmentVariable = "QEDU_FILE_STORE";

    /// <summary>
    /// The store <paramref name="value"/> names, or by default the database on PostgreSQL and a directory on SQLite, so
    /// the web nodes and the command line agree without being told. Refused at start when it names something else or
    /// the database store on SQLite.
    /// </summary>
    public static FileStoreKind Choose(string? value, DatabaseSettings database)
    {
        var kind = value?.Trim().ToLowerInvariant() switch
        {
            null or "" => database.IsPostgres ? FileStoreKind.Database : FileStoreKind.Disk,
            "disk" => FileStoreKind.Disk,
            "database" => FileStoreKind.Database,
            _ => throw new InvalidOperationException($"{Setting}: '{value}' is neither 'disk' nor 'database'."),
        };
        return kind == FileStoreKind.Database && !database.IsPostgres
            ? throw new InvalidOperationException($"{Setting}: 'database' needs PostgreSQL; with SQLite files are kept on disk.")
            : kind;
    }

    /// <summary>Registers the chosen <see cref="IFileStore"/>; <paramref name="directory"/> is the disk store's.</summary>
    public static IServiceCollection AddQeduFileStore(this IServiceCollection services, FileStoreKind kind, string directory) =>
        kind == FileStoreKind.Database
            ? services.AddSingleton<IFileStore, DatabaseFileStore>()
            : services.AddSingleton<IFileStore>(new DiskFileStore(directory));
}
