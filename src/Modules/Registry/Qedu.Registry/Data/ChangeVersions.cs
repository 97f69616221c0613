using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Data;

/// <summary>
/// Hands out change-feed versions. The UPDATE … RETURNING takes the head row's lock, held until the transaction
/// commits, so versions become visible in the order they were handed out: a reader that has seen version N has seen
/// every version below it, which is what lets a mirror sync with nothing but "since N".
/// </summary>
internal static class ChangeVersions
{
    /// <summary>Reserves <paramref name="count"/> versions and returns the last; they are last-count+1 … last.</summary>
    public static Task<long> ReserveAsync(RegistryDb db, int count, CancellationToken ct) =>
        UpdateHeadAsync(db, last => $"{last} + {count}", ct);

    /// <summary>
    /// Moves the head up to at least <paramref name="version"/> (never down) and returns it. A mirror does this before
    /// it writes rows under another instance's ids, so ids handed out here later can never collide with them.
    /// </summary>
    public static Task<long> RaiseToAsync(RegistryDb db, long version, CancellationToken ct) =>
        UpdateHeadAsync(db, last => $"CASE WHEN {last} < {version} THEN {version} ELSE {last} END", ct);

    private static async Task<long> UpdateHeadAsync(RegistryDb db, Func<string, string> newValue, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Change versions are reserved inside the save's transaction.");
        var entity = db.Model.FindEntityType(typeof(ChangeHead))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var last = sql.DelimitIdentifier(entity.FindProperty(nameof(ChangeHead.LastVersion))!.GetColumnName());
        var id = sql.DelimitIdentifier(entity.FindProperty(nameof(ChangeHead.Id))!.GetColumnName());

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        // Numbers only (counts and versions), never caller text, go into this statement.
        command.CommandText = $"UPDATE {table} SET {last} = {newValue(last)} WHERE {id} = 1 RETURNING {last}";
        var value = await command.ExecuteScalarAsync(ct)
            ?? throw new InvalidOperationException("The registry change head row is missing.");
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
