using Qedu.PlanDocuments;

namespace Qedu.Plans.Tests;

/// <summary>The small extractors on the phrases plans use.</summary>
public sealed class ExtractorTests
{
    [Theory]
    [InlineData("到2020年，中小学校网络基础建设达标率达到98%。", ">=98%@2020")]
    [InlineData("市本级每年统筹安排乡村教育资金不低于3000万元。", ">=3000万元")]
    [InlineData("建成高质量中外合作办学机构和项目50个以上。", ">=50个")]
    [InlineData("班额不超过45人。", "<=45人")]
    [InlineData("近视率控制在30%以内。", "<=30%")]
    [InlineData("实现义务教育学校同步课堂全覆盖。", ">=100%")]
    [InlineData("全市中小学招生全部实现网络化报名。", ">=100%")]
    [InlineData("比例提高1-2个百分点。", ">=1个百分点")]
    [InlineData("争取中央资金1.5亿元以上。", ">=1.5亿元")]
    [InlineData("建立一所综合实践基地。", "1所")]
    [InlineData("做好第14届全国学生运动会筹备工作。", "")]
    [InlineData("关注学业成绩后30%学生的发展。", "")]
    [InlineData("落实《三年行动计划(2018-2020年)》，新建30所学校。", "30所")]
    [InlineData("推广5G网络应用。", "")]
    [InlineData("推行全覆盖的联盟化办园模式。", "")]
    [InlineData("组建一支100人的专家队伍。", "100人")]
    public void Targets(string text, string expected) =>
        Assert.Equal(expected, Plans.Compact(TargetExtractor.Extract([text])));

    [Theory]
    [InlineData("2022年12月", "2022-12")]
    [InlineData("2022年", "2022-12")]
    [InlineData("2022年底", "2022-12")]
    [InlineData("2018年底完成方案", "2018-12")]
    [InlineData("2023年上半年", "2023-06")]
    [InlineData("2023年12月31日", "2023-12-31")]
    [InlineData("2019-2020年", "2020-12")]
    [InlineData("长期", null)]
    [InlineData("长期（2019年12月完成初步工作）", null)]
    [InlineData("持续推进", null)]
    public void Deadlines(string printed, string? date) =>
        Assert.Equal(new Deadline(printed, date), DeadlineParser.Parse(printed));

    [Fact]
    public void Milestones_split_at_each_dated_clause() =>
        Assert.Equal(
            [new Milestone(2016, "2016年,建成机房"), new Milestone(2018, "2016年到2018年,每年支持100所学校"), new Milestone(2020, "从2020年开始，全面落实方案")],
            MilestoneExtractor.Extract(["2016年,建成机房。2016年到2018年,每年支持100所学校。从2020年开始，全面落实方案。把2018年作为质量年。"]));

    [Theory]
    [InlineData("基础教育处", "基教处")]
    [InlineData("装备信息中心", "教育装备与信息中心")]
    [InlineData("审批执法处", "行政审批与执法处")]
    [InlineData("家庭教育处（筹）", "家庭教育处")]
    [InlineData("各区(市)政府", "各区市政府")]
    [InlineData("各区、市政府", "各区市政府")]
    [InlineData("市人社局", "市人力资源社会保障局")]
    public void Unit_names_match_their_org_unit(string printed, string name)
    {
        var match = Assert.Single(UnitMatcher.Default.Match(printed));
        Assert.True(match.Matched);
        Assert.Equal(name, match.Name);
    }

    [Fact]
    public void Names_run_together_are_split_and_unknown_ones_flagged()
    {
        Assert.Equal<string>(["基教处", "思政处"], UnitMatcher.Default.Match("基教处思政处").Select(m => m.Name));
        var unknown = Assert.Single(UnitMatcher.Default.Match("市海洋发展局"));
        Assert.False(unknown.Matched);
        Assert.Equal("市海洋发展局", unknown.Name);
        Assert.True(UnitMatcher.IsPlaceholder("相关处室"));
        Assert.True(Assert.Single(UnitMatcher.Default.Match("各区（市）政府")).IsGroup);
    }

    [Theory]
    [InlineData("（责任处室：基教处、法规处）", "基教处", "法规处")]
    [InlineData("(市教育局、各区市政府牵头,市财政局参加)", "市教育局|各区市政府", "市财政局")]
    [InlineData("牵头单位：基教处；配合单位：计财处、人事处", "基教处", "计财处|人事处")]
    [InlineData("（责任单位：基教处、招考办；配合单位：督导室）", "基教处|招考办", "督导室")]
    public void Unit_lists(string printed, string lead, string participating)
    {
        var units = new UnitExtractor(UnitMatcher.Default).Extract(["推进某项工作。" + printed]);
        Assert.Equal(lead, string.Join("|", units.Lead));
        Assert.Equal(participating, string.Join("|", units.Participating));
    }

    [Fact]
    public void A_bracket_that_is_not_a_unit_list_is_not_taken_for_one() =>
        Assert.True(new UnitExtractor(UnitMatcher.Default).Extract(["普惠性幼儿园覆盖率（公办园和普惠性民办园在园幼儿占比）"]).IsEmpty);

    [Theory]
    [InlineData("一、总体要求", NumberStyle.Chinese, "一")]
    [InlineData("（二）基本原则", NumberStyle.ChineseParen, "二")]
    [InlineData("(三)发展目标", NumberStyle.ChineseParen, "三")]
    [InlineData("3. 实施计划", NumberStyle.Arabic, "3")]
    [InlineData("2、 加快建设", NumberStyle.Arabic, "2")]
    [InlineData("14．加强劳动教育", NumberStyle.Arabic, "14")]
    [InlineData("(1)制定清单", NumberStyle.ArabicParen, "1")]
    [InlineData("第三章 保障措施", NumberStyle.Chapter, "三")]
    [InlineData("第十二条 经费", NumberStyle.Article, "十二")]
    [InlineData("②组织检查", NumberStyle.Circled, "②")]
    public void Numbering_styles(string line, NumberStyle style, string number)
    {
        var parsed = Numbering.Parse(line);
        Assert.NotNull(parsed);
        Assert.Equal((style, number), (parsed.Style, parsed.Number));
    }

    [Theory]
    [InlineData("2.0行动计划")]
    [InlineData("2018年2月7日")]
    [InlineData("(2016-2018年)")]
    public void Not_numbered(string line) => Assert.Null(Numbering.Parse(line));

    [Fact]
    public void Json_follows_the_contract()
    {
        var json = PlanJson.Serialize(Plans.Seed(Plans.Seed001));
        Assert.Contains("\"title\": \"青岛市教育局实施“十大行动计划”主要任务及处室分工\"", json, StringComparison.Ordinal); // unescaped
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("documentNumber").ValueKind);
        var task = root.GetProperty("sections")[1].GetProperty("tasks")[0];
        string[] fields = ["number", "title", "text", "leadUnits", "participatingUnits", "deadline", "milestones", "targets", "policies", "measures", "expectedEffects"];
        Assert.Equal(fields, task.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2022-12", task.GetProperty("deadline").GetProperty("date").GetString());
        var target = task.GetProperty("targets")[0];
        Assert.Equal(98, target.GetProperty("value").GetDecimal());
        Assert.Equal(">=", target.GetProperty("comparator").GetString());
        Assert.Equal(2020, target.GetProperty("year").GetInt32());
        Assert.Equal(Plans.Seed(Plans.Seed001).AllTasks().Count(), PlanJson.Deserialize(json)!.AllTasks().Count());
    }
}
