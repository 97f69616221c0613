using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Features.Students;
using Qedu.Registry.Records;

namespace Qedu.Registry.Tests;

/// <summary>
/// Finding 5 of the personal-data issue (ADR 11): resident IDs of students, guardians and staff are stored only
/// encrypted, found by their blind index, and every feature that compared them still works.
/// </summary>
public sealed class ResidentIdEncryptionTests(SeededCity city) : IClassFixture<SeededCity>, IDisposable
{
    private const string StudentHeader = "学校标识码,学籍号,姓名,性别,身份证号,出生日期,班级代码,监护人1姓名,监护人1关系,监护人1电话";
    private readonly RegistryFiles _files = new();

    private KernelHost Host => city.Host;

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task No_resident_id_is_stored_in_clear_in_any_column_of_its_row()
    {
        var student = await AddStudentAsync("T" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999), 701);
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        var guardian = await db.Guardians.AsNoTracking().Where(g => g.ResidentId != null).OrderBy(g => g.Id).FirstAsync();
        var staff = await db.Staff.AsNoTracking().Where(s => s.ResidentId != null).OrderBy(s => s.Id).FirstAsync();

        foreach (var (table, id, residentId) in new[]
        {
            (Table(db, typeof(Student)), student.Id, student.ResidentId!),
            (Table(db, typeof(Guardian)), guardian.Id, guardian.ResidentId!),
            (Table(db, typeof(Staff)), staff.Id, staff.ResidentId!),
        })
        {
            var row = await RawRowAsync(db, $"SELECT * FROM {table} WHERE id = {id}");
            Assert.DoesNotContain(row.Values, v => v.Contains(residentId, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("resident_id", row.Keys);
            var stored = await RawBytesAsync(db, $"SELECT resident_id_encrypted FROM {table} WHERE id = {id}");
            Assert.Equal(residentId, db.FieldEncryption.Decrypt(stored));
            Assert.Equal(db.FieldEncryption.Index(residentId), row["resident_id_index"]);
        }
    }

    [Fact]
    public async Task On_sqlite_the_database_file_holds_no_guardians_staff_or_students_resident_id_in_clear()
    {
        if (Host.IsPostgres)
        {
            return; // PostgreSQL's files belong to its server; the test above reads its rows raw
        }
        var student = await AddStudentAsync("T" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999), 703);
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        var guardians = await db.Guardians.AsNoTracking().Where(g => g.ResidentId != null).OrderBy(g => g.Id).Take(50).Select(g => g.ResidentId!).ToListAsync();
        var staff = await db.Staff.AsNoTracking().Where(s => s.ResidentId != null).OrderBy(s => s.Id).Take(50).Select(s => s.ResidentId!).ToListAsync();
        await ExecuteAsync(db, "PRAGMA wal_checkpoint(TRUNCATE)");
        var file = Host.Database.Settings.SqliteFile!;
        var bytes = Encoding.Latin1.GetString(await ReadSharedAsync(file)) + (File.Exists(file + "-wal") ? Encoding.Latin1.GetString(await ReadSharedAsync(file + "-wal")) : "");

        Assert.True(guardians.Count == 50 && staff.Count == 50);
        foreach (var id in guardians.Concat(staff).Append(student.ResidentId!))
        {
            Assert.DoesNotContain(id, bytes, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_student_is_found_by_resident_id_whatever_the_case_of_its_check_letter()
    {
        var student = await AddStudentAsync("T" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999), 705, checkLetterX: true);
        Assert.EndsWith("X", student.ResidentId, StringComparison.Ordinal);
        await using var scope = Host.Scope(AccessContext.System("test"));
        var queries = scope.ServiceProvider.GetRequiredService<StudentQueries>();

        foreach (var search in new[] { student.ResidentId!, student.ResidentId!.ToLowerInvariant(), $" {student.ResidentId} " })
        {
            var page = await queries.ListAsync(new StudentFilter(Search: search), 0, 10);
            Assert.Equal(student.Id, Assert.Single(page.Items).Id);
            Assert.Equal(student.ResidentId, page.Items[0].ResidentId);
        }
    }

    [Fact]
    public async Task An_import_is_matched_by_resident_id_and_the_same_id_twice_is_refused_with_the_existing_error()
    {
        var existing = await ExistingStudentAsync();
        var birth = new DateOnly(2018, 9, 12);
        var fresh = ResidentId.Compose("370202", birth, 955);
        var number = "T" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);
        var caller = AccessContext.System("test");

        // A new ID goes in, and is then found by it.
        var first = _files.Write("first.csv", $"{StudentHeader}\r\n{Demo.AnchorSchool},{number},冯新,{Gender(fresh)},{fresh},{birth:yyyy-MM-dd},,,,");
        var written = await RegistryFiles.ImportAsync(Host, caller, dryRun: false, (RecordKind.Students, first));
        Assert.True(written.Ok, string.Join("\n", written.Errors));
        await using (var scope = Host.Scope(caller))
        {
            var page = await scope.ServiceProvider.GetRequiredService<StudentQueries>().ListAsync(new StudentFilter(Search: fresh), 0, 10);
            Assert.Equal(number, Assert.Single(page.Items).StudentNumber);
        }

        // The same IDs again, under new numbers: each refused, naming the row, the column and the ID.
        var again = _files.Write("again.csv", string.Join("\r\n",
            StudentHeader,
            $"{Demo.AnchorSchool},{number}A,冯重,{Gender(fresh)},{fresh},{birth:yyyy-MM-dd},,,,",
            $"{Demo.AnchorSchool},{number}B,冯旧,{Gender(existing.ResidentId!)},{existing.ResidentId},{existing.BirthDate:yyyy-MM-dd},,,,"));
        var before = await RegistryFiles.FingerprintAsync(Host);
        var report = await RegistryFiles.ImportAsync(Host, caller, dryRun: false, (RecordKind.Students, again));

        Assert.False(report.Ok);
        Assert.Equal(before, await RegistryFiles.FingerprintAsync(Host));
        Assert.Contains(report.Errors, e => e.Row == 2 && e.Column == "身份证号" && e.Value == fresh && e.Message.Contains("已存在", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Row == 3 && e.Column == "身份证号" && e.Value == existing.ResidentId && e.Message.Contains("已存在", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_database_refuses_a_second_student_with_the_same_resident_id_through_its_blind_index()
    {
        var existing = await ExistingStudentAsync();
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        db.Students.Add(NewStudent(existing.OrgUnitId, "T" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999), existing.ResidentId!.ToLowerInvariant(), existing.BirthDate));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_query_comparing_the_encrypted_column_is_refused_rather_than_silently_matching_nothing()
    {
        var existing = await ExistingStudentAsync();
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        var ids = new List<string> { existing.ResidentId! };

        var equal = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Students.Where(s => s.ResidentId == existing.ResidentId).ToListAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Guardians.Where(g => ids.Contains(g.ResidentId!)).ToListAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Staff.Where(s => s.ResidentId!.StartsWith("3702")).ToListAsync());
        Assert.Contains("blind index", equal.Message, StringComparison.Ordinal);
        // Null checks, projections and the index are what queries use instead.
        Assert.Equal(existing.ResidentId, await db.Students.Where(s => s.ResidentId != null && s.ResidentIdIndex == db.FieldEncryption.Index(existing.ResidentId))
            .Select(s => s.ResidentId).SingleAsync());
    }

    [Fact]
    public async Task A_start_with_another_key_file_is_refused_naming_the_file()
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), "qedu-tests", $"keys-{Guid.NewGuid():N}");
        try
        {
            await using var services = KernelHost.Build(Host.Database.Settings, elsewhere);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<DatabaseMigrator>().VerifyKeysAsync());
            Assert.Contains(Path.Combine(elsewhere, FieldEncryption.KeyName + ".key"), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(elsewhere))
            {
                Directory.Delete(elsewhere, recursive: true);
            }
        }
        // The right keys still start.
        await Host.Services.GetRequiredService<DatabaseMigrator>().VerifyKeysAsync();
    }

