using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;

namespace Qedu.Web.Tests.Infrastructure;

/// <summary>
/// One role as the tests exercise it: the account that holds it, the unit its grant covers, and for each kind of route
/// parameter a value inside that scope and one just outside it (a sibling of the scope, so "outside" is as close as it
/// gets).
/// </summary>
public sealed record RoleUnderTest(
    RoleDefinition Role,
    string UserName,
    string ScopeCode,
    string OutUnit,
    string InSchool,
    string OutSchool,
    Guid InAccount,
    Guid OutAccount)
{
    public bool Has(string permission) => Role.Permissions.Contains(permission);

    public bool OwnClassesOnly => Role.OwnClassesOnly;

    public override string ToString() => $"{Role.Name} ({UserName} @ {ScopeCode})";
}

/// <summary>The demo city as the tests see it, with the few additions they make on start.</summary>
public sealed class TestWorld
{
    public const string City = DemoCityGenerator.CityCode;
    public const string Shinan = "370202";
    public const string Shibei = "370203";
    public const string AnchorSchool = DemoCityGenerator.AnchorSchoolCode;

    /// <summary>A second city under the province: outside the scope of every demo account, even city-wide ones.</summary>
    public const string OtherCity = "370100";
    public const string OtherCitySchool = "2137990001";

    public const string ParentUser = "test.parent";

    private TestWorld(IReadOnlyList<RoleUnderTest> roles, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, long> students)
    {
        Roles = roles;
        Names = names;
        _students = students;
    }

    private readonly IReadOnlyDictionary<string, long> _students;

    /// <summary>The id of a student at the school with this code (every school the matrix uses has one).</summary>
    public long StudentAt(string schoolCode) =>
        _students.TryGetValue(schoolCode, out var id) ? id : throw new InvalidOperationException($"No student at {schoolCode}.");

    /// <summary>One entry per role of the catalogue, in catalogue order.</summary>
    public IReadOnlyList<RoleUnderTest> Roles { get; }

    /// <summary>Every org unit's name by code and every probe account's user name by id, to check that a refusal leaks neither.</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    public RoleUnderTest Role(string name) => Roles.Single(r => r.Role.Name == name);

    internal static async Task<TestWorld> BuildAsync(WebApp app)
    {
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<KernelDb>();
            var tree = sp.GetRequiredService<OrgTree>();
            var province = await db.OrgUnits.SingleAsync(o => o.Code == DemoCityGenerator.ProvinceCode);
            var city = await tree.AddAsync(new OrgUnit
            {
                Code = OtherCity, Name = "济南市教育局", NameEn = "Jinan Municipal Education Bureau", Kind = OrgUnitKind.City,
                ParentId = province.Id, DivisionCode = OtherCity, SortOrder = 1,
            });
            var otherSchool = await tree.AddAsync(new OrgUnit
            {
                Code = OtherCitySchool, Name = "济南市测试小学", NameEn = "Jinan Test Primary School", Kind = OrgUnitKind.School,
                ParentId = city.Id, DivisionCode = OtherCity, SchoolTypeCode = "211", OwnershipCode = "21", UrbanRuralCode = "111",
            });
            // One pupil, so registry routes have something out of scope even for city-wide roles.
            await sp.GetRequiredService<RegistryBulkWriter>().InsertAsync([new Student
            {
                OrgUnitId = otherSchool.Id, StudentNumber = "G370102201903070011", Name = "测试学生", GenderCode = "1",
                ResidentId = "370102201903070011", BirthDate = new DateOnly(2019, 3, 7), StatusCode = "01",
            }]);
            return true;
        });
        await app.CreateAccountAsync(ParentUser, Kernel.Access.Roles.Parent, AnchorSchool);

        var accounts = DemoAccounts.Users.Select(a => (a.Role, a.UserName, a.ScopeCode)).ToList();
        accounts.Add((Kernel.Access.Roles.Parent, ParentUser, AnchorSchool));

        var teacher = await app.KernelAsync(db => db.Users.Where(u => u.UserName == "teacher").Select(u => u.Id).SingleAsync());
        var probes = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var roles = new List<RoleUnderTest>();
        foreach (var definition in Kernel.Access.Roles.All)
        {
            var (_, userName, scopeCode) = accounts.FirstOrDefault(a => a.Role == definition.Name);
            if (userName is null)
            {
                throw new InvalidOperationException($"No account for the role {definition.Name}: add one to TestWorld.");
            }
            var (outUnit, outKind, outSchool) = await app.KernelAsync(db => OutsideAsync(db, scopeCode));
            if (!probes.TryGetValue(outUnit, out var probe))
            {
                // An account at home just outside the scope, for the account pages' out-of-scope case.
                var probeRole = outKind == OrgUnitKind.School ? Kernel.Access.Roles.Parent : Kernel.Access.Roles.DepartmentStaff;
                probes[outUnit] = probe = await app.CreateAccountAsync(ProbeUserName(outUnit), probeRole, outUnit);
            }
            roles.Add(new RoleUnderTest(definition, userName, scopeCode, outUnit, AnchorSchool, outSchool, teacher, probe));
        }
        var names = await app.KernelAsync(db => db.OrgUnits.ToDictionaryAsync(o => o.Code, o => o.Name, StringComparer.Ordinal));
        foreach (var (unit, id) in probes)
        {
            names[id.ToString()] = ProbeUserName(unit);
        }
        var students = await app.AsSystemAsync(async sp => await sp.GetRequiredService<RegistryDb>().Students
            .GroupBy(s => s.OrgUnitId).Select(g => new { Org = g.Key, Id = g.Min(s => s.Id) }).ToListAsync());
        var codes = await app.KernelAsync(db => db.OrgUnits.ToDictionaryAsync(o => o.Id, o => o.Code));
        return new TestWorld(roles, names, students.ToDictionary(s => codes[s.Org], s => s.Id, StringComparer.Ordinal));
    }

    public static string ProbeUserName(string homeCode) => $"probe.{homeCode.ToLowerInvariant()}";

    /// <summary>A sibling of the scope unit of the same kind, and a school inside that sibling (or the sibling itself).</summary>
    private static async Task<(string Unit, OrgUnitKind Kind, string School)> OutsideAsync(KernelDb db, string scopeCode)
    {
        var scope = await db.OrgUnits.SingleAsync(o => o.Code == scopeCode);
        var sibling = await db.OrgUnits
            .Where(o => o.ParentId == scope.ParentId && o.Kind == scope.Kind && o.Id != scope.Id)
            .OrderBy(o => o.Code)
            .FirstAsync();
        var school = sibling.Kind == OrgUnitKind.School
            ? sibling.Code
            : await (from c in db.OrgClosure
                     join o in db.OrgUnits on c.DescendantId equals o.Id
                     where c.AncestorId == sibling.Id && o.Kind == OrgUnitKind.School
                     orderby o.Code
                     select o.Code).FirstAsync();
        return (sibling.Code, sibling.Kind, school);
    }
}
