namespace Qedu.PlanDocuments;

/// <summary>
/// The units the importer knows without being told: the city bureau and its 18 departments under the names the org
/// tree gives them (the kernel's DemoCity seeds them with these names and these codes' abbreviations), the ten
/// district bureaus, the district governments as a group, and the city government's own bureaus that plans name as
/// lead or participating units. Aliases are the full and short names documents use.
/// </summary>
public static class KnownUnits
{
    public static IReadOnlyList<KnownUnit> Default { get; } = Build();

    private static List<KnownUnit> Build()
    {
        var units = new List<KnownUnit>
        {
            new("市教育局", UnitKind.City, ["青岛市教育局", "市教育局（市委教育工委）", "市委教育工委"]),
        };

        // Same names and order as the kernel's DemoCityPlaces.Departments (internal there).
        (string Name, string[] Aliases)[] departments =
        [
            ("办公室", ["局办公室", "办公室（党委办公室）"]),
            ("组织处", ["组织干部处", "党委组织部"]),
            ("法规处", ["政策法规处", "法规与政策处"]),
            ("人事处", ["人事教师处", "教师工作处"]),
            ("计财处", ["计划财务处", "财务处"]),
            ("基教处", ["基础教育处"]),
            ("职教处", ["职业教育处", "职业教育与成人教育处", "职成教处"]),
            ("思政处", ["思想政治教育处", "德育处"]),
            ("体卫艺处", ["体育卫生与艺术教育处", "体卫艺教育处"]),
            ("国际处", ["国际合作与交流处", "对外交流合作处", "国际交流处"]),
            ("督导室", ["教育督导室", "督导处"]),
            ("教科院", ["教育科学研究院", "市教科院"]),
            ("招考办", ["招生考试办公室", "市招考办", "招生考试中心"]),
            ("基建办", ["基本建设办公室", "基建处"]),
            ("行政审批与执法处", ["审批执法处", "审批处", "行政审批处", "行政审批服务处"]),
            ("教育装备与信息中心", ["装备信息中心", "教育装备信息中心", "装备与信息中心", "电教馆"]),
            ("家庭教育处", ["家庭教育指导处"]),
            ("安保处", ["安全保卫处", "安全工作处"]),
        ];
        units.AddRange(departments.Select(d => new KnownUnit(d.Name, UnitKind.Department, d.Aliases)));

        string[] districts = ["市南区", "市北区", "黄岛区", "崂山区", "李沧区", "城阳区", "即墨区", "胶州市", "平度市", "莱西市"];
        foreach (var district in districts)
        {
            units.Add(new($"{district}教育和体育局", UnitKind.District, [$"{district}教体局", $"{district}教育局"]));
            units.Add(new($"{district}政府", null, [$"{district}人民政府"]));
        }
        units.Add(new("西海岸新区教育和体育局", UnitKind.District, ["青岛西海岸新区教育和体育局", "西海岸新区教体局", "新区教体局"]));

        units.Add(new("各区市政府", null, ["各区（市）政府", "各区、市政府", "各区市人民政府", "各区（市）人民政府", "各区、市人民政府", "区市政府"], IsGroup: true));
        units.Add(new("各区市教育局", UnitKind.District,
            ["各区（市）教育局", "各区、市教育局", "各区市教体局", "各区（市）教体局", "各区、市教育（体）局", "各区市教育（体育）局", "区市教育局", "区市教体局"],
            IsGroup: true));
        units.Add(new("各学校", UnitKind.School, ["各中小学", "各中小学校", "各学校、幼儿园", "各中小学幼儿园"], IsGroup: true));

        (string Name, string[] Aliases)[] government =
        [
            ("市财政局", ["青岛市财政局"]),
            ("市发展改革委", ["市发改委", "市发展和改革委员会"]),
            ("市人力资源社会保障局", ["市人社局", "市人力资源和社会保障局"]),
            ("市科技局", ["市科学技术局"]),
            ("市商务局", []),
            ("市经济信息化委", ["市经信委", "市工业和信息化局", "市工信局"]),
            ("市知识产权局", []),
            ("市电政信息办", ["市电子政务和信息资源管理办公室"]),
            ("市大数据局", ["市大数据发展管理局"]),
            ("市公安局", []),
            ("市民政局", []),
            ("市司法局", []),
            ("市卫生健康委", ["市卫健委", "市卫生计生委"]),
            ("市自然资源和规划局", ["市自然资源局", "市规划局"]),
            ("市住房城乡建设局", ["市住建局", "市城乡建设委"]),
            ("市文化和旅游局", ["市文旅局"]),
            ("市体育局", []),
            ("市市场监管局", ["市市场监督管理局"]),
            ("市委编办", ["市编办", "市编委办"]),
            ("市文明办", []),
            ("市妇联", []),
            ("团市委", []),
            ("市总工会", []),
            ("市审计局", []),
            ("市应急局", ["市应急管理局"]),
            ("市交通运输局", []),
            ("市广播电视大学", ["青岛广播电视大学", "市电大"]),
        ];
        units.AddRange(government.Select(g => new KnownUnit(g.Name, null, g.Aliases)));
        return units;
    }
}