    private async Task<Student> AddStudentAsync(string number, int sequence, bool checkLetterX = false)
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        var school = await scope.ServiceProvider.GetRequiredService<KernelDb>().OrgUnits.SingleAsync(o => o.Code == Demo.AnchorSchool);
        var birth = new DateOnly(2017, 3, 4);
        var id = ResidentId.Compose("370202", birth, sequence);
        for (var s = sequence; checkLetterX && !id.EndsWith('X'); s++)
        {
            id = ResidentId.Compose("370202", birth, s);
        }
        var student = NewStudent(school.Id, number, id, birth);
        db.Students.Add(student);
        await db.SaveChangesAsync();
        return student;
    }

    private static Student NewStudent(int orgUnitId, string number, string residentId, DateOnly birth) => new()
    {
        OrgUnitId = orgUnitId,
        StudentNumber = number,
        Name = "测试加密",
        GenderCode = (residentId[16] - '0') % 2 == 1 ? "1" : "2",
        ResidentId = residentId,
        BirthDate = birth,
        StatusCode = "01",
    };

    private async Task<Student> ExistingStudentAsync()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        return await scope.ServiceProvider.GetRequiredService<RegistryDb>().Students.AsNoTracking()
            .Where(s => s.ResidentId != null).OrderBy(s => s.Id).FirstAsync();
    }

    private static string Gender(string residentId) => (residentId[16] - '0') % 2 == 1 ? "男" : "女";

    internal static string Table(DbContext db, Type type)
    {
        var entity = db.Model.FindEntityType(type)!;
        return db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    /// <summary>Every column of one row as raw SQL returns it, bytes read as Latin-1 so clear ASCII in them shows.</summary>
    internal static async Task<Dictionary<string, string>> RawRowAsync(DbContext db, string sql)
    {
        await using var command = await CommandAsync(db, sql);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), sql);
        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row[reader.GetName(i)] = reader.IsDBNull(i) ? "" : reader.GetValue(i) switch
            {
                byte[] bytes => Encoding.Latin1.GetString(bytes),
                var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
        }
        return row;
    }

    internal static async Task ExecuteAsync(DbContext db, string sql)
    {
        await using var command = await CommandAsync(db, sql);
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<byte[]> RawBytesAsync(DbContext db, string sql)
    {
        await using var command = await CommandAsync(db, sql);
        return (byte[])(await command.ExecuteScalarAsync())!;
    }

    private static async Task<DbCommand> CommandAsync(DbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}

/// <summary>A database written before resident IDs were encrypted upgrades without losing one (ADR 11).</summary>
public sealed class ResidentIdUpgradeTests : IAsyncLifetime
{
    private KernelHost? _host;

    private KernelHost Host => _host!;

    public async Task InitializeAsync() => _host = await KernelHost.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Clear_ids_written_before_are_encrypted_indexed_and_the_clear_column_dropped_by_the_migrator()
    {
        var studentId = ResidentId.Compose("370202", new DateOnly(2016, 5, 6), 321);
        var guardianId = ResidentId.Compose("370203", new DateOnly(1985, 1, 2), 322);
        var staffId = ResidentId.Compose("370211", new DateOnly(1980, 7, 8), 323);
        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            await scope.ServiceProvider.GetRequiredService<KernelDb>().Database.MigrateAsync();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
            var before = db.Database.GetMigrations().Last(m => string.CompareOrdinal(m, db.Database.GetMigrations().Single(n => n.EndsWith("_EncryptResidentIds", StringComparison.Ordinal))) < 0);
            await db.GetService<IMigrator>().MigrateAsync(before);
            var (students, guardians, staff) = (ResidentIdEncryptionTests.Table(db, typeof(Student)), ResidentIdEncryptionTests.Table(db, typeof(Guardian)), ResidentIdEncryptionTests.Table(db, typeof(Staff)));
            await ResidentIdEncryptionTests.ExecuteAsync(db,
                $"INSERT INTO {students} (id, org_unit_id, student_number, name, gender_code, resident_id, birth_date, status_code, category_code, is_migrant_child, is_left_behind, has_disability, has_financial_hardship, revision) " +
                $"VALUES (1, 1, 'G{studentId}', '旧生', '{GenderCode(studentId)}', '{studentId}', '2016-05-06', '01', '00', FALSE, FALSE, FALSE, FALSE, 1)");
            await ResidentIdEncryptionTests.ExecuteAsync(db,
                $"INSERT INTO {guardians} (id, org_unit_id, student_id, name, relation_code, resident_id, revision) VALUES (2, 1, 1, '旧家长', '11', '{guardianId}', 2)");
            await ResidentIdEncryptionTests.ExecuteAsync(db,
                $"INSERT INTO {staff} (id, org_unit_id, staff_number, name, gender_code, resident_id, employment_type_code, post_code, revision) " +
                $"VALUES (3, 1, 'S-OLD-1', '旧教师', '{GenderCode(staffId)}', '{staffId}', '1', '1', 3)");
        }

        await Host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        await using (var scope = Host.Scope(AccessContext.System("test")))
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(studentId, (await db.Students.SingleAsync(s => s.ResidentIdIndex == db.FieldEncryption.Index(studentId))).ResidentId);
            Assert.Equal(guardianId, (await db.Guardians.SingleAsync(g => g.ResidentIdIndex == db.FieldEncryption.Index(guardianId))).ResidentId);
            Assert.Equal(staffId, (await db.Staff.SingleAsync(s => s.ResidentIdIndex == db.FieldEncryption.Index(staffId))).ResidentId);
            foreach (var (type, id, residentId) in new[] { (typeof(Guardian), 2, guardianId), (typeof(Staff), 3, staffId) })
            {
                var row = await ResidentIdEncryptionTests.RawRowAsync(db, $"SELECT * FROM {ResidentIdEncryptionTests.Table(db, type)} WHERE id = {id}");
                Assert.DoesNotContain("resident_id", row.Keys);
                Assert.DoesNotContain(row.Values, v => v.Contains(residentId, StringComparison.Ordinal));
            }
            var audit = await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditEntries.AsNoTracking()
                .Where(e => e.Action == "encrypt").Select(e => e.EntityType + " " + e.Details).ToListAsync();
            Assert.Contains("Student resident_id count=1 (upgrade)", audit);
        }
    }

    private static string GenderCode(string residentId) => (residentId[16] - '0') % 2 == 1 ? "1" : "2";
}
