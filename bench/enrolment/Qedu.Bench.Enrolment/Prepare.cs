using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Identity;

namespace Qedu.Bench.Enrolment;

/// <summary>
/// Writes what the load needs straight into the database (not through text messages and forms): an open season of a
/// district of the demo city with a few of its primary schools, their zone compounds and the usual categories, and N parent
/// accounts; then one line per parent to DIR/parents.tsv: a sign-in cookie, a fresh Idempotency-Key, the JSON body (a
/// child of its own, born in the admitted range, with a valid resident ID in a zone compound) and the account id.
/// Plain SQL: the benchmark targets PostgreSQL, and the admissions module's types are its own.
/// </summary>
internal static class Prepare
{
    public const string ParentsFile = "parents.tsv";
    public const string SeasonFile = "season.tsv";

    /// <summary>Qingdao's district codes, so resident IDs are unique beyond one code's 365 days × 999 sequence numbers.</summary>
    private static readonly string[] Divisions = ["370202", "370203", "370211", "370212", "370213", "370214", "370215", "370281", "370283", "370285"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "于", "姜", "曲", "丁"];
    private static readonly string[] Given = ["子涵", "欣怡", "梓轩", "一诺", "浩宇", "诗涵", "宇轩", "可馨", "俊熙", "若汐", "博文", "雨桐", "沐阳", "思源"];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task RunAsync(string db, int parents, string outDirectory, string keyDirectory, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var connectionString = Connections.Npgsql(db);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        var now = DateTimeOffset.UtcNow;
        var year = now.ToOffset(TimeSpan.FromHours(8)).Year;
        var bornFrom = new DateOnly(year - 7, 9, 1);
        var bornTo = new DateOnly(year - 6, 8, 31);
        var days = bornTo.DayNumber - bornFrom.DayNumber + 1;
        if (parents > days * 999 * Divisions.Length)
        {
            throw new ArgumentException($"at most {days * 999 * Divisions.Length} parents");
        }

        // The district with the most primary schools (学校办学类型 211) in the demo city, and up to five of them.
        var (districtId, districtName) = await FirstAsync(connection, """
            SELECT d.id, d.name FROM kernel.org_units d
            JOIN kernel.org_units s ON s.parent_id = d.id AND s.kind = 'School' AND s.school_type_code = '211'
            WHERE d.kind = 'District' GROUP BY d.id, d.name ORDER BY count(*) DESC, d.id LIMIT 1
            """, r => ((int, string)?)(r.GetInt32(0), r.GetString(1)), ct)
            ?? throw new ArgumentException("no district with primary schools: seed the demo city first (qedu seed --db ...)");
        var schools = await ListAsync(connection, $"""
            SELECT id FROM kernel.org_units WHERE parent_id = {districtId} AND kind = 'School' AND school_type_code = '211'
            AND (ownership_code IS NULL OR ownership_code <> '22') ORDER BY sort_order, id LIMIT 5
            """, r => r.GetInt32(0), ct);
        if (schools.Count == 0)
        {
            throw new ArgumentException($"district {districtName} has no public primary school");
        }

        await using var tx = await connection.BeginTransactionAsync(ct);
        var code = $"BENCH-{now:yyyyMMddHHmmss}";
        long seasonId;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO admissions.seasons (org_unit_id, code, name, stage, mechanism, opens_at, closes_at, born_from, born_to,
                max_private_choices, accept_days, appeal_days, retention_days, revision)
            VALUES (@org, @code, @name, 'PrimaryOne', 'PublicByZone', @opens, @closes, @from, @to, 1, 7, 5, 180, 0) RETURNING id
            """, connection, tx))
        {
            insert.Parameters.AddWithValue("org", districtId);
            insert.Parameters.AddWithValue("code", code);
            insert.Parameters.AddWithValue("name", $"{districtName}小学一年级招生（压力测试 {code}）");
            insert.Parameters.AddWithValue("opens", now.AddHours(-1));
            insert.Parameters.AddWithValue("closes", now.AddDays(1));
            insert.Parameters.AddWithValue("from", bornFrom);
            insert.Parameters.AddWithValue("to", bornTo);
            seasonId = (long)(await insert.ExecuteScalarAsync(ct))!;
        }
        // The five categories and two points rules a new season starts with (the module's SeasonTemplate).
        await ExecuteAsync(connection, tx, $"""
            INSERT INTO admissions.season_categories (season_id, rank, code, name_zh, name_en, needs_hukou, needs_property, needs_residence_permit, needs_policy_care, uses_points) VALUES
              ({seasonId}, 1, 'hukou-property', '户籍与房产均在学区', '户籍 and property in the zone', true, true, false, false, false),
              ({seasonId}, 2, 'property', '房产在学区', 'Property in the zone', false, true, false, false, false),
              ({seasonId}, 3, 'hukou', '户籍在学区', '户籍 in the zone', true, false, false, false, false),
              ({seasonId}, 4, 'migrant', '随迁子女（积分）', 'Migrant children (points)', false, false, true, false, true),
              ({seasonId}, 5, 'policy-care', '政策照顾', 'Policy care', false, false, false, true, false);
            INSERT INTO admissions.points_rules (season_id, fact, points_per_unit, max_points) VALUES
              ({seasonId}, 'InsuranceMonths', 0.5, 30), ({seasonId}, 'ResidencePermitYears', 2, 10);
            """, ct);
        // Seats for everyone, and four compounds per school: every child lives in one of them, so each has a zone school.
        var compounds = new List<string>();
        for (var s = 0; s < schools.Count; s++)
        {
            await ExecuteAsync(connection, tx,
                $"INSERT INTO admissions.season_schools (season_id, school_id, is_private, seats) VALUES ({seasonId}, {schools[s]}, false, {parents / schools.Count + 50})", ct);
            for (var k = 0; k < 4; k++)
            {
                var compound = $"压测花园{s + 1}-{k + 1}区";
                compounds.Add(compound);
                await ExecuteAsync(connection, tx,
                    $"INSERT INTO admissions.zone_lines (season_id, school_id, compound, parity) VALUES ({seasonId}, {schools[s]}, '{compound}', 'All')", ct);
            }
        }

        // Parent numbers 199xxxxxxxx after the highest one a previous run left, so runs can share a database.
        var highest = await FirstAsync(connection, "SELECT max(phone) FROM kernel.parent_accounts WHERE phone LIKE '199%'",
            r => r.IsDBNull(0) ? 0L : long.Parse(r.GetString(0)[3..], CultureInfo.InvariantCulture), ct);
        var accounts = new List<ParentAccount>(parents);
        for (var i = 0; i < parents; i++)
        {
            accounts.Add(new ParentAccount
            {
                Id = Guid.CreateVersion7(now), Phone = "199" + (highest + 1 + i).ToString("D8", CultureInfo.InvariantCulture), CreatedAt = now,
            });
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY kernel.parent_accounts (id, phone, created_at, session_version, disabled) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in accounts)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(a.Phone, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(a.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await tx.CommitAsync(ct);

        // Cookies as the web host would issue them at sign-in, under the same key ring (the operator holds the keys).
        await using var cookies = ParentCookies.Create(db, keyDirectory);
        Directory.CreateDirectory(outDirectory);
        var random = new Random(parents);
        await using (var writer = new StreamWriter(Path.Combine(outDirectory, ParentsFile), false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < parents; i++)
            {
                var birth = bornFrom.AddDays(i % days);
                var residentId = ResidentId.Compose(Divisions[i / (days * 999)], birth, 1 + i / days % 999);
                var surname = Surnames[random.Next(Surnames.Length)];
                var body = JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["seasonId"] = seasonId,
                    ["childName"] = surname + Given[random.Next(Given.Length)],
                    ["documentType"] = "resident-id",
                    ["residentId"] = residentId,
                    ["guardianName"] = surname + Given[random.Next(Given.Length)],
                    ["homeCompound"] = compounds[i % compounds.Count],
                    ["homeStreet"] = null,
                    ["homeNumber"] = null,
                    ["hukouAtHome"] = random.NextDouble() < 0.8,
                    ["propertyAtHome"] = random.NextDouble() < 0.85,
                    ["hasResidencePermit"] = false,
                    ["residencePermitYears"] = 0,
                    ["insuranceMonths"] = 0,
                    ["policyCare"] = null,
                    ["privateChoice"] = null,
                }, Json);
                await writer.WriteLineAsync($"{cookies.Mint(accounts[i], now)}\t{Guid.NewGuid()}\t{body}\t{accounts[i].Id}");
            }
        }
        await File.WriteAllTextAsync(Path.Combine(outDirectory, SeasonFile), $"{seasonId}\t{code}\t{districtId}\n", ct);
        Console.WriteLine($"prepared season {code} (id {seasonId}) of {districtName}: {schools.Count} schools, {compounds.Count} zone compounds, " +
            $"{parents} parents with a child each, in {watch.Elapsed.TotalSeconds:0.0} s; {Path.Combine(outDirectory, ParentsFile)}");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal static async Task<T?> FirstAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? read(reader) : default;
    }

    internal static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(read(reader));
        }
        return list;
    }
}
