using Qedu.Kernel.OrgUnits;
using Qedu.PlanDocuments;
using Qedu.Plans.Domain;
using Qedu.Plans.Features.Plans;

namespace Qedu.Plans.Tests;

/// <summary>
/// The document keeps unit names as printed (less a role marker such as "（牵头）", which becomes the role); which of
/// the bureau's units a printed name stands for is decided at review, in the Plans module, where Qingdao's own names,
/// their aliases and the mappings people made are known. A plan printed in another city's style parses to its own
/// names; review maps them to Qingdao's units as before, so the bureau's own documents still need no hand mapping.
/// </summary>
public sealed class ReviewMappingTests
{
    private const int Bureau = 1;

    [Fact]
    public void A_plan_in_another_citys_style_keeps_its_names_as_printed_with_the_role_from_the_marker()
    {
        var plan = Plans.Document("other_city_style.txt");
        Assert.Equal<string>(["1", "2", "3"], plan.AllTasks().Select(t => t.Number));

        var first = plan.Task("1");
        Assert.Equal<string>(["教师工作处"], first.LeadUnits);           // not 人事处, and no "（牵头）" inside
        Assert.Equal<string>(["基础教育处"], first.ParticipatingUnits);  // not 基教处
        var second = plan.Task("2");
        Assert.Equal<string>(["基础教育处"], second.LeadUnits);
        Assert.Equal<string>(["发展规划处"], second.ParticipatingUnits);
        var third = plan.Task("3");
        Assert.Equal<string>(["财务处"], third.LeadUnits);
        Assert.Equal<string>(["教师工作处", "基础教育处"], third.ParticipatingUnits);
        Assert.DoesNotContain(plan.AllTasks().SelectMany(t => t.LeadUnits.Concat(t.ParticipatingUnits)), n => n.Contains('（') || n.Contains('('));
        // A name Qingdao's list does not know is kept and flagged for review.
        Assert.Equal<string>(["发展规划处"], plan.UnmatchedUnits);
    }

    [Fact]
    public void Review_maps_another_citys_printed_names_to_the_bureaus_units_and_keeps_what_was_printed()
    {
        var plan = Plans.Document("other_city_style.txt");
        var resolver = Qingdao();

        var first = Assign(resolver, plan.Task("1"));
        Assert.Equal<(string, string, UnitRole, bool)>([("教师工作处", "人事处", UnitRole.Lead, true), ("基础教育处", "基教处", UnitRole.Participating, true)],
            first.Select(u => (u.PrintedName, u.Name, u.Role, u.UnitId is not null)));
        var second = Assign(resolver, plan.Task("2"));
        Assert.Equal(("基础教育处", "基教处"), (second[0].PrintedName, second[0].Name));
        Assert.Equal(("发展规划处", false, (int?)null), (second[1].PrintedName, second[1].Matched, second[1].UnitId)); // left to the reviewer
        Assert.Equal("计财处", Assign(resolver, plan.Task("3"))[0].Name);

        // A mapping a reviewer made is remembered for the bureau's next import.
        var remembered = Qingdao([new UnitMapping { OrgUnitId = Bureau, PrintedKey = UnitMatcher.Key("发展规划处"), PrintedName = "发展规划处", Name = "法规处", UnitId = DepartmentId("法规处") }]);
        var mapped = Assign(remembered, plan.Task("2"))[1];
        Assert.Equal(("发展规划处", "法规处", true, DepartmentId("法规处")), (mapped.PrintedName, mapped.Name, mapped.Matched, mapped.UnitId));
    }

    /// <summary>Names the parser used to shorten now reach review as printed, and review gives the short forms as before.</summary>
    [Theory]
    [InlineData("paren_style.txt", "1", "装备信息中心", "教育装备与信息中心")]
    [InlineData("paren_style.txt", "2", "教育装备与信息中心", "教育装备与信息中心")]
    [InlineData("paren_style.txt", "3", "基教处", "基教处")]
    [InlineData("article_style.txt", "四", "人事处", "人事处")]
    public void Review_maps_the_printed_lead_to_the_bureaus_unit(string document, string number, string printed, string unit)
    {
        var task = Plans.Document(document).Task(number);
        Assert.Equal(printed, task.LeadUnits[0]);
        var lead = Assign(Qingdao(), task)[0];
        Assert.Equal((printed, unit, UnitRole.Lead), (lead.PrintedName, lead.Name, lead.Role));
        Assert.NotNull(lead.UnitId);
    }

