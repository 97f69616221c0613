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
    public static async Task<long> ReserveAsync(RegistryDb db, int count, CancellationToken ct)
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
        command.CommandText = $"UPDATE {table} SET {last} = {last} + {count} WHERE {id} = 1 RETURNING {last}";
        var value = await command.ExecuteScalarAsync(ct)
            ?? throw new InvalidOperationException("The registry change head row is missing.");
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
