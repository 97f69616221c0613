using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Indicators.Computation;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Web.Tests.Growth;
using Qedu.Web.Tests.Infrastructure;
using static Qedu.Web.Tests.Infrastructure.Http;

namespace Qedu.Web.Tests.Family;

/// <summary>
/// Parent committees (家长委员会): a new school forms its committee and a class's for the school year, keeps members (one
/// chair; numbers unmasked only for those who keep them) and minutes; its district sees which schools have formed theirs;
/// the parents of the class see the members by name and office, without numbers, and the minutes; refusals name the
/// fields; a teacher reads but does not keep them; another school sees nothing.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ParentCommitteeTests(WebApp app)
{
    /// <summary>The district the new schools are made in (市北).</summary>
    private const string District = "370203";

    private static DateOnly Today => CityDate.Today(TimeProvider.System);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The first day a committee of this school year may be formed on.</summary>
    private static DateOnly YearStarts => CityDate.SchoolYearStarts(CityDate.SchoolYearOf(Today));

    /// <summary>A new primary school of the district with one class (the demo's schools already have their committees): its code and the class's name.</summary>
    private Task<(string School, string ClassName)> NewSchoolAsync() => app.AsSystemAsync(async sp =>
    {
        var tree = sp.GetRequiredService<OrgTree>();
        var district = (await tree.FindAsync(District))!;
        var code = "2139" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var school = await tree.AddAsync(new OrgUnit
        {
            Code = code, Name = $"家委会测试小学{code[^4..]}", Kind = OrgUnitKind.School, ParentId = district.Id, DivisionCode = District, SchoolTypeCode = "211",
            OwnershipCode = "21", UrbanRuralCode = "111",
        });
        var registry = sp.GetRequiredService<RegistryDb>();
        var name = "三年级" + code[^2..] + "班";
        registry.Classes.Add(new SchoolClass { OrgUnitId = school.Id, Code = "C" + code, Name = name, GradeCode = "P3", EntryYear = 2024 });
        await registry.SaveChangesAsync();
        return (code, name);
    });

    private static async Task<long> CreatedAsync(HttpResponseMessage response) => (await OkJsonAsync(response)).GetProperty("id").GetInt64();

    [Fact]
    public async Task A_school_forms_its_committees_keeps_members_and_minutes_and_its_parents_see_them_without_numbers()
    {
        var (school, className) = await NewSchoolAsync();
        // A pupil in the class (a class counts once it has pupils), whose guardian reads the committees below.
        var phone = Parents.NewPhone();
        await GuardedChildren.NewAsync(app, school, phone, "家委会学生");
        var admin = await app.ClientAsync(await app.NewAccountAsync("committee.admin", Roles.SchoolAdmin, school));
        var district = await app.ClientAsync(await app.NewAccountAsync("committee.district", Roles.DepartmentStaff, District));
        var line = (await OkJsonAsync(await district.GetAsync("/api/family/committees"))).GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("code").GetString() == school);
        Assert.Equal((false, 0, 1), (line.GetProperty("schoolCommittee").GetBoolean(), line.GetProperty("classCommittees").GetInt32(), line.GetProperty("classes").GetInt32()));

        var formedOn = Day(YearStarts > Today.AddDays(-7) ? YearStarts : Today.AddDays(-7));
        var schoolCommittee = await CreatedAsync(await admin.PostAsJsonAsync($"/api/family/committees/?school={school}", new { formedOn }));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/family/committees/?school={school}", new { formedOn })).StatusCode);
        using (var noClass = await admin.PostAsJsonAsync($"/api/family/committees/?school={school}", new { className = "没有的班", formedOn = Day(Today.AddDays(1)) }))
        {
            Assert.Equal(["className", "formedOn"], (await noClass.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        var classCommittee = await CreatedAsync(await admin.PostAsJsonAsync($"/api/family/committees/?school={school}", new { className, formedOn }));

        var chair = await CreatedAsync(await admin.PostAsJsonAsync($"/api/family/committees/{schoolCommittee}/members", new { name = "王主任", phone = "13912345678", role = "Chair", duty = "全面工作" }));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/family/committees/{schoolCommittee}/members", new { name = "李某", phone = "13912345679", role = "Chair" })).StatusCode);
        using (var bad = await admin.PostAsJsonAsync($"/api/family/committees/{schoolCommittee}/members", new { name = "", phone = "123", role = "Boss" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        using (var bad = await admin.PostAsJsonAsync($"/api/family/committees/{schoolCommittee}/members", new { name = "", phone = "123" }))
        {
            Assert.Equal(["name", "phone", "role"], (await bad.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal));
        }
        await CreatedAsync(await admin.PostAsJsonAsync($"/api/family/committees/{schoolCommittee}/members", new { name = "李委员", phone = "13912345679", role = "Member", duty = "膳食监督" }));
        await CreatedAsync(await admin.PostAsJsonAsync($"/api/family/committees/{classCommittee}/members", new { name = "赵家长", phone = "13912345670", role = "Chair" }));
        using (var early = await admin.PostAsJsonAsync($"/api/family/committees/{schoolCommittee}/meetings", new { heldOn = Day(YearStarts.AddDays(-1)), present = 2, topics = "x", decisions = "y" }))
        {
            Assert.Equal(["heldOn"], (await early.ProblemAsync()).Errors.Keys);
        }
        await CreatedAsync(await admin.PostAsJsonAsync($"/api/family/committees/{schoolCommittee}/meetings", new { heldOn = Day(Today), present = 2, topics = "午餐供应", decisions = "每月陪餐一次" }));

        // The school's administrator keeps them: the numbers whole.
        var mine = await OkJsonAsync(await admin.GetAsync($"/api/family/committees?school={school}"));
        var own = mine.GetProperty("committees").EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == schoolCommittee);
        Assert.Equal(["13912345678", "13912345679"], own.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("phone").GetString()));
        Assert.Equal("每月陪餐一次", own.GetProperty("meetings").EnumerateArray().Single().GetProperty("decisions").GetString());
        Assert.Empty(mine.GetProperty("classesWithout").EnumerateArray());

        var keeperPage = await (await admin.GetAsync($"/family/committees?school={school}")).Content.ReadAsStringAsync();
        Assert.Contains("13912345678", keeperPage, StringComparison.Ordinal);
        Assert.Contains("每月陪餐一次", keeperPage, StringComparison.Ordinal);

        // The district reads them masked, and the school's line is counted.
        var read = await OkJsonAsync(await district.GetAsync($"/api/family/committees?school={school}"));
        Assert.All(read.GetProperty("committees").EnumerateArray().SelectMany(c => c.GetProperty("members").EnumerateArray()),
            m => Assert.Contains("****", m.GetProperty("phone").GetString(), StringComparison.Ordinal));
        Assert.False(read.GetProperty("mayManage").GetBoolean());
        line = (await OkJsonAsync(await district.GetAsync("/api/family/committees"))).GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("code").GetString() == school);
        Assert.Equal((true, 1, 1, 1), (line.GetProperty("schoolCommittee").GetBoolean(), line.GetProperty("classCommittees").GetInt32(),
            line.GetProperty("classes").GetInt32(), line.GetProperty("meetings").GetInt32()));

        // A parent of the class sees both committees by name and office, no numbers, and the minutes.
        var parent = (await Parents.SignInAsync(app, phone)).Client;
        var child = (await OkJsonAsync(await parent.GetAsync("/api/parent/committees"))).EnumerateArray().Single();
        var committees = child.GetProperty("committees").EnumerateArray().ToList();
        Assert.Equal(["", className], committees.Select(c => c.GetProperty("className").GetString()));
        Assert.Equal(["王主任", "李委员"], committees[0].GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.All(committees.SelectMany(c => c.GetProperty("members").EnumerateArray()), m => Assert.Equal("", m.GetProperty("phone").GetString()));
        Assert.Equal("午餐供应", committees[0].GetProperty("meetings").EnumerateArray().Single().GetProperty("topics").GetString());
        var page = await (await parent.GetAsync("/parent/committees")).Content.ReadAsStringAsync();
        Assert.Contains("王主任", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", page, StringComparison.Ordinal);

        // The chair stands down: off the lists, a new chair may be named.
        await OkJsonAsync(await admin.PostAsync($"/api/family/committees/{schoolCommittee}/members/{chair}/stand-down", null));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/family/committees/{schoolCommittee}/members/{chair}/stand-down", null)).StatusCode);
        await CreatedAsync(await admin.PostAsJsonAsync($"/api/family/committees/{schoolCommittee}/members", new { name = "孙主任", phone = "13912345671", role = "Chair" }));
        var members = (await OkJsonAsync(await parent.GetAsync("/api/parent/committees"))).EnumerateArray().Single().GetProperty("committees")[0]
            .GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Equal(["孙主任", "李委员"], members);
    }

    [Fact]
    public async Task A_teacher_reads_but_does_not_keep_committees_and_another_school_sees_nothing()
    {
        var (school, _) = await NewSchoolAsync();
        var (other, _) = await NewSchoolAsync();
        var admin = await app.ClientAsync(await app.NewAccountAsync("committee.keep", Roles.SchoolAdmin, school));
        var committee = await CreatedAsync(await admin.PostAsJsonAsync($"/api/family/committees/?school={school}", new { formedOn = Day(Today) }));

        var teacher = await app.ClientAsync(await app.NewAccountAsync("committee.teacher", Roles.Teacher, school));
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"/api/family/committees?school={school}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync($"/api/family/committees/{committee}/members", new { name = "x", phone = "13912345678", role = "Member" })).StatusCode);

        var neighbour = await app.ClientAsync(await app.NewAccountAsync("committee.neighbour", Roles.SchoolAdmin, other));
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/family/committees?school={school}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/family/committees/{committee}/members", new { name = "x", phone = "13912345678", role = "Member" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/family/committees/{committee}/meetings", new { heldOn = Day(Today), present = 1, topics = "x", decisions = "y" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsJsonAsync($"/api/family/committees/?school={school}", new { formedOn = Day(Today) })).StatusCode);
    }

    [Fact]
    public async Task A_formed_committee_counts_in_the_districts_indicator_as_the_overview_shows_it()
    {
        var (school, _) = await NewSchoolAsync();
        var period = CityDate.SchoolYearOf(Today).ToString(CultureInfo.InvariantCulture);
        Task<(decimal Formed, decimal Schools)> DistrictAsync() => app.AsSystemAsync(async sp =>
        {
            var id = (await sp.GetRequiredService<OrgTree>().FindAsync(District))!.Id;
            var value = (await sp.GetRequiredService<IndicatorComputation>().ComputeAsync(period, store: false, default)).Values
                .Single(v => v.OrgUnitId == id && v.IndicatorCode == "parent-committee-coverage");
            return (value.Numerator, value.Denominator!.Value);
        });
        var before = await DistrictAsync();
        var admin = await app.ClientAsync(await app.NewAccountAsync("committee.fact", Roles.SchoolAdmin, school));
        await CreatedAsync(await admin.PostAsJsonAsync($"/api/family/committees/?school={school}", new { formedOn = Day(Today) }));
        var after = await DistrictAsync();
        Assert.Equal((before.Formed + 1, before.Schools), after);

        var reader = await app.ClientAsync(await app.NewAccountAsync("committee.fact.district", Roles.DepartmentStaff, District));
        var schools = (await OkJsonAsync(await reader.GetAsync("/api/family/committees"))).GetProperty("schools").EnumerateArray().ToList();
        Assert.Equal((schools.Count(s => s.GetProperty("schoolCommittee").GetBoolean()), schools.Count), ((int)after.Formed, (int)after.Schools));
    }
}
