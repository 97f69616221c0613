using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Writes;
using Qedu.StudentServices.Features.Changes;
using Qedu.StudentServices.Features.Deadlines;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.StudentServices;

/// <summary>
/// Students of its own for each test (unique numbers) at a 市南区 primary school, with a guardian whose phone is a
/// parent account's; two other schools to move to (one in 市南区, one in another district), each with a class of its
/// own; and the use cases run as a guardian, a school's or a district's reviewer, against a fixed clock.
/// </summary>
internal sealed class StatusChangeWorld(WebApp app)
{
    /// <summary>Tuesday 29 September 2026, 10:00 in China: the day before the National Day holiday (1 to 7 October).</summary>
    public static readonly DateTimeOffset Now = new(2026, 9, 29, 2, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    public int FromSchoolId { get; private set; }
    public int FromDistrictId { get; private set; }
    public int NearSchoolId { get; private set; }
    public int FarSchoolId { get; private set; }
    public int FarDistrictId { get; private set; }
    public string FromSchoolCode { get; private set; } = "";
    public string FarSchoolCode { get; private set; } = "";
    public string NearSchoolCode { get; private set; } = "";
    public string FromDistrictCode { get; private set; } = "";
    public string FarDistrictCode { get; private set; } = "";
    public long FromClassId { get; private set; }
    public long NearClassId { get; private set; }
    public long FarClassId { get; private set; }

    public async Task<StatusChangeWorld> CreateAsync()
    {
        await app.AsSystemAsync(async sp =>
        {
            var tree = sp.GetRequiredService<OrgTree>();
            var shinan = (await tree.FindAsync("370202"))!;
            var near = (await tree.OfKindAsync([OrgUnitKind.School], shinan.Id)).Where(s => s.SchoolTypeCode == "211").OrderBy(s => s.Code).ToList();
            var city = (await tree.FindAsync("370200"))!;
            var far = (await tree.OfKindAsync([OrgUnitKind.District], city.Id)).Where(d => d.Id != shinan.Id).OrderBy(d => d.Code).ToList();
            var farSchool = (OrgUnit?)null;
            foreach (var district in far)
            {
                farSchool = (await tree.OfKindAsync([OrgUnitKind.School], district.Id)).OrderBy(s => s.Code).FirstOrDefault();
                if (farSchool is not null)
                {
                    (FarDistrictId, FarDistrictCode) = (district.Id, district.Code);
                    break;
                }
            }
            (FromDistrictId, FromSchoolId, NearSchoolId, FarSchoolId) = (shinan.Id, near[0].Id, near[1].Id, farSchool!.Id);
            (FromDistrictCode, FromSchoolCode, NearSchoolCode, FarSchoolCode) = (shinan.Code, near[0].Code, near[1].Code, farSchool.Code);
            FromClassId = await AddClassAsync(sp, FromSchoolId);
            NearClassId = await AddClassAsync(sp, NearSchoolId);
            FarClassId = await AddClassAsync(sp, FarSchoolId);
            return 0;
        });
        return this;
    }

    private static async Task<long> AddClassAsync(IServiceProvider sp, int schoolId)
    {
        var db = sp.GetRequiredService<RegistryDb>();
        var code = "T" + Guid.NewGuid().ToString("N")[..10];
        var c = new SchoolClass { OrgUnitId = schoolId, Code = code, Name = "测试班 " + code, GradeCode = "P3", EntryYear = 2024 };
        db.Classes.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    /// <summary>An enrolled student at the from school with a guardian whose phone is a new parent account's.</summary>
    public async Task<(long StudentId, Guid Parent, string Phone)> StudentAsync(string name = "李小华", string? phone = null)
    {
        phone ??= "139" + Random.Shared.Next(0, 99_999_999).ToString("D8", CultureInfo.InvariantCulture);
        return await app.AsSystemAsync(async sp =>
        {
            var (account, _) = await sp.GetRequiredService<ParentAccounts>().FindOrCreateAsync(phone, Now);
            var student = new Student
            {
                OrgUnitId = FromSchoolId, StudentNumber = "T" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(), Name = name,
                GenderCode = "1", BirthDate = new DateOnly(2017, 5, 1), ClassId = FromClassId, StatusCode = "01",
            };
            await new StudentCommands(sp.GetRequiredService<RegistryDb>(), sp.GetRequiredService<CodeBook>())
                .CreateAsync(student, [new Guardian { Name = "李强", RelationCode = "11", Phone = phone }], new DateOnly(2024, 9, 1));
            return (student.Id, account.Id, phone);
        });
    }

    /// <summary>Fills a class with active students up to <paramref name="size"/>.</summary>
    public Task<int> FillAsync(int schoolId, long classId, int size) => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<RegistryDb>();
        for (var i = 0; i < size; i++)
        {
            db.Students.Add(new Student
            {
                OrgUnitId = schoolId, StudentNumber = "F" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(), Name = "同学",
                GenderCode = "2", BirthDate = new DateOnly(2017, 3, 1), ClassId = classId, StatusCode = "01",
            });
        }
        return await db.SaveChangesAsync();
    });

    public Task<Student> RecordAsync(long studentId) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Students.AsNoTracking().SingleAsync(s => s.Id == studentId));

    public Task<List<Enrolment>> HistoryAsync(long studentId) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Enrolments.AsNoTracking().Where(e => e.StudentId == studentId).OrderBy(e => e.From).ThenBy(e => e.Id).ToListAsync());

    public Task<T> AsGuardianAsync<T>(Guid parent, Func<StatusChangeFlow, Task<T>> work) =>
        RunAsync(AccessContext.ForParent(parent, "139****0000"), sp => work(ActivatorUtilities.CreateInstance<StatusChangeFlow>(sp, Clock)));

    /// <summary>Runs <paramref name="work"/> as a reviewer holding status-changes.review over <paramref name="unitId"/>.</summary>
    public Task<T> AsReviewerAsync<T>(int unitId, Func<StatusChangeFlow, Task<T>> work, string name = "reviewer") =>
        RunAsync(Reviewer(unitId, name), sp => work(ActivatorUtilities.CreateInstance<StatusChangeFlow>(sp, Clock)));

    /// <summary>The smallest PDF the file check takes: a 休学's certificate in tests.</summary>
    public static byte[] Pdf => System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    /// <summary>Attaches a certificate to a change as a reviewer of the student's school (the applicant's side).</summary>
    public Task<Qedu.Kernel.Web.Outcome<MaterialRow>> CertificateAsync(long changeId) =>
        RunAsync(Reviewer(FromSchoolId, "school"), async sp =>
        {
            using var content = new MemoryStream(Pdf);
            return await ActivatorUtilities.CreateInstance<ChangeMaterials>(sp, Clock).AddAsync(changeId, "二级以上医院诊断证明", "诊断证明.pdf", Pdf.Length, content);
        });

    public Task<T> DeadlinesAsync<T>(int unitId, Func<ChangeDeadlines, Task<T>> work) =>
        RunAsync(Reviewer(unitId, "deadlines"), sp => work(ActivatorUtilities.CreateInstance<ChangeDeadlines>(sp, Clock)));

    private static AccessContext Reviewer(int unitId, string name) => AccessContext.ForUser(Guid.NewGuid(), name,
        [new Grant(unitId, unitId.ToString(CultureInfo.InvariantCulture), new HashSet<string> { Permissions.OrgRead, Permissions.StatusChangesReview }, Roles.SchoolAdmin)]);

    private async Task<T> RunAsync<T>(AccessContext caller, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(caller);
        return await work(scope.ServiceProvider);
    }
}
