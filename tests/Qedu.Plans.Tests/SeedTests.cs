using Qedu.PlanDocuments;

namespace Qedu.Plans.Tests;

/// <summary>Seeds 002–004: counts, headers, and spot checks of units, milestones and targets, read from the documents.</summary>
public sealed class SeedTests
{
    [Fact]
    public void Seed002_work_plan_has_27_items_in_6_sections_and_its_header()
    {
        var plan = Plans.Seed(Plans.Seed002);
        Assert.Equal("青岛市教育局(市委高校工委)2018年工作要点", plan.Title);
        Assert.Equal<string>(["中共青岛市教育局委员会", "青岛市教育局", "市委高校工委"], plan.Issuer);
        Assert.Equal("青教发〔2018〕8号", plan.DocumentNumber);
        Assert.Equal("2018-02-07", plan.Date); // the date printed under the signature, not the site's 成文日期 2018-02-09
        Assert.Equal(6, plan.Sections.Count);
        Assert.Equal<int>([3, 6, 3, 6, 4, 5], plan.Sections.Select(s => s.Tasks.Count));
        Assert.Equal(Enumerable.Range(1, 27).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), plan.AllTasks().Select(t => t.Number));
        Assert.All(plan.AllTasks(), t => Assert.Empty(t.LeadUnits)); // this plan assigns no units
    }

    [Fact]
    public void Seed002_items_keep_their_second_paragraph_and_not_the_site_footer()
    {
        var plan = Plans.Seed(Plans.Seed002);
        Assert.Contains("推动学校依法办学", plan.Task("6").Text, StringComparison.Ordinal);
        Assert.Contains("改进加强教育装备工作", plan.Task("26").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("如果您对该文件有疑问", plan.Task("27").Text, StringComparison.Ordinal);
        Assert.Equal("建设平安和谐校园", plan.Task("27").Title);
    }

    [Theory]
    [InlineData("11", "1000门")]
    [InlineData("12", "")] // 第14届, 第9届 … are ordinals
    [InlineData("13", "60所; >=90%")]
    [InlineData("14", "30所; 100所")]
    [InlineData("17", ">=100%")] // 教育资助全覆盖
    [InlineData("18", "10个")]
    [InlineData("24", "100个; >=200门")]
    public void Seed002_targets(string number, string targets) =>
        Assert.Equal(targets, Plans.Compact(Plans.Seed(Plans.Seed002).Task(number).Targets));

    [Fact]
    public void Seed002_has_nine_targets_in_all() =>
        Assert.Equal(9, Plans.Seed(Plans.Seed002).AllTasks().Sum(t => t.Targets.Count));

    [Fact]
    public void Seed003_district_plan_has_32_items_under_three_parts_with_sub_parts()
    {
        var plan = Plans.Seed(Plans.Seed003);
        Assert.Equal("2021年青岛西海岸新区教育体育工作要点", plan.Title);
        Assert.Equal<string>(["中共青岛市黄岛区教育工作委员会", "青岛西海岸新区教育和体育局"], plan.Issuer);
        Assert.Equal("青黄教工委〔2021〕1号", plan.DocumentNumber);
        Assert.Equal("2021-02-20", plan.Date);
        Assert.Equal(32, plan.AllTasks().Count());
        Assert.Equal<string>(["一", "二", "三"], plan.Sections.Select(s => s.Number));
        Assert.All(plan.Sections, s => Assert.Empty(s.Tasks));
        Assert.Equal<int>([4, 3, 4, 3, 5, 3, 6, 4], plan.Sections.SelectMany(s => s.Sections).Select(s => s.Tasks.Count));
        Assert.Equal("强化党建统领", plan.Sections[0].Sections[0].Title);
        Assert.Equal("推动普通高中优质多元发展", plan.Task("17").Title); // "[bookmark: _GoBack]17." is task 17
    }

    [Theory]
    [InlineData("9", "300名")]
    [InlineData("12", "")] // "关注学业成绩后30%学生" is a slice of students, not a target
    [InlineData("15", "12所; 16所; >=50%")]
    [InlineData("16", "11所; 7所")]
    [InlineData("18", "")] // "全覆盖的联盟化办园模式" describes a model
    [InlineData("27", ">=100%")] // 全部达到市级标准
    [InlineData("28", "25处; 100处; 1000例")]
    [InlineData("31", ">=100%")] // 实现“三支队伍”全覆盖
    public void Seed003_targets(string number, string targets) =>
        Assert.Equal(targets, Plans.Compact(Plans.Seed(Plans.Seed003).Task(number).Targets));

    [Fact]
    public void Seed003_has_eleven_targets_and_no_units() =>
        Assert.Equal((11, 0), (Plans.Seed(Plans.Seed003).AllTasks().Sum(t => t.Targets.Count), Plans.Seed(Plans.Seed003).AllTasks().Sum(t => t.LeadUnits.Count)));

    [Fact]
    public void Seed004_action_plan_has_14_tasks_and_its_principles_are_not_tasks()
    {
        var plan = Plans.Seed(Plans.Seed004);
        Assert.Equal("青岛市“互联网+教育”行动计划(2016-2018年)", plan.Title);
        Assert.Equal<string>(["青岛市人民政府办公厅"], plan.Issuer);
        Assert.Equal("青政办发〔2015〕22号", plan.DocumentNumber);
        Assert.Equal("2015-10-27", plan.Date);
        Assert.Equal<string>(["总体要求", "重点工作", "重点项目", "保障措施"], plan.Sections.Select(s => s.Title));
        Assert.Equal<int>([0, 5, 5, 4], plan.Sections.Select(s => s.Tasks.Count));
        Assert.Equal<string>(["一", "二", "三", "四", "五"], plan.Sections[1].Tasks.Select(t => t.Number));
        Assert.Empty(plan.UnmatchedUnits);
    }

    [Fact]
    public void Seed004_units_in_brackets_split_into_lead_and_participating()
    {
        var plan = Plans.Seed(Plans.Seed004);
        var first = plan.Sections[1].Tasks[0];
        Assert.Equal<string>(["市教育局", "各区市政府"], first.LeadUnits);
        Assert.Equal<string>(["市财政局"], first.ParticipatingUnits);
        var fifth = plan.Sections[1].Tasks[4];
        Assert.Equal<string>(["市教育局", "市商务局"], fifth.LeadUnits);
        Assert.Equal<string>(["市经济信息化委", "市财政局", "各区市政府"], fifth.ParticipatingUnits);
        var policy = plan.Sections[3].Tasks[1];
        Assert.Equal<string>(["市发展改革委", "市财政局", "市科技局", "市知识产权局", "各区市政府"], policy.ParticipatingUnits);
        // "市教育局牵头,会同…" in the text when there is no bracket: the lead is found, the 会同 list is not.
        Assert.Equal<string>(["市教育局"], plan.Sections[3].Tasks[0].LeadUnits);
        Assert.All(plan.AllTasks(), t => Assert.NotEmpty(t.LeadUnits));
    }

    [Fact]
    public void Seed004_yearly_milestones_and_targets_of_the_infrastructure_project()
    {
        var project = Plans.Seed(Plans.Seed004).Sections[2].Tasks[0];
        Assert.Equal<int>([2016, 2017, 2017, 2018], project.Milestones.Select(m => m.Year));
        Assert.Equal("2016年,建成教育城域网核心交换枢纽机房,主干网络带宽达到40G", project.Milestones[0].Text);
        Assert.Equal(">=40G@2016; >=100G@2017; 40G@2017; 10G@2017; >=20G@2017; >=100%@2017; >=100%@2018; 85%@2018", Plans.Compact(project.Targets));
    }

    [Fact]
    public void Seed004_counts_of_milestones_and_targets()
    {
        var plan = Plans.Seed(Plans.Seed004);
        Assert.Equal<int>([4, 7, 2, 3, 3], plan.Sections[2].Tasks.Select(t => t.Milestones.Count));
        Assert.Equal(19, plan.AllTasks().Sum(t => t.Milestones.Count));
        Assert.Equal(20, plan.AllTasks().Sum(t => t.Targets.Count));
        Assert.Equal(">=60%@2018", Plans.Compact(plan.Sections[2].Tasks[3].Targets.Where(t => t.Value == 60)));
        Assert.Equal("100个@2018; 100所@2018; 100所@2018", Plans.Compact(plan.Sections[2].Tasks[4].Targets));
        Assert.Equal(">=10%", Plans.Compact(plan.Sections[3].Tasks[2].Targets));
    }
}
