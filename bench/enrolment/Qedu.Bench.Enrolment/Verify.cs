using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Qedu.Bench.Enrolment;

/// <summary>
/// After a run (with faults or without): every acknowledged application is in the database exactly once with the key it
/// was acknowledged under recorded beside it, no key made two applications, no child and no parent is in the season twice.
/// Prints acknowledged, present, lost, duplicated; exit code 1 when anything acknowledged was lost or made twice.
/// </summary>
internal static class Verify
{
    public static async Task<int> RunAsync(string db, string ackedPath, string? directory, CancellationToken ct)
    {
        var acked = Load.ReadAcked(ackedPath);
        // A key acknowledged twice (a replay after a lost answer) must have named the same application both times.
        var conflicting = File.Exists(ackedPath)
            ? File.ReadLines(ackedPath).Select(l => l.Split('\t')).Where(f => f.Length >= 3)
                .GroupBy(f => f[1], StringComparer.Ordinal).Count(g => g.Select(f => f[0]).Distinct(StringComparer.Ordinal).Count() > 1)
            : 0;
        await using var connection = new NpgsqlConnection(Connections.Npgsql(db));
        await connection.OpenAsync(ct);

        var ids = acked.Select(a => a.Id).ToArray();
        var present = await PresentAsync(connection, ids, ct);
        var seasons = directory is not null && File.Exists(Path.Combine(directory, Prepare.SeasonFile))
            ? [long.Parse(File.ReadAllText(Path.Combine(directory, Prepare.SeasonFile)).Split('\t')[0], CultureInfo.InvariantCulture)]
            : present.Values.Select(p => p.Season).Distinct().ToArray();

        // The key records of the acknowledged keys: each must exist and its stored answer name the acknowledged id.
        var keys = acked.Select(a => a.Key).ToArray();
        var recorded = new Dictionary<string, List<long?>>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT \"key\", body FROM admissions.idempotency_keys WHERE \"key\" = ANY(@keys)", connection))
        {
            command.Parameters.AddWithValue("keys", keys);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = reader.GetString(0);
                if (!recorded.TryGetValue(key, out var list))
                {
                    recorded[key] = list = [];
                }
                list.Add(IdOf(reader.GetString(1)));
            }
        }
        var keyMissing = acked.Count(a => !recorded.ContainsKey(a.Key));
        var keyOther = acked.Count(a => recorded.TryGetValue(a.Key, out var r) && (r.Count != 1 || r[0] != a.Id));

        // Twice in the season: a child (the unique index should make it impossible), a parent (each bench parent has one
        // child and one key, so a second application is a key that made two), one answer stored under two keys.
        var childTwice = await ScalarAsync(connection, seasons,
            "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) n FROM admissions.applications WHERE season_id = ANY(@seasons) GROUP BY child_key HAVING count(*) > 1) t", ct);
        var parentTwice = await ScalarAsync(connection, seasons,
            "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) n FROM admissions.applications WHERE season_id = ANY(@seasons) GROUP BY parent_account_id HAVING count(*) > 1) t", ct);
        var inSeason = await ScalarAsync(connection, seasons, "SELECT count(*) FROM admissions.applications WHERE season_id = ANY(@seasons)", ct);

        var found = acked.Count(a => present.ContainsKey(a.Id));
        var lost = acked.Count - found;
        var duplicated = childTwice + parentTwice + keyOther + conflicting;
        Console.WriteLine($"acknowledged {acked.Count}, present {found}, lost {lost}, duplicated {duplicated}");
        Console.WriteLine($"  in the season(s) {string.Join(',', seasons)}: {inSeason} applications, {inSeason - found} of them never acknowledged to the client " +
            "(committed, but the answer was lost and the client gave up or never retried)");
        Console.WriteLine($"  keys: {acked.Count - keyMissing} acknowledged keys recorded, {keyMissing} missing, {keyOther} naming another application, " +
            $"{conflicting} acknowledged with two different ids");
        Console.WriteLine($"  twice in the season: {childTwice} children, {parentTwice} parents' extra applications");
        return lost == 0 && duplicated == 0 && keyMissing == 0 ? 0 : 1;
    }

    private static async Task<Dictionary<long, (long Season, string Status)>> PresentAsync(NpgsqlConnection connection, long[] ids, CancellationToken ct)
    {
        var present = new Dictionary<long, (long, string)>();
        await using var command = new NpgsqlCommand("SELECT id, season_id, status FROM admissions.applications WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            present[reader.GetInt64(0)] = (reader.GetInt64(1), reader.GetString(2));
        }
        return present;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, long[] seasons, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("seasons", seasons);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static long? IdOf(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("id", out var id) && id.TryGetInt64(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
