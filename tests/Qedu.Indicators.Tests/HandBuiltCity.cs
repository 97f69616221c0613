using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;

namespace Qedu.Indicators.Tests;

/// <summary>
/// A city small enough to count by hand, built straight into the registry of a migrated, empty database:
///
///   370200 city
///   ├─ 370202 district A
///   │   ├─ A-P  primary school (urban), 200 seats, 6 teachers + 2 administrators
///   │   │       P1-1: 60 (10 migrant) · P1-2: 40 (3 left-behind) + 2 graduated · P2-1: 70 · 1 enrolled in no class
///   │   └─ A-K  public kindergarten (公办园), 3 teachers: K1-1: 30
///   └─ 370203 district B
///       ├─ B-9  nine-year school (rural), 90 seats, 10 teachers: P1-1: 45 · J1-1: 50
///       ├─ B-K2 inclusive private kindergarten (普惠性民办园): K2-1: 20
///       ├─ B-K3 other private kindergarten: K3-1: 10
///       └─ B-S  senior high school, 5 teachers: S1-1: 50
/// </summary>
internal static class HandBuiltCity
{
    public const string City = "370200", DistrictA = "370202", DistrictB = "370203";
    public const string PrimaryA = "2137020001", KindergartenA = "1137020001", NineYearB = "2137030001", InclusiveB = "1137030002", PrivateB = "1137030003", SeniorB = "3137030004";

    public static async Task BuildAsync(KernelHost host)
    {
        await using var scope = host.Scope(AccessContext.System("test-hand-built"));
        var tree = scope.ServiceProvider.GetRequiredService<OrgTree>();
        var city = await tree.AddAsync(new OrgUnit { Code = City, Name = "青岛市", Kind = OrgUnitKind.City });
        var a = await tree.AddAsync(new OrgUnit { Code = DistrictA, Name = "市南区", Kind = OrgUnitKind.District, ParentId = city.Id });
        var b = await tree.AddAsync(new OrgUnit { Code = DistrictB, Name = "市北区", Kind = OrgUnitKind.District, ParentId = city.Id });
        var primary = await School(tree, PrimaryA, "A 小学", a, "211", "111", "21", null);
        var kinderA = await School(tree, KindergartenA, "A 公办幼儿园", a, "111", "111", "21", "1");
        var nine = await School(tree, NineYearB, "B 九年一贯制学校", b, "312", "220", "21", null);
        var kinderB2 = await School(tree, InclusiveB, "B 普惠幼儿园", b, "111", "112", "22", "2");
        var kinderB3 = await School(tree, PrivateB, "B 民办幼儿园", b, "111", "112", "22", "3");
        var senior = await School(tree, SeniorB, "B 高级中学", b, "342", "111", "21", null);

        var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
        db.SchoolProfiles.Add(new SchoolProfile { OrgUnitId = primary, CapacitySeats = 200 });
        db.SchoolProfiles.Add(new SchoolProfile { OrgUnitId = nine, CapacitySeats = 90 });
        await db.SaveChangesAsync();

        var builder = new Builder(db);
        await builder.ClassAsync(primary, "P1-1", "P1", active: 60, migrant: 10);
        await builder.ClassAsync(primary, "P1-2", "P1", active: 40, leftBehind: 3, graduated: 2);
        await builder.ClassAsync(primary, "P2-1", "P2", active: 70);
        await builder.UnclassedAsync(primary, 1);
        await builder.ClassAsync(kinderA, "K1-1", "K1", active: 30);
        await builder.ClassAsync(nine, "P1-1", "P1", active: 45);
        await builder.ClassAsync(nine, "J1-1", "J1", active: 50);
        await builder.ClassAsync(kinderB2, "K2-1", "K2", active: 20);
        await builder.ClassAsync(kinderB3, "K3-1", "K3", active: 10);
        await builder.ClassAsync(senior, "S1-1", "S1", active: 50);
        await builder.StaffAsync(primary, teachers: 6, others: 2);
        await builder.StaffAsync(kinderA, teachers: 3, others: 0);
        await builder.StaffAsync(nine, teachers: 10, others: 0);
        await builder.StaffAsync(senior, teachers: 5, others: 0);
    }

    private static async Task<int> School(OrgTree tree, string code, string name, OrgUnit parent, string type, string urbanRural, string ownership, string? category) =>
        (await tree.AddAsync(new OrgUnit
        {
            Code = code, Name = name, Kind = OrgUnitKind.School, ParentId = parent.Id,
            SchoolTypeCode = type, UrbanRuralCode = urbanRural, OwnershipCode = ownership, KindergartenCategoryCode = category,
        })).Id;

    private sealed class Builder(RegistryDb db)
    {
        private int _people;

        public async Task ClassAsync(int school, string code, string grade, int active, int migrant = 0, int leftBehind = 0, int graduated = 0)
        {
            var @class = new SchoolClass { OrgUnitId = school, Code = code, Name = code + "班", GradeCode = grade, EntryYear = 2026 };
            db.Classes.Add(@class);
            await db.SaveChangesAsync();
            for (var i = 0; i < active + graduated; i++)
            {
                db.Students.Add(Student(school, @class.Id, i < active ? "01" : "04", migrant: i < migrant, leftBehind: i < leftBehind));
            }
            await db.SaveChangesAsync();
        }

        public async Task UnclassedAsync(int school, int count)
        {
            for (var i = 0; i < count; i++)
            {
                db.Students.Add(Student(school, null, "01", false, false));
            }
            await db.SaveChangesAsync();
        }

        public async Task StaffAsync(int school, int teachers, int others)
        {
            for (var i = 0; i < teachers + others; i++)
            {
                var n = ++_people;
                db.Staff.Add(new Staff
                {
                    OrgUnitId = school, StaffNumber = $"T{n:D6}", Name = $"教师{n}", GenderCode = "2",
                    PostCode = i < teachers ? "1" : "2", EmploymentTypeCode = "1",
                });
            }
            await db.SaveChangesAsync();
        }

        private Student Student(int school, long? classId, string status, bool migrant, bool leftBehind)
        {
            var n = ++_people;
            return new Student
            {
                OrgUnitId = school, ClassId = classId, StudentNumber = $"S{n:D8}", Name = $"学生{n}", GenderCode = n % 2 == 0 ? "2" : "1",
                BirthDate = new DateOnly(2018, 1, 1), StatusCode = status, IsMigrantChild = migrant, IsLeftBehind = leftBehind,
            };
        }
    }
}
