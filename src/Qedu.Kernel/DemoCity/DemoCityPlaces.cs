namespace Qedu.Kernel.DemoCity;

/// <summary>A district of the demo city: its real code and names, its weight in the city's schools and how urban it is.</summary>
internal sealed record DemoDistrict(
    string Code,
    string Name,
    string NameEn,
    string BureauName,
    string BureauNameEn,
    bool IsCountyCity,
    double Weight,
    double UrbanShare,
    (double South, double West, double North, double East) Box,
    (string Zh, string En)[] Places);

/// <summary>Qingdao's ten districts with street and town names, for demo schools that look like the real ones.</summary>
internal static class DemoCityPlaces
{
    public static readonly DemoDistrict[] Districts =
    [
        new("370202", "市南区", "Shinan District", "市南区教育和体育局", "Shinan District Education and Sports Bureau", false, 0.05, 1.0,
            (36.04, 120.30, 36.10, 120.45),
            [("香港路", "Hong Kong Road"), ("太平路", "Taiping Road"), ("湛山", "Zhanshan"), ("八大关", "Badaguan"), ("江苏路", "Jiangsu Road"),
             ("燕儿岛", "Yan'erdao"), ("金门路", "Jinmen Road"), ("宁夏路", "Ningxia Road"), ("嘉峪关", "Jiayuguan"), ("珠海路", "Zhuhai Road")]),
        new("370203", "市北区", "Shibei District", "市北区教育和体育局", "Shibei District Education and Sports Bureau", false, 0.10, 1.0,
            (36.07, 120.32, 36.15, 120.42),
            [("台东", "Taidong"), ("浮山新区", "Fushan Xinqu"), ("辽宁路", "Liaoning Road"), ("四方", "Sifang"), ("错埠岭", "Cuobuling"),
             ("延安路", "Yan'an Road"), ("敦化路", "Dunhua Road"), ("洛阳路", "Luoyang Road"), ("合肥路", "Hefei Road"), ("海伦路", "Hailun Road"), ("镇江路", "Zhenjiang Road")]),
        new("370211", "黄岛区", "Huangdao District", "黄岛区教育和体育局", "Huangdao District Education and Sports Bureau", false, 0.18, 0.6,
            (35.60, 119.60, 36.10, 120.30),
            [("辛安", "Xin'an"), ("薛家岛", "Xuejiadao"), ("灵山卫", "Lingshanwei"), ("隐珠", "Yinzhu"), ("珠海", "Zhuhai"), ("王台", "Wangtai"),
             ("大场", "Dachang"), ("泊里", "Boli"), ("六汪", "Liuwang"), ("张家楼", "Zhangjialou"), ("琅琊", "Langya"), ("藏南", "Cangnan"),
             ("海青", "Haiqing"), ("宝山", "Baoshan"), ("长江路", "Changjiang Road"), ("黄岛", "Huangdao"), ("红石崖", "Hongshiya"), ("胶河", "Jiaohe")]),
        new("370212", "崂山区", "Laoshan District", "崂山区教育和体育局", "Laoshan District Education and Sports Bureau", false, 0.05, 0.7,
            (36.08, 120.42, 36.30, 120.70),
            [("中韩", "Zhonghan"), ("沙子口", "Shazikou"), ("王哥庄", "Wanggezhuang"), ("北宅", "Beizhai"), ("金家岭", "Jinjialing"), ("株洲路", "Zhuzhou Road")]),
        new("370213", "李沧区", "Licang District", "李沧区教育和体育局", "Licang District Education and Sports Bureau", false, 0.07, 1.0,
            (36.14, 120.36, 36.22, 120.48),
            [("李村", "Licun"), ("浮山路", "Fushan Road"), ("虎山路", "Hushan Road"), ("九水", "Jiushui"), ("湘潭路", "Xiangtan Road"),
             ("兴华路", "Xinghua Road"), ("沧口", "Cangkou"), ("楼山", "Loushan"), ("世园", "Shiyuan")]),
        new("370214", "城阳区", "Chengyang District", "城阳区教育和体育局", "Chengyang District Education and Sports Bureau", false, 0.11, 0.7,
            (36.20, 120.20, 36.45, 120.55),
            [("城阳", "Chengyang"), ("流亭", "Liuting"), ("夏庄", "Xiazhuang"), ("惜福镇", "Xifuzhen"), ("棘洪滩", "Jihongtan"), ("上马", "Shangma"),
             ("红岛", "Hongdao"), ("河套", "Hetao"), ("正阳路", "Zhengyang Road"), ("青大", "Qingda")]),
        new("370215", "即墨区", "Jimo District", "即墨区教育和体育局", "Jimo District Education and Sports Bureau", false, 0.13, 0.45,
            (36.25, 120.25, 36.75, 120.90),
            [("通济", "Tongji"), ("环秀", "Huanxiu"), ("潮海", "Chaohai"), ("北安", "Bei'an"), ("龙山", "Longshan"), ("龙泉", "Longquan"),
             ("蓝村", "Lancun"), ("田横", "Tianheng"), ("金口", "Jinkou"), ("鳌山卫", "Aoshanwei"), ("温泉", "Wenquan"), ("大信", "Daxin"),
             ("移风", "Yifeng"), ("灵山", "Lingshan"), ("段泊岚", "Duanbolan"), ("刘家庄", "Liujiazhuang")]),
        new("370281", "胶州市", "Jiaozhou", "胶州市教育和体育局", "Jiaozhou Education and Sports Bureau", true, 0.10, 0.45,
            (36.00, 119.70, 36.50, 120.20),
            [("阜安", "Fu'an"), ("中云", "Zhongyun"), ("三里河", "Sanlihe"), ("九龙", "Jiulong"), ("胶东", "Jiaodong"), ("胶北", "Jiaobei"),
             ("胶莱", "Jiaolai"), ("李哥庄", "Ligezhuang"), ("铺集", "Puji"), ("里岔", "Licha"), ("洋河", "Yanghe"), ("胶西", "Jiaoxi")]),
        new("370283", "平度市", "Pingdu", "平度市教育和体育局", "Pingdu Education and Sports Bureau", true, 0.13, 0.3,
            (36.50, 119.50, 37.05, 120.20),
            [("东阁", "Dongge"), ("李园", "Liyuan"), ("凤台", "Fengtai"), ("同和", "Tonghe"), ("白沙河", "Baishahe"), ("南村", "Nancun"),
             ("蓼兰", "Liaolan"), ("崔家集", "Cuijiaji"), ("明村", "Mingcun"), ("田庄", "Tianzhuang"), ("新河", "Xinhe"), ("店子", "Dianzi"),
             ("大泽山", "Dazeshan"), ("旧店", "Jiudian"), ("云山", "Yunshan"), ("古岘", "Guxian"), ("仁兆", "Renzhao"), ("麻兰", "Malan")]),
        new("370285", "莱西市", "Laixi", "莱西市教育和体育局", "Laixi Education and Sports Bureau", true, 0.08, 0.35,
            (36.70, 120.30, 37.10, 120.75),
            [("水集", "Shuiji"), ("望城", "Wangcheng"), ("沽河", "Guhe"), ("姜山", "Jiangshan"), ("夏格庄", "Xiagezhuang"), ("院上", "Yuanshang"),
             ("日庄", "Rizhuang"), ("南墅", "Nanshu"), ("河头店", "Hetoudian"), ("店埠", "Dianbu"), ("马连庄", "Malianzhuang")]),
    ];

