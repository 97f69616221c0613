using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Secrets;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Mirror;
using Qedu.Testing;

namespace Qedu.Cli.Tests.Registry;

/// <summary>Two real Qedu instances (Kestrel, each on its own database, both seeded with the same demo city); the target's registry is then emptied.</summary>
public sealed class MirrorInstances : IAsyncLifetime
{
    // The command line writes into the target's database: the two share its keys (the audit chain's, the field
    // encryption's), as a web host and the command line do in production.
    public QeduServer Source { get; } = new() { SharesCommandLineKeys = true };
    public QeduServer Target { get; } = new() { SharesCommandLineKeys = true };

    public async Task InitializeAsync()
    {
        await Source.InitializeAsync();
        await Target.InitializeAsync();
        // Same org tree, no registry data: where a new mirror starts.
        await RegistryTables.EmptyAsync(Target.Database);
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Source).DisposeAsync();
        await ((IAsyncLifetime)Target).DisposeAsync();
    }
}

/// <summary>
/// <c>qedu registry mirror</c> between two running instances: a first full mirror, then incremental ones, compared row
/// by row with the source; and the failures (bad secret, missing pii.view, unreachable source, bad arguments).
/// </summary>
public sealed class RegistryMirrorTests(MirrorInstances instances) : IClassFixture<MirrorInstances>
{
    private static readonly CultureInfo Chinese = new("zh-CN");

    private QeduServer Source => instances.Source;
    private QeduServer Target => instances.Target;

    private Task<CliRun> MirrorAsync(string secret = DemoAccounts.ClientSecret, string clientId = DemoAccounts.MirrorClientId, QeduServer? from = null, TestDatabase? into = null) =>
        Cli.RunAsync("registry", "mirror", "--source", (from ?? Source).BaseAddress.ToString(), "--client-id", clientId,
            "--client-secret", secret, "--db", (into ?? Target.Database).Connection);

    [Fact]
    public async Task A_mirror_copies_every_record_then_picks_up_only_new_lines_and_ends_equal_again()
    {
        await ChangeSourceAsync(round: 1);

        var first = await MirrorAsync();

        Assert.True(first.ExitCode == 0, first.ToString());
        var head1 = await RegistryTables.ScalarAsync(Source.Database, $"SELECT last_version FROM {RegistryTables.Name(Source.Database, "change_head")}");
        Assert.Contains($"from version 0 to {head1}, ", first.Output, StringComparison.Ordinal);
        await AssertSameRegistryAsync(Target.Database);
        await AssertEveryRowHasItsLocalFeedLineAsync(Target.Database);
        Assert.Equal(head1, await CursorAsync(Target.Database));

        // More changes on the source: the next run reads only the lines after the cursor.
        await ChangeSourceAsync(round: 2);
        var newLines = await RegistryTables.ScalarAsync(Source.Database,
            $"SELECT COUNT(*) FROM {RegistryTables.Name(Source.Database, "changes")} WHERE version > {head1}");
        var changedIds = await RegistryTables.ColumnAsync(Source.Database,
            $"SELECT DISTINCT entity_id FROM {RegistryTables.Name(Source.Database, "changes")} WHERE version > {head1}");
        var localBefore = await RegistryTables.ScalarAsync(Target.Database, $"SELECT MAX(version) FROM {RegistryTables.Name(Target.Database, "changes")}");

        var second = await MirrorAsync();

        Assert.True(second.ExitCode == 0, second.ToString());
        var head2 = await RegistryTables.ScalarAsync(Source.Database, $"SELECT last_version FROM {RegistryTables.Name(Source.Database, "change_head")}");
        Assert.True(newLines > 0 && head2 > head1);
        Assert.Contains($"from version {head1} to {head2}, 1 pages, {newLines} lines", second.Output, StringComparison.Ordinal);
        await AssertSameRegistryAsync(Target.Database);
        // The target's own feed grew only by the records those lines named.
        var touched = await RegistryTables.ColumnAsync(Target.Database,
            $"SELECT DISTINCT entity_id FROM {RegistryTables.Name(Target.Database, "changes")} WHERE version > {localBefore}");
        Assert.NotEmpty(touched);
        Assert.Subset(changedIds.ToHashSet(), touched.ToHashSet());
        await AssertEveryRowHasItsLocalFeedLineAsync(Target.Database);
        Assert.Equal(head2, await CursorAsync(Target.Database));

        // Caught up: nothing to do, nothing written.
        var caughtUp = await RegistryTables.SnapshotAsync(Target.Database, withFeed: true);
        var third = await MirrorAsync();
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Contains($"from version {head2} to {head2}, 0 pages, 0 lines", third.Output, StringComparison.Ordinal);
        Assert.Equal(caughtUp, await RegistryTables.SnapshotAsync(Target.Database, withFeed: true));

        // Mirrors chain: a third database mirrors the target's own feed and equals the source too.
        await using var chained = await TestDatabase.CreateAsync();
        var seeded = await Cli.RunAsync("seed", "--scale", "small", "--seed", "1", "--db", chained.Connection);
        Assert.True(seeded.ExitCode == 0, seeded.ToString());
        await RegistryTables.EmptyAsync(chained);
        var chain = await MirrorAsync(from: Target, into: chained);
        Assert.True(chain.ExitCode == 0, chain.ToString());
        await AssertSameRegistryAsync(chained);
    }

