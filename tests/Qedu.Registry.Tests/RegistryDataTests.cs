using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Tests;

/// <summary>The registry's demo data and its change feed, on the small demo city.</summary>
public sealed class RegistryDataTests(SeededCity city) : IClassFixture<SeededCity>
{
    private static readonly string[] Parents = ["11", "12"];
    private static readonly string[] Grandparents = ["21", "22"];

    private KernelHost Host => city.Host;

    [Fact]
    public async Task Every_demo_student_has_a_valid_resident_id_that_agrees_with_birth_date_and_gender()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        var students = await scope.ServiceProvider.GetRequiredService<RegistryDb>().Students.AsNoTracking().ToListAsync();

        Assert.True(students.Count > 1000, $"only {students.Count} students");
        Assert.All(students, s =>
        {
            var check = ResidentId.Validate(s.ResidentId, new DateOnly(2026, 11, 23), expectedBirthDate: s.BirthDate, expectedGenderCode: int.Parse(s.GenderCode, System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(check.IsValid, $"{s.Name} {s.ResidentId}: {check.Error}");
            Assert.Equal("G" + s.ResidentId, s.StudentNumber);
        });
        Assert.Equal(students.Count, students.Select(s => s.ResidentId).Distinct().Count());
        Assert.Contains(students, s => s.IsMigrantChild);
    }

    [Fact]
    public async Task Every_enrolled_student_has_one_open_enrolment_at_their_school_and_class_and_no_other_student_has_one()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        var students = await db.Students.AsNoTracking().ToDictionaryAsync(s => s.Id);
        var open = await db.Enrolments.AsNoTracking().Where(e => e.To == null).ToListAsync();

        // The demo's status changes leave some students suspended (休学): their stretch is closed until they return.
        Assert.Equal(students.Values.Count(s => s.StatusCode == "01"), open.Count);
        Assert.Contains(students.Values, s => s.StatusCode == "02");
        Assert.Equal(open.Count, open.Select(e => e.StudentId).Distinct().Count());
        Assert.All(open, e =>
        {
            var student = students[e.StudentId];
            Assert.Equal(student.OrgUnitId, e.OrgUnitId);
            Assert.Equal(student.ClassId, e.ClassId);
        });
    }

    [Fact]
    public async Task Guardians_are_a_pair_of_parents_or_grandparents_never_the_same_relation_twice()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        var students = await db.Students.AsNoTracking().ToDictionaryAsync(s => s.Id);
        var guardians = await db.Guardians.AsNoTracking().ToListAsync();

        Assert.Equal(students.Count, guardians.Select(g => g.StudentId).Distinct().Count());
        Assert.All(guardians.GroupBy(g => g.StudentId), family =>
        {
            var relations = family.Select(g => g.RelationCode).ToList();
            Assert.Equal(relations.Count, relations.Distinct().Count());
            var expected = students[family.Key].IsLeftBehind ? Grandparents : Parents;
            Assert.All(relations, r => Assert.Contains(r, expected));
        });
    }

    [Fact]
    public async Task The_change_feed_is_gapless_and_every_row_carries_its_latest_version()
    {
        await using var scope = Host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        var versions = await db.Changes.AsNoTracking().OrderBy(c => c.Version).Select(c => c.Version).ToListAsync();
        var head = await db.Set<ChangeHead>().AsNoTracking().SingleAsync();

        Assert.Equal(Enumerable.Range(1, versions.Count).Select(v => (long)v), versions);
        Assert.Equal(versions[^1], head.LastVersion);
        var latest = await db.Changes.AsNoTracking().Where(c => c.EntityType == nameof(Student))
            .GroupBy(c => c.EntityId).Select(g => new { Id = g.Key, Version = g.Max(c => c.Version) })
            .ToDictionaryAsync(x => x.Id, x => x.Version);
        var students = await db.Students.AsNoTracking().Select(s => new { s.Id, s.Revision }).ToListAsync();
        Assert.All(students, s => Assert.Equal(latest[s.Id], s.Revision));
    }
}

/// <summary>Writes through the tracked path and the bulk path: versions, concurrency, tombstones, scope.</summary>
public sealed class RegistryWriteTests : IAsyncLifetime
{
    private KernelHost _host = null!;

    public async Task InitializeAsync() => _host = await KernelHost.CreateSeededAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Student NewStudent(int orgUnitId, string residentId) => new()
    {
        OrgUnitId = orgUnitId, StudentNumber = "G" + residentId, Name = "新同学", GenderCode = "2",
        ResidentId = residentId, BirthDate = new DateOnly(2019, 5, 1), StatusCode = "01",
    };

    private async Task<long> HeadAsync()
    {
        await using var scope = _host.Scope(AccessContext.System("test"));
        return (await scope.ServiceProvider.GetRequiredService<RegistryDb>().Set<ChangeHead>().AsNoTracking().SingleAsync()).LastVersion;
    }

