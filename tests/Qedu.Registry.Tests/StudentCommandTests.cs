using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Web;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Writes;

namespace Qedu.Registry.Tests;

/// <summary>
/// Writing students keeps the dated enrolment history true (moves, suspension, return), guards against stale copies
/// and the writer's scope, and every write reaches the change feed. Its own seeded city: these tests change students.
/// </summary>
public sealed class StudentCommandTests(SeededCity city) : IClassFixture<SeededCity>
{
    private static readonly DateOnly Day1 = new(2026, 10, 8);
    private static readonly DateOnly Day2 = new(2026, 11, 2);

    private KernelHost Host => city.Host;

    private async Task<T> AsAsync<T>(AccessContext who, Func<StudentCommands, RegistryDb, Task<T>> work)
    {
        await using var scope = Host.Scope(who);
        return await work(scope.ServiceProvider.GetRequiredService<StudentCommands>(), scope.ServiceProvider.GetRequiredService<RegistryDb>());
    }

    private Task<T> AsSystemAsync<T>(Func<StudentCommands, RegistryDb, Task<T>> work) => AsAsync(AccessContext.System("test"), work);

    /// <summary>An enrolled student of the anchor school, a second class of the same school and a school of another district.</summary>
    private async Task<(Student Student, long OtherClass, int OtherSchool)> PickAsync(int skip)
    {
        var ids = await Host.OrgIdsAsync();
        return await AsSystemAsync(async (_, db) =>
        {
            var anchor = ids[Demo.AnchorSchool];
            var student = await db.Students.AsNoTracking().Where(s => s.OrgUnitId == anchor && s.StatusCode == "01")
                .OrderBy(s => s.Id).Skip(skip).FirstAsync();
            var otherClass = await db.Classes.AsNoTracking().Where(c => c.OrgUnitId == anchor && c.Id != student.ClassId).Select(c => c.Id).FirstAsync();
            var otherSchool = await db.Classes.AsNoTracking().Where(c => c.OrgUnitId != anchor).Select(c => c.OrgUnitId).FirstAsync();
            return (student, otherClass, otherSchool);
        });
    }

    private static Student Copy(Student s, Action<Student> change)
    {
        var copy = new Student
        {
            Id = s.Id, OrgUnitId = s.OrgUnitId, StudentNumber = s.StudentNumber, Name = s.Name, GenderCode = s.GenderCode, ResidentId = s.ResidentId,
            BirthDate = s.BirthDate, EthnicityCode = s.EthnicityCode, HukouDivisionCode = s.HukouDivisionCode, Address = s.Address, ClassId = s.ClassId,
            StatusCode = s.StatusCode, CategoryCode = s.CategoryCode, IsMigrantChild = s.IsMigrantChild, IsLeftBehind = s.IsLeftBehind,
            HasDisability = s.HasDisability, HasFinancialHardship = s.HasFinancialHardship, Revision = s.Revision,
        };
        change(copy);
        return copy;
    }