    /// <summary>The city bureau's departments (处室) as seed 001 names them, with stable short codes.</summary>
    public static readonly (string Abbreviation, string Name, string NameEn)[] Departments =
    [
        ("BGS", "办公室", "General Office"),
        ("ZZC", "组织处", "Organisation Division"),
        ("FGC", "法规处", "Policy and Regulations Division"),
        ("RSC", "人事处", "Personnel Division"),
        ("JCC", "计财处", "Planning and Finance Division"),
        ("JJC", "基教处", "Basic Education Division"),
        ("ZJC", "职教处", "Vocational Education Division"),
        ("SZC", "思政处", "Ideological and Political Education Division"),
        ("TWY", "体卫艺处", "Physical, Health and Arts Education Division"),
        ("GJC", "国际处", "International Exchange Division"),
        ("DDS", "督导室", "Education Inspectorate"),
        ("JKY", "教科院", "Academy of Educational Sciences"),
        ("ZKB", "招考办", "Admissions and Examinations Office"),
        ("JJB", "基建办", "Capital Construction Office"),
        ("SPZF", "行政审批与执法处", "Administrative Approval and Law Enforcement Division"),
        ("ZBXX", "教育装备与信息中心", "Education Equipment and Information Centre"),
        ("JTJY", "家庭教育处", "Family Education Division"),
        ("ABC", "安保处", "Safety and Security Division"),
    ];

    /// <summary>Names private kindergartens and schools often take.</summary>
    public static readonly (string Zh, string En)[] Brands =
    [
        ("阳光", "Sunshine"), ("蓝天", "Blue Sky"), ("小天使", "Little Angel"), ("金色摇篮", "Golden Cradle"), ("童之梦", "Childhood Dream"),
        ("启智", "Qizhi"), ("海之星", "Sea Star"), ("育才", "Yucai"), ("贝贝", "Beibei"), ("智慧树", "Wisdom Tree"), ("七彩", "Rainbow"),
        ("新世纪", "New Century"), ("春蕾", "Spring Bud"), ("博雅", "Boya"),
    ];
}
