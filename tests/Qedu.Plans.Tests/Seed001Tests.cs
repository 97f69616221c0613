using Qedu.PlanDocuments;

namespace Qedu.Plans.Tests;

/// <summary>
/// Seed 001 (十大行动计划): 34 tasks in 附件1 under ten sections (one printed "2、"), each with its 责任处室; the
/// 附件2 task table merged into them (policies, measures, expected effects, deadline; the row "1、2" fills both
/// tasks, "30、31" both, the two rows numbered 15 both go to task 15). Expectations written from reading the document.
/// </summary>
public sealed class Seed001Tests
{
    private static readonly PlanDocument Plan = Plans.Seed(Plans.Seed001);

    // number, lead, participating, deadline as printed, deadline date, milestone years, targets (see Plans.Compact).
    // Units as review maps them to the bureau's units; the document keeps them as printed (家庭教育处（筹）), see Printed.
    public static TheoryData<string, string[], string[], string?, string?, int[], string> Tasks => new()
    {
        { "1", ["基教处"], ["法规处"], "2022年12月", "2022-12", [], "" },
        { "2", ["基教处"], ["法规处"], "2022年12月", "2022-12", [], "" },
        { "3", ["教育装备与信息中心"], ["教科院"], "2022年", "2022-12", [2020, 2022], ">=98%@2020; 70所@2020" },
        { "4", ["教科院"], ["基教处", "教育装备与信息中心"], "2019年11月", "2019-11", [], "100个" },
        { "5", ["教科院"], ["基教处", "教育装备与信息中心", "招考办"], "长期", null, [], "" },
        { "6", ["法规处"], ["组织处", "办公室", "行政审批与执法处", "人事处"], "长期", null, [], "" },
        { "7", ["体卫艺处"], ["思政处", "基教处"], "长期", null, [], "" },
        { "8", ["行政审批与执法处"], ["基教处", "招考办"], "2019年11月", "2019-11", [2020], ">=100%; >=100%; >=100%@2020" },
        { "9", ["国际处"], ["基教处", "职教处", "计财处", "人事处", "组织处", "教科院"], "2022年12月", "2022-12", [2022], ">=50个@2022; >=1万人次@2022; >=500所@2022" },
        { "10", ["督导室"], ["基教处", "教科院"], "长期", null, [], "" },
        { "11", ["督导室"], ["基教处", "组织处"], "长期", null, [], "" },
        { "12", ["人事处"], [], "长期", null, [], "" },
        { "13", ["基教处"], ["招考办"], "2019年", "2019-12", [2020], "" },
        { "14", ["基教处"], ["思政处", "教科院"], "长期", null, [2022], "1所@2022" },
        { "15", ["思政处"], ["基教处", "职教处", "教科院"], "长期", null, [2022], "500处@2022" },
        { "16", ["思政处"], ["体卫艺处", "教科院", "基教处"], "长期", null, [], "1课时" },
        { "17", ["思政处"], ["基教处", "教科院"], "长期", null, [], "" },
        { "18", ["基教处"], ["教科院"], "长期", null, [], "" },
        { "19", ["基教处"], ["行政审批与执法处", "家庭教育处"], "长期", null, [], "" },
        { "20", ["人事处"], [], "长期", null, [], "" },
        { "21", ["基教处"], ["人事处", "计财处"], "长期", null, [], "" },
        { "22", ["基教处"], ["行政审批与执法处", "督导室", "人事处", "计财处", "教科院", "基建办"], "2022年", "2022-12", [2022], ">=99%@2022; >=80%@2022; >=50%@2022" },
        { "23", ["基建办"], ["基教处", "人事处"], "长期", null, [2020], "" },
        { "24", ["基教处"], [], "2019年", "2019-12", [2020], "" },
        { "25", ["基教处"], ["家庭教育处", "思政处", "安保处", "体卫艺处"], "长期", null, [], ">=100%" },
        { "26", ["计财处"], ["基教处", "职教处"], "2022年", "2022-12", [2022], ">=3000万元@2022" },
        { "27", ["教育装备与信息中心"], ["基教处", "计财处"], "2020年", "2020-12", [2020], ">=100%; >=100%@2020" },
        { "28", ["人事处"], ["组织处"], "长期", null, [], ">=1个百分点" },
        { "29", ["基教处"], ["基建办"], "长期", null, [], "" },
        { "30", ["基教处"], ["职教处"], "2019年", "2019-12", [2025, 2020], ">=99%@2020" },
        { "31", ["基教处"], ["基建办", "教科院"], "2019年", "2019-12", [2020, 2025], ">=2个@2020; >=99%@2020" },
        { "32", ["基教处"], [], "2022年底", "2022-12", [2022], "20所@2022; 10所@2022" },
        { "33", ["基教处"], ["职教处", "教科院", "人事处"], "2018年底完成方案", "2018-12", [2019, 2020], "" },
        { "34", ["家庭教育处"], ["教科院"], "长期（2019年12月完成初步工作）", null, [], "" },    };

    [Fact]
    public void Header_is_read_from_the_title_lines()
    {
        Assert.Equal("青岛市教育局实施“十大行动计划”主要任务及处室分工", Plan.Title);
        Assert.Equal(["青岛市教育局"], Plan.Issuer);
        Assert.Null(Plan.DocumentNumber);
        Assert.Null(Plan.Date);
    }