    [Fact]
    public async Task An_update_takes_the_next_version_and_a_stale_revision_is_refused()
    {
        long id;
        long before;
        await using (var scope = _host.Scope(AccessContext.System("test")))
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
            var student = await db.Students.OrderBy(s => s.Id).FirstAsync();
            (id, before) = (student.Id, student.Revision);
            student.Address = "青岛市市南区香港中路 1 号";
            await db.SaveChangesAsync();
            Assert.Equal(await HeadAsync(), student.Revision);
            Assert.True(student.Revision > before);
            Assert.True(await db.Changes.AnyAsync(c => c.Version == student.Revision && c.EntityId == id && !c.Deleted));
        }

        await using (var scope = _host.Scope(AccessContext.System("test")))
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
            var student = await db.Students.SingleAsync(s => s.Id == id);
            db.Entry(student).Property(s => s.Revision).OriginalValue = before; // what an If-Match with the old ETag says
            student.Address = "别处";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task A_delete_leaves_a_tombstone()
    {
        await using var scope = _host.Scope(AccessContext.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        var asset = await db.Assets.OrderBy(a => a.Id).FirstAsync();
        db.Assets.Remove(asset);
        await db.SaveChangesAsync();

        var line = await db.Changes.OrderByDescending(c => c.Version).FirstAsync();
        Assert.True(line.Deleted);
        Assert.Equal((nameof(Asset), asset.Id, asset.OrgUnitId), (line.EntityType, line.EntityId, line.OrgUnitId));
    }

    [Fact]
    public async Task The_bulk_writer_assigns_ids_from_the_feed_and_writes_the_feed_and_one_audit_line()
    {
        var ids = await _host.OrgIdsAsync();
        var head = await HeadAsync();
        await using var scope = _host.Scope(await _host.UserAsync(Kernel.Access.Roles.SchoolAdmin, Demo.AnchorSchool));
        var rows = await scope.ServiceProvider.GetRequiredService<RegistryBulkWriter>().InsertAsync(
        [
            NewStudent(ids[Demo.AnchorSchool], ResidentId.Compose("370202", new DateOnly(2019, 5, 1), 902)),
            NewStudent(ids[Demo.AnchorSchool], ResidentId.Compose("370202", new DateOnly(2019, 5, 1), 904)),
        ]);

        Assert.Equal([head + 1, head + 2], rows.Select(r => r.Id));
        Assert.Equal(rows.Select(r => r.Id), rows.Select(r => r.Revision));
        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        Assert.Equal(2, await db.Changes.CountAsync(c => c.Version > head && c.EntityType == nameof(Student)));
        var kernel = scope.ServiceProvider.GetRequiredService<KernelDb>();
        var last = await kernel.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(("create", nameof(Student), "count=2 (bulk)"), (last.Action, last.EntityType, last.Details));
    }

    [Fact]
    public async Task The_bulk_writer_refuses_rows_outside_the_callers_scope_and_writes_nothing()
    {
        var ids = await _host.OrgIdsAsync();
        var head = await HeadAsync();
        await using var scope = _host.Scope(await _host.UserAsync(Kernel.Access.Roles.DistrictAdmin, Demo.Shinan));
        var writer = scope.ServiceProvider.GetRequiredService<RegistryBulkWriter>();
        string shibeiSchool;
        await using (var system = _host.Scope(AccessContext.System("test")))
        {
            shibeiSchool = await system.ServiceProvider.GetRequiredService<KernelDb>().OrgUnits.IgnoreQueryFilters()
                .Where(o => o.Kind == OrgUnitKind.School && o.DivisionCode == Demo.Shibei).Select(o => o.Code).FirstAsync();
        }

        await Assert.ThrowsAsync<ScopeViolationException>(() => writer.InsertAsync(
        [
            NewStudent(ids[Demo.AnchorSchool], ResidentId.Compose("370202", new DateOnly(2019, 5, 2), 902)),
            NewStudent(ids[shibeiSchool], ResidentId.Compose("370203", new DateOnly(2019, 5, 2), 902)),
        ]));
        Assert.Equal(head, await HeadAsync());
    }

    [Fact]
    public async Task Concurrent_writers_get_distinct_consecutive_versions_in_commit_order()
    {
        List<long> ids;
        long head;
        await using (var scope = _host.Scope(AccessContext.System("test")))
        {
            ids = await scope.ServiceProvider.GetRequiredService<RegistryDb>().Students.OrderBy(s => s.Id).Select(s => s.Id).Take(8).ToListAsync();
            head = await HeadAsync();
        }

        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            await using var scope = _host.Scope(AccessContext.System("test-writer"));
            var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
            var student = await db.Students.SingleAsync(s => s.Id == id);
            student.Address = $"并发写入 {id}";
            await db.SaveChangesAsync();
        })));

        await using var check = _host.Scope(AccessContext.System("test"));
        var db = check.ServiceProvider.GetRequiredService<RegistryDb>();
        var lines = await db.Changes.AsNoTracking().Where(c => c.Version > head).OrderBy(c => c.Version).ToListAsync();
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(n => head + n), lines.Select(c => c.Version));
        Assert.Equal(ids.Order(), lines.Select(c => c.EntityId).Order());
        var revisions = await db.Students.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Revision);
        Assert.All(lines, c => Assert.Equal(c.Version, revisions[c.EntityId]));
    }
}