    [Fact]
    public async Task A_wrong_secret_fails_with_exit_3_and_a_clear_message_and_writes_nothing()
    {
        var before = await RegistryTables.SnapshotAsync(Target.Database, withFeed: true);

        var run = await MirrorAsync(secret: "not-the-secret");

        Assert.True(run.ExitCode == 3, run.ToString());
        var key = Source.BaseAddress.ToString().TrimEnd('/');
        Assert.Contains(Prefix("Mirror.AuthRefused", key, DemoAccounts.MirrorClientId), run.Error, StringComparison.Ordinal);
        Assert.Contains(Prefix("Mirror.AuthRefused", key, DemoAccounts.MirrorClientId, english: true), run.Error, StringComparison.Ordinal);
        Assert.False(Cli.HasStackTrace(run.Error + run.Output));
        Assert.Equal(before, await RegistryTables.SnapshotAsync(Target.Database, withFeed: true));
    }

    [Fact]
    public async Task A_client_without_pii_view_is_refused_with_exit_3_and_writes_nothing()
    {
        var before = await RegistryTables.SnapshotAsync(Target.Database, withFeed: true);

        // demo-city reads the registry but may not see people's data unmasked; a mirror of masked data would be wrong.
        var run = await MirrorAsync(clientId: "demo-city");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains(Prefix("Mirror.ScopeRefused", Source.BaseAddress.ToString().TrimEnd('/'), "demo-city"), run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await RegistryTables.SnapshotAsync(Target.Database, withFeed: true));
    }

    [Fact]
    public async Task An_unreachable_source_fails_with_exit_3()
    {
        var run = await Cli.RunAsync("registry", "mirror", "--source", "http://127.0.0.1:1/", "--client-id", DemoAccounts.MirrorClientId,
            "--client-secret", DemoAccounts.ClientSecret, "--db", Target.Database.Connection);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains(Prefix("Mirror.Unreachable", "http://127.0.0.1:1"), run.Error, StringComparison.Ordinal);
        Assert.False(Cli.HasStackTrace(run.Error + run.Output));
    }