    private Task<List<Enrolment>> HistoryAsync(long id) =>
        AsSystemAsync((_, db) => db.Enrolments.AsNoTracking().Where(e => e.StudentId == id).OrderBy(e => e.From).ThenBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Moving_class_then_school_closes_each_stretch_with_its_reason_and_guardians_follow_the_child()
    {
        var (student, otherClass, otherSchool) = await PickAsync(skip: 0);
        var before = await HistoryAsync(student.Id);

        var moved = await AsSystemAsync((c, _) => c.UpdateAsync(student.Id, student.Revision, Copy(student, s => s.ClassId = otherClass), effective: Day1));
        Assert.Equal(OutcomeKind.Ok, moved.Kind);
        var newClass = await AsSystemAsync((_, db) => db.Classes.AsNoTracking().Where(c => c.OrgUnitId == otherSchool).Select(c => c.Id).FirstAsync());
        var transferred = await AsSystemAsync((c, _) => c.UpdateAsync(student.Id, moved.Value!.Revision,
            Copy(student, s => { s.OrgUnitId = otherSchool; s.ClassId = newClass; }), effective: Day2));
        Assert.Equal(OutcomeKind.Ok, transferred.Kind);

        var history = await HistoryAsync(student.Id);
        Assert.Equal(before.Count + 2, history.Count);
        var (first, second, third) = (history[^3], history[^2], history[^1]);
        Assert.Equal((Day1, "29"), (first.To!.Value, first.ExitReasonCode));
        Assert.Equal((otherClass, Day1, "29", Day2, "21"), (second.ClassId!.Value, second.From, second.EntryReasonCode, second.To!.Value, second.ExitReasonCode));
        Assert.Equal((otherSchool, newClass, Day2, "22", (DateOnly?)null), (third.OrgUnitId, third.ClassId!.Value, third.From, third.EntryReasonCode, third.To));
        var guardians = await AsSystemAsync((_, db) => db.Guardians.AsNoTracking().Where(g => g.StudentId == student.Id).Select(g => g.OrgUnitId).ToListAsync());
        Assert.NotEmpty(guardians);
        Assert.All(guardians, g => Assert.Equal(otherSchool, g));
    }

    [Fact]
    public async Task Suspension_closes_the_stretch_and_return_opens_a_new_one_as_resumption()
    {
        var (student, _, _) = await PickAsync(skip: 1);
        var paused = await AsSystemAsync((c, _) => c.UpdateAsync(student.Id, student.Revision, Copy(student, s => s.StatusCode = "02"), effective: Day1));
        var back = await AsSystemAsync((c, _) => c.UpdateAsync(student.Id, paused.Value!.Revision, Copy(student, s => s.StatusCode = "01"), effective: Day2));
        Assert.Equal(OutcomeKind.Ok, back.Kind);

        var history = await HistoryAsync(student.Id);
        Assert.Equal((Day1, "11"), (history[^2].To!.Value, history[^2].ExitReasonCode));
        Assert.Equal((Day2, "12", (DateOnly?)null), (history[^1].From, history[^1].EntryReasonCode, history[^1].To));
        Assert.Single(history, e => e.To is null);
    }

    [Fact]
    public async Task A_stale_revision_changes_nothing_and_reports_the_current_one()
    {
        var (student, _, _) = await PickAsync(skip: 2);
        var first = await AsSystemAsync((c, _) => c.UpdateAsync(student.Id, student.Revision, Copy(student, s => s.Address = "市南区香港中路1号")));
        var stale = await AsSystemAsync((c, _) => c.UpdateAsync(student.Id, student.Revision, Copy(student, s => s.Address = "市北区")));

        Assert.Equal(OutcomeKind.Stale, stale.Kind);
        Assert.Equal(first.Value!.Revision, stale.CurrentRevision);
        var stored = await AsSystemAsync((_, db) => db.Students.AsNoTracking().SingleAsync(s => s.Id == student.Id));
        Assert.Equal("市南区香港中路1号", stored.Address);
        Assert.True(stored.Revision > student.Revision);
    }

    [Fact]
    public async Task A_district_admin_cannot_move_a_student_into_another_district_and_nothing_is_written()
    {
        var (student, _, _) = await PickAsync(skip: 3);
        var ids = await Host.OrgIdsAsync();
        var elsewhere = await AsSystemAsync((_, db) => db.Classes.AsNoTracking()
            .Where(c => c.OrgUnitId != ids[Demo.AnchorSchool]).Select(c => new { c.Id, c.OrgUnitId }).ToListAsync());
        var shibei = await Host.SubtreeAsync(Demo.Shibei);
        var target = elsewhere.First(c => shibei.Contains(ids.Single(kv => kv.Value == c.OrgUnitId).Key));
        var admin = await Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan);
        var head = await AsSystemAsync((_, db) => db.Set<ChangeHead>().AsNoTracking().Select(h => h.LastVersion).SingleAsync());

        await Assert.ThrowsAsync<ScopeViolationException>(() => AsAsync(admin, (c, _) =>
            c.UpdateAsync(student.Id, student.Revision, Copy(student, s => { s.OrgUnitId = target.OrgUnitId; s.ClassId = target.Id; }))));

        var stored = await AsSystemAsync((_, db) => db.Students.AsNoTracking().SingleAsync(s => s.Id == student.Id));
        Assert.Equal((student.OrgUnitId, student.Revision), (stored.OrgUnitId, stored.Revision));
        Assert.Single(await HistoryAsync(student.Id), e => e.To is null);
        Assert.Equal(head, await AsSystemAsync((_, db) => db.Set<ChangeHead>().AsNoTracking().Select(h => h.LastVersion).SingleAsync()));
    }

    [Fact]
    public async Task Create_opens_the_first_stretch_and_delete_leaves_tombstones_for_the_student_guardians_and_history()
    {
        var (template, _, _) = await PickAsync(skip: 4);
        var created = await AsSystemAsync((c, _) => c.CreateAsync(
            Copy(template, s => { s.Id = 0; s.Revision = 0; s.ResidentId = "370202202001010012"; s.StudentNumber = "G370202202001010012"; s.Name = "测试新生"; }),
            [new Guardian { Name = "测试家长", RelationCode = "11", Phone = "13800000000" }], from: Day1));

        Assert.True(created.Id > 0);
        var history = await HistoryAsync(created.Id);
        Assert.Equal((Day1, (string?)null, template.ClassId), (Assert.Single(history).From, history[0].EntryReasonCode, history[0].ClassId));

        var removed = await AsSystemAsync((c, _) => c.DeleteAsync(created.Id, created.Revision));
        Assert.Equal(OutcomeKind.Ok, removed.Kind);
        var tombstones = await AsSystemAsync((_, db) => db.Changes.AsNoTracking().Where(c => c.Deleted && c.Version > created.Revision)
            .Select(c => c.EntityType).ToListAsync());
        Assert.Equal(["Enrolment", "Guardian", "Student"], tombstones.Order());
        Assert.Empty(await HistoryAsync(created.Id));
    }
}