    [Fact]
    public void It_has_34_tasks_numbered_1_to_34_in_ten_sections()
    {
        var tasks = Plan.AllTasks().ToList();
        Assert.Equal(34, tasks.Count);
        Assert.Equal(Enumerable.Range(1, 34).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), tasks.Select(t => t.Number));
        Assert.Equal(["一", "2", "三", "四", "五", "六", "七", "八", "九", "十"], Plan.Sections.Select(s => s.Number));
        Assert.Equal([2, 7, 4, 2, 3, 3, 4, 4, 4, 1], Plan.Sections.Select(s => s.Tasks.Count));
        Assert.Equal("加快基础教育现代化建设", Plan.Sections[1].Title);
    }

    [Fact]
    public void Every_unit_matches_a_department()
    {
        Assert.Empty(Plan.UnmatchedUnits);
        Assert.All(Plan.AllTasks(), t => Assert.NotEmpty(t.LeadUnits));
    }

    /// <summary>The names as the document prints them, where they differ from the bureau's unit they are mapped to at review.</summary>
    public static string Printed(string unit) => unit == "家庭教育处" ? "家庭教育处（筹）" : unit;

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Task_has_its_units_deadline_milestones_and_targets(
        string number, string[] lead, string[] participating, string? deadline, string? date, int[] milestoneYears, string targets)
    {
        var task = Plan.Task(number);
        Assert.Equal(lead.Select(Printed), task.LeadUnits);
        Assert.Equal(participating.Select(Printed), task.ParticipatingUnits);
        Assert.Equal(deadline, task.Deadline?.Text);
        Assert.Equal(date, task.Deadline?.Date);
        Assert.Equal(milestoneYears, task.Milestones.Select(m => m.Year));
        Assert.Equal(targets, Plans.Compact(task.Targets));
    }

    [Fact]
    public void Task_text_keeps_every_paragraph_and_the_title_is_the_lead_phrase()
    {
        var task = Plan.Task("3");
        Assert.StartsWith("实施《青岛市教育信息化2.0行动计划》", task.Text, StringComparison.Ordinal);
        Assert.EndsWith("（责任处室：教育装备与信息中心、教科院）", task.Text, StringComparison.Ordinal);
        Assert.Equal("积极推进基础教育课程和教育内容现代化", Plan.Task("4").Title);
        Assert.Equal("构建“四位一体”高中阶段办学模式", Plan.Task("30").Title); // no 。 before the unit bracket
        Assert.DoesNotContain("附件2", Plan.Task("34").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("任务清单", Plan.Task("34").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_carries_its_clause_and_year()
    {
        var target = Plan.Task("3").Targets[0];
        Assert.Equal(new Target("中小学校在线学习及移动办公校园网络基础建设达标率达到98%", 98, "%", ">=", 2020), target);
        Assert.Equal(new Target("市本级每年统筹安排乡村教育资金不低于3000万元", 3000, "万元", ">=", 2022), Plan.Task("26").Targets.Single());
    }

    [Fact]
    public void Table_columns_fill_policies_measures_and_effects()
    {
        var four = Plan.Task("4");
        Assert.Equal(["出台《青岛市中小学幼儿园校本课程建设与实施指导意见》", "出台《青岛市综合高中课程建设与实施指导意见》", "建立青岛STEAM教育联盟学校协同创新机制"], four.Policies);
        Assert.Equal(6, four.Measures.Count);
        Assert.Equal("委托开发100个种类的青岛市优秀校（园）本课程成果集", four.Measures[1]);
        Assert.Single(four.ExpectedEffects);

        // "1.《…的通知\n\n》2.《…》": the closing mark goes back to the first item.
        Assert.Equal(["《印发〈全面推进“十个一”项目行动工作指南〉的通知》", "《关于建立“十个一”项目市级专家库等的通知》"], Plan.Task("7").Policies);
        Assert.Equal(7, Plan.Task("7").Measures.Count); // "1.…。2.…" in one line is seven items

        Assert.Empty(Plan.Task("3").Policies); // an empty cell
        Assert.Equal(2, Plan.Task("3").ExpectedEffects.Count);
    }

    [Fact]
    public void Merged_and_repeated_rows_fill_every_task_they_number()
    {
        Assert.Equal(Plan.Task("1").Policies, Plan.Task("2").Policies);
        Assert.Equal(["《青岛市教育局“坚持立德树人回归教育初心”教育理念大讨论活动方案》"], Plan.Task("1").Policies);
        Assert.Equal(Plan.Task("30").Measures, Plan.Task("31").Measures);
        Assert.Equal(["青岛市教育局关于新时代高中阶段教育发展的意见"], Plan.Task("31").Policies);
        Assert.Equal(["《关于评选青岛市中小学生研学旅行基地的通知》", "《关于进一步加强青岛市中小学生社会课堂建设的意见》"], Plan.Task("15").Policies);
    }

    [Fact]
    public void Milestones_are_the_dated_clauses()
    {
        Assert.Equal(
            [new Milestone(2019, "2019年7月首批三所试点学校开始招生"), new Milestone(2020, "2020年完成第一批综合高中学生的学籍互转工作")],
            Plan.Task("33").Milestones);
        Assert.Equal("到2025年，构建起完善的普通高中、职业高中、综合高中、特色高中“四位一体”的高中阶段办学模式", Plan.Task("30").Milestones[0].Text);
    }
}