    /// <summary>
    /// Seed 001, Qingdao's own plan, at review: every task's printed units map to the bureau's units the parser used to
    /// write (Seed001Tests.Tasks: 家庭教育处（筹） → 家庭教育处), with their roles.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seed001Tests.Tasks), MemberType = typeof(Seed001Tests))]
    public void Review_maps_seed_001s_units_to_the_bureaus_departments(
        string number, string[] lead, string[] participating, string? deadline, string? date, int[] milestoneYears, string targets)
    {
        _ = (deadline, date, milestoneYears, targets);
        var units = Assign(Qingdao(), Plans.Seed(Plans.Seed001).Task(number));
        Assert.Equal(lead, units.Where(u => u.Role == UnitRole.Lead).Select(u => u.Name));
        Assert.Equal(participating, units.Where(u => u.Role == UnitRole.Participating).Select(u => u.Name));
    }

    /// <summary>A mapping remembered for the bureau maps a name the built-in list does not know ("教师发展中心" → 教科院).</summary>
    [Fact]
    public void Review_applies_the_bureaus_remembered_mappings_to_printed_names()
    {
        var plan = Plans.Document("article_style.txt");
        Assert.Equal<string>(["教师发展中心"], plan.Task("四").ParticipatingUnits);
        Assert.Contains("教师发展中心", plan.UnmatchedUnits);
        var resolver = Qingdao([new UnitMapping { OrgUnitId = Bureau, PrintedKey = UnitMatcher.Key("教师发展中心"), PrintedName = "教师发展中心", Name = "教科院", UnitId = DepartmentId("教科院") }]);
        var participating = Assign(resolver, plan.Task("四")).Single(u => u.Role == UnitRole.Participating);
        Assert.Equal(("教师发展中心", "教科院", DepartmentId("教科院"), true), (participating.PrintedName, participating.Name, participating.UnitId, participating.Matched));
    }

    /// <summary>Seed 001, Qingdao's own plan: review maps every printed unit of every task to a unit of the bureau, no hand mapping.</summary>
    [Fact]
    public void Review_maps_every_unit_of_the_bureaus_own_plan_automatically()
    {
        var resolver = Qingdao();
        foreach (var task in Plans.Seed(Plans.Seed001).AllTasks())
        {
            var units = Assign(resolver, task);
            Assert.NotEmpty(units);
            Assert.All(units, u => Assert.True(u.Matched && u.UnitId is not null, $"task {task.Number}: {u.PrintedName} is not mapped"));
        }
    }

    private static List<TaskUnit> Assign(PlanUnits.Resolver resolver, PlanDocuments.PlanTask task) =>
        resolver.Assign(Bureau, task.LeadUnits.Select(u => (u, UnitRole.Lead)).Concat(task.ParticipatingUnits.Select(u => (u, UnitRole.Participating))));

    /// <summary>The units of Qingdao's bureau a task can be assigned to: the bureau, its departments and its districts, as the demo org tree names them.</summary>
    private static PlanUnits.Resolver Qingdao(IReadOnlyList<UnitMapping>? mappings = null)
    {
        List<AssignableUnit> assignable = [new(Bureau, "370200", "青岛市教育局", OrgUnitKind.City)];
        assignable.AddRange(KnownUnits.Default.Where(u => u.Kind == UnitKind.Department).Select(u => new AssignableUnit(DepartmentId(u.Name), u.Name, u.Name, OrgUnitKind.Department)));
        assignable.AddRange(KnownUnits.Default.Where(u => u.Kind == UnitKind.District && !u.IsGroup).Select((u, i) => new AssignableUnit(1000 + i, u.Name, u.Name, OrgUnitKind.District)));
        return new PlanUnits.Resolver(assignable, mappings ?? []);
    }

    private static int DepartmentId(string name) =>
        100 + KnownUnits.Default.Where(u => u.Kind == UnitKind.Department).Select(u => u.Name).ToList().IndexOf(name);
}