    [Theory]
    [InlineData("ftp://example.org/")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("http://example.org/?since=5")]
    public async Task A_source_that_is_not_an_http_address_is_bad_input_exit_2(string source)
    {
        var run = await Cli.RunAsync("registry", "mirror", "--source", source, "--client-id", "x", "--client-secret", "y", "--db", Target.Database.Connection);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(MirrorText.Format(Chinese, "Mirror.BadSource", source), run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_option_is_bad_input_exit_2()
    {
        var run = await Cli.RunAsync("registry", "mirror", "--source", Source.BaseAddress.ToString(), "--db", Target.Database.Connection);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--client-id", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The message up to its last placeholder (the source's own error text varies).</summary>
    private static string Prefix(string key, string a, string? b = null, bool english = false)
    {
        const string Cut = "\u0001";
        var text = MirrorText.Format(english ? CultureInfo.GetCultureInfo("en") : Chinese, key, a, b ?? Cut, Cut);
        return text[..text.IndexOf(Cut, StringComparison.Ordinal)];
    }

    private static async Task<long> CursorAsync(TestDatabase db) =>
        await RegistryTables.ScalarAsync(db, $"SELECT last_version FROM {RegistryTables.Name(db, "mirror_cursors")}");

    /// <summary>The target (written by the command line, with its keys) holds what the source holds, resident IDs decrypted.</summary>
    private async Task AssertSameRegistryAsync(TestDatabase target)
    {
        var expected = await RegistryTables.SnapshotAsync(Source.Database, withFeed: false, Source.Services.GetRequiredService<FieldEncryption>());
        var actual = await RegistryTables.SnapshotAsync(target, withFeed: false,
            new FieldEncryption(new SecretKeys(SecretKeys.DefaultDirectory(target.Settings, Directory.GetCurrentDirectory()))));
        foreach (var table in RegistryTables.Records)
        {
            Assert.True(expected[table].Count > 0, $"{table}: the source has no rows to compare");
            Assert.Equal(expected[table], actual[table]);
        }
    }

    /// <summary>The target wrote the mirrored rows through its own change feed: each row's revision is a line of it.</summary>
    private static async Task AssertEveryRowHasItsLocalFeedLineAsync(TestDatabase db)
    {
        foreach (var (table, type) in RegistryTables.Records.Zip(RegistryTables.EntityTypes))
        {
            var orphans = await RegistryTables.ScalarAsync(db,
                $"SELECT COUNT(*) FROM {RegistryTables.Name(db, table)} r WHERE NOT EXISTS (SELECT 1 FROM {RegistryTables.Name(db, "changes")} c " +
                $"WHERE c.version = r.revision AND c.entity_id = r.id AND c.entity_type = '{type}')");
            Assert.True(orphans == 0, $"{table}: {orphans} rows without their line in the local feed");
        }
    }

    /// <summary>Creates, updates and deletes records of every kind on the source, through the tracked and the bulk path.</summary>
    private async Task ChangeSourceAsync(int round)
    {
        await using var scope = Source.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("mirror-test"));
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        var bulk = scope.ServiceProvider.GetRequiredService<RegistryBulkWriter>();
        var school = await db.Students.OrderBy(s => s.Id).Select(s => s.OrgUnitId).FirstAsync();
        string Id(int n) => ResidentId.Compose("370199", new DateOnly(2018, 1, 1).AddDays(round * 100 + n), 11 + 2 * n);

        var teacher = new Staff
        {
            OrgUnitId = school, StaffNumber = $"MT-{round}-1", Name = "镜像老师", GenderCode = "2", ResidentId = Id(90), BirthDate = new DateOnly(1988, 5, 6),
            PostCode = "1", EmploymentTypeCode = "1", Phone = "13800000001", Subjects = "语文|数学",
        };
        var campus = new Campus { OrgUnitId = school, Name = $"镜像校区{round}", Address = "青岛市市南区测试路1号", Latitude = 36.06, Longitude = 120.38 };
        db.AddRange(teacher, campus);
        await db.SaveChangesAsync();
        var schoolClass = new SchoolClass
        {
            OrgUnitId = school, Code = $"MT-{round}-01", Name = "镜像一班", GradeCode = "P1", EntryYear = 2026, HeadTeacherId = teacher.Id, CampusId = campus.Id,
        };
        db.Add(schoolClass);
        await db.SaveChangesAsync();
        Student NewStudent(int n) => new()
        {
            OrgUnitId = school, StudentNumber = "G" + Id(n), Name = $"镜像学生{n}", GenderCode = "1", ResidentId = Id(n), BirthDate = new DateOnly(2018, 1, 1),
            StatusCode = "01", ClassId = schoolClass.Id, Address = "青岛市市南区测试路2号", IsMigrantChild = n % 2 == 0,
        };
        var kept = NewStudent(1);
        var gone = NewStudent(2);
        db.AddRange(kept, gone);
        await db.SaveChangesAsync();
        db.AddRange(
            new Guardian { OrgUnitId = school, StudentId = kept.Id, Name = "镜像家长", RelationCode = "11", Phone = "13900000002", ResidentId = Id(91) },
            new Enrolment { OrgUnitId = school, StudentId = kept.Id, ClassId = schoolClass.Id, From = new DateOnly(2026, 9, 1) },
            new Asset { OrgUnitId = school, AssetNumber = $"MT-{round}-A1", Name = "镜像投影仪", CategoryCode = "01", Quantity = 2, Value = 4999.50m, AcquiredOn = new DateOnly(2026, 8, 1) });
        await db.SaveChangesAsync();
        await bulk.InsertAsync([NewStudent(3), NewStudent(4)]);

        // A record changed twice: both its lines show its latest state.
        kept.Name = "镜像学生甲";
        await db.SaveChangesAsync();
        kept.Address = "青岛市市南区测试路3号";
        await db.SaveChangesAsync();

        // Existing records of every kind (a different one each round).
        (await db.Students.OrderBy(s => s.Id).Skip(round).FirstAsync()).Name += "（改）";
        (await db.Guardians.OrderBy(g => g.Id).Skip(round).FirstAsync()).Phone = "13700000000";
        (await db.Classes.OrderBy(c => c.Id).Skip(round).FirstAsync()).Name += "（改）";
        (await db.Staff.OrderBy(s => s.Id).Skip(round).FirstAsync()).TitleCode = "2";
        var asset = await db.Assets.OrderBy(a => a.Id).Skip(round).FirstAsync();
        asset.Value += 1.25m;
        asset.Quantity += 1;
        var enrolment = await db.Enrolments.OrderBy(e => e.Id).Skip(round).FirstAsync();
        enrolment.To = new DateOnly(2027, 7, 1);
        enrolment.ExitReasonCode = "21";
        (await db.Campuses.OrderBy(c => c.Id).Skip(round).FirstAsync()).Address = "青岛市市南区新址路9号";
        await db.SaveChangesAsync();

        // Deleted: a record created above (its earlier lines carry no data, then its tombstone) and existing ones.
        db.Remove(gone);
        db.Remove(await db.Guardians.OrderBy(g => g.Id).Skip(10 + round).FirstAsync());
        db.Remove(await db.Assets.OrderBy(a => a.Id).Skip(10 + round).FirstAsync());
        db.Remove(await db.Enrolments.OrderBy(e => e.Id).Skip(10 + round).FirstAsync());
        await db.SaveChangesAsync();
    }
}

/// <summary>The registry's tables read with plain SQL, past Qedu, on either provider.</summary>
internal static class RegistryTables
{
    /// <summary>The tables the change feed carries, and their feed entity types.</summary>
    public static readonly IReadOnlyList<string> Records = ["campuses", "classes", "students", "guardians", "enrolments", "staff", "assets"];
    public static readonly IReadOnlyList<string> EntityTypes = ["Campus", "SchoolClass", "Student", "Guardian", "Enrolment", "Staff", "Asset"];

    public static string Name(TestDatabase db, string table) => db.Settings.IsPostgres ? $"registry.{table}" : $"registry_{table}";

    private static DbConnection Connect(TestDatabase db) =>
        db.Settings.IsPostgres ? new NpgsqlConnection(db.Connection) : new SqliteConnection(db.Connection);

    /// <summary>Removes every registry record, feed line and cursor and resets the counter (the org tree and school profiles stay).</summary>
    public static async Task EmptyAsync(TestDatabase db)
    {
        foreach (var table in Records.Append("changes").Append("mirror_cursors"))
        {
            await Cli.ExecuteSqlAsync(db, $"DELETE FROM {Name(db, table)}");
        }
        await Cli.ExecuteSqlAsync(db, $"UPDATE {Name(db, "change_head")} SET last_version = 0");
    }

    public static async Task<long> ScalarAsync(TestDatabase db, string sql)
    {
        await using var connection = Connect(db);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task<List<long>> ColumnAsync(TestDatabase db, string sql)
    {
        await using var connection = Connect(db);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<long>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        }
        return values;
    }

    /// <summary>
    /// Every record row as "column=value|…", by id. Only <c>revision</c> is left out: it is the version of the row's last
    /// write in that instance's own feed, so it differs by design. Org unit ids are compared as they are: both instances
    /// seed the same demo city, so their org ids agree (the mirror itself matches org units by code).
    /// With <paramref name="withFeed"/> the feed, counter and cursors are included as well (to show that nothing was written).
    /// With <paramref name="encryption"/> (the instance's keys) resident IDs are compared decrypted and their blind index
    /// left out: each instance encrypts with its own keys and a random nonce, so the stored bytes differ by design.
    /// </summary>
    public static async Task<Dictionary<string, List<string>>> SnapshotAsync(TestDatabase db, bool withFeed, FieldEncryption? encryption = null)
    {
        var tables = withFeed ? Records.Concat(["changes", "change_head", "mirror_cursors"]).ToList() : Records.ToList();
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using var connection = Connect(db);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {Name(db, table)} ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var cells = new List<string>();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var column = reader.GetName(i);
                    if ((!withFeed && column == "revision") || (encryption is not null && column == "resident_id_index"))
                    {
                        continue;
                    }
                    if (encryption is not null && column == "resident_id_encrypted")
                    {
                        cells.Add($"resident_id={(reader.IsDBNull(i) ? "" : encryption.Decrypt((byte[])reader.GetValue(i)))}");
                        continue;
                    }
                    cells.Add($"{column}={Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}");
                }
                rows.Add(string.Join("|", cells));
            }
            result[table] = rows;
        }
        return result;
    }
}
