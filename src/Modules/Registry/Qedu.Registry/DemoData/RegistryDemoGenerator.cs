using Qedu.Kernel.Codes;
using Qedu.Kernel.DemoCity;
using Qedu.Registry.Domain;

namespace Qedu.Registry.DemoData;

/// <summary>
/// The people and things of one demo school: staff, a main campus, classes per grade, students with guardians and an
/// open enrolment, and an equipment register. Deterministic for a given random source. Proportions follow what
/// Qingdao reports: about one teacher for 14 pupils, about a fifth of pupils 随迁子女, a few percent 留守, class sizes
/// mostly 36–50 with some 大班额 (56+) and a few 超大班额 (66+) that later modules must find.
/// </summary>
internal sealed class RegistryDemoGenerator(DemoScale scale, int schoolYear)
{
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
         "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕"];
    private static readonly string[] GivenChars =
        ["子", "涵", "浩", "宇", "轩", "欣", "怡", "梓", "萱", "博", "文", "诗", "雨", "思", "佳", "俊", "杰", "晨", "嘉", "琪",
         "一", "诺", "依", "伊", "泽", "铭", "瑞", "睿", "悦", "航", "静", "明", "晓", "雪", "婷", "磊", "鹏", "飞", "洋", "清"];
    private static readonly string[] MigrantOrigins = ["370700", "371300", "370800", "371700", "371400", "371500", "371600", "370300"];
    private static readonly string[] Subjects = ["语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "道德与法治", "科学", "音乐", "美术", "体育", "信息科技"];
    private static readonly (string Code, string Name, decimal UnitValue)[] AssetKinds =
    [
        ("02", "交互式智能黑板", 18000m), ("02", "学生用平板电脑", 2600m), ("02", "计算机教室终端", 4200m),
        ("01", "物理演示仪器套装", 3500m), ("06", "化学实验台", 5200m), ("03", "图书", 35m),
        ("04", "篮球架", 6800m), ("05", "钢琴", 26000m), ("07", "课桌椅(套)", 480m), ("08", "视频监控点位", 2300m),
    ];

    private readonly Dictionary<(string Division, DateOnly Birth), int> _sequences = [];
    private int _staffSerial;

    public int SchoolYear => schoolYear;

    /// <summary>Grades a school of these stages teaches, in order.</summary>
    public static IReadOnlyList<string> GradesFor(IReadOnlyList<Stage> stages)
    {
        var grades = new List<string>();
        foreach (var stage in stages)
        {
            grades.AddRange(stage switch
            {
                Stage.Preschool => ["K1", "K2", "K3"],
                Stage.Primary => ["P1", "P2", "P3", "P4", "P5", "P6"],
                Stage.JuniorSecondary => ["J1", "J2", "J3"],
                Stage.SeniorSecondary => ["S1", "S2", "S3"],
                _ => [],
            });
        }
        return grades;
    }

    /// <summary>Age on 1 September of the school year at which a child starts each grade.</summary>
    private static int EntryAge(string grade) => grade[0] switch
    {
        'K' => 3 + (grade[1] - '1'),
        'P' => 6 + (grade[1] - '1'),
        'J' => 12 + (grade[1] - '1'),
        _ => 15 + (grade[1] - '1'),
    };

    public DemoSchoolData Generate(DemoOrg school, int orgUnitId, IReadOnlyList<Stage> stages, Random random)
    {
        var grades = GradesFor(stages);
        var data = new DemoSchoolData();
        if (grades.Count == 0)
        {
            return data;
        }
        var preschool = grades[0][0] == 'K';
        data.Campuses.Add(new Campus
        {
            OrgUnitId = orgUnitId, Name = "本部", IsMain = true, Address = school.Address,
            Latitude = school.Latitude, Longitude = school.Longitude,
        });

        var classesPerGrade = scale == DemoScale.Small
            ? 1
            : Math.Max(1, (int)Math.Round((school.CapacitySeats ?? 400) / (double)(grades.Count * (preschool ? 30 : 44))));

        foreach (var grade in grades)
        {
            for (var n = 1; n <= classesPerGrade; n++)
            {
                var entryYear = schoolYear - (EntryAge(grade) - EntryAge(grade[0] + "1"));
                var schoolClass = new SchoolClass
                {
                    OrgUnitId = orgUnitId,
                    Code = $"{entryYear}-{grade}-{n:00}",
                    Name = $"{GradeName(grade)}{n}班",
                    GradeCode = grade,
                    EntryYear = entryYear,
                };
                var size = ClassSize(preschool, random);
                var students = new List<Student>(size);
                for (var i = 0; i < size; i++)
                {
                    students.Add(NewStudent(school, orgUnitId, grade, random));
                }
                data.Classes.Add((schoolClass, students));
            }
        }

        var pupils = data.Classes.Sum(c => c.Students.Count);
        var teachers = Math.Max(3, (int)Math.Round(pupils / (preschool ? 12.0 : 14.0)));
        var others = Math.Max(1, teachers / 6);
        for (var i = 0; i < teachers + others; i++)
        {
            data.Staff.Add(NewStaff(school, orgUnitId, teacher: i < teachers, random));
        }
        if (school.Code == DemoCityGenerator.AnchorSchoolCode)
        {
            // The demo teacher account's own record: she heads the first class and teaches in the second.
            data.Staff[0].StaffNumber = DemoAccounts.TeacherStaffNumber;
            data.Staff[0].Name = "周婷";
        }

        var assetLines = scale == DemoScale.Small ? 4 : 6 + random.Next(6);
        for (var i = 0; i < assetLines; i++)
        {
            var kind = AssetKinds[random.Next(AssetKinds.Length)];
            var quantity = kind.UnitValue > 10000 ? 1 + random.Next(8) : 10 + random.Next(200);
            data.Assets.Add(new Asset
            {
                OrgUnitId = orgUnitId,
                AssetNumber = $"{school.Code}-{i + 1:0000}",
                Name = kind.Name,
                CategoryCode = kind.Code,
                Quantity = quantity,
                Value = kind.UnitValue * quantity,
                AcquiredOn = new DateOnly(schoolYear - random.Next(8), 1 + random.Next(12), 1 + random.Next(28)),
            });
        }
        return data;
    }

    /// <summary>
    /// A school's seats (学位数) for the pupils it was given: seat use mostly between 85 % and 100 %, one school in
    /// seven over capacity (up to 108 %), as in a city that is still building schools. Derived from the pupils rather than
    /// taken from the planned size, so the small demo (one class per grade) has the same plausible use as the full city.
    /// Its own random source (the school code), so the people generated do not change with it.
    /// </summary>
    public static int? Seats(DemoOrg school, int pupils)
    {
        if (pupils == 0)
        {
            return null; // no classes in the registry (a school type without grades): no seat count to set against them
        }
        var random = new Random(unchecked((int)(long.Parse(school.Code, System.Globalization.CultureInfo.InvariantCulture) % 2_147_483_629)));
        var use = random.Next(7) == 0 ? 1.01 + 0.07 * random.NextDouble() : 0.85 + 0.15 * random.NextDouble();
        return Math.Max(1, (int)Math.Round(pupils / use));
    }

    private static string GradeName(string grade) => grade switch
    {
        "K1" => "小班", "K2" => "中班", "K3" => "大班",
        "P1" => "一年级", "P2" => "二年级", "P3" => "三年级", "P4" => "四年级", "P5" => "五年级", "P6" => "六年级",
        "J1" => "七年级", "J2" => "八年级", "J3" => "九年级",
        "S1" => "高一", "S2" => "高二", _ => "高三",
    };

    private static int ClassSize(bool preschool, Random random)
    {
        if (preschool)
        {
            return 20 + random.Next(16);
        }
        var draw = random.NextDouble();
        return draw switch
        {
            < 0.01 => 66 + random.Next(6),   // 超大班额
            < 0.06 => 56 + random.Next(10),  // 大班额
            < 0.30 => 46 + random.Next(10),
            _ => 36 + random.Next(10),
        };
    }

    private Student NewStudent(DemoOrg school, int orgUnitId, string grade, Random random)
    {
        var migrant = random.NextDouble() < 0.2;
        var division = migrant ? MigrantOrigins[random.Next(MigrantOrigins.Length)] : school.DivisionCode ?? "370202";
        var age = EntryAge(grade);
        // Born between 1 September (age+1 years before the school year) and 31 August (age years before).
        var birth = new DateOnly(schoolYear - age - 1, 9, 1).AddDays(random.Next(365));
        var gender = random.Next(2) == 0 ? "1" : "2";
        var id = NextResidentId(division, birth, gender);
        return new Student
        {
            OrgUnitId = orgUnitId,
            StudentNumber = "G" + id,
            Name = NewName(random),
            GenderCode = gender,
            ResidentId = id,
            BirthDate = birth,
            EthnicityCode = random.NextDouble() < 0.985 ? "01" : random.Next(2) == 0 ? "03" : "11",
            HukouDivisionCode = division,
            Address = $"{school.Address?.Split('路')[0] ?? "青岛市"}路{1 + random.Next(300)}号",
            StatusCode = StudentStatuses.Enrolled,
            IsMigrantChild = migrant,
            IsLeftBehind = !migrant && random.NextDouble() < 0.03,
            HasDisability = random.NextDouble() < 0.006,
            HasFinancialHardship = random.NextDouble() < 0.04,
            CategoryCode = "00",
        };
    }

    public IEnumerable<Guardian> GuardiansOf(Student student, Random random)
    {
        var surname = student.Name[..1];
        var count = random.NextDouble() < 0.7 ? 2 : 1;
        // Parents, or for a left-behind child the grandparents who care for them: one of the pair, then the other.
        var pair = student.IsLeftBehind ? new[] { "21", "22" } : ["11", "12"];
        var first = random.Next(2);
        for (var i = 0; i < count; i++)
        {
            var relation = pair[(first + i) % 2];
            var birth = student.BirthDate.AddYears(-(student.IsLeftBehind ? 48 + random.Next(20) : 24 + random.Next(14)));
            var gender = relation is "11" or "21" ? "1" : "2";
            yield return new Guardian
            {
                OrgUnitId = student.OrgUnitId,
                StudentId = student.Id,
                Name = relation is "11" or "21" ? surname + NewGiven(random) : NewName(random),
                RelationCode = relation,
                Phone = $"1{3 + random.Next(7)}{random.Next(100_000_000, 999_999_999)}",
                ResidentId = NextResidentId(student.HukouDivisionCode ?? "370202", birth, gender),
            };
        }
    }

    public static Enrolment EnrolmentOf(Student student, SchoolClass schoolClass) => new()
    {
        StudentId = student.Id,
        OrgUnitId = student.OrgUnitId,
        ClassId = schoolClass.Id,
        From = new DateOnly(schoolClass.EntryYear, 9, 1),
    };

    private Staff NewStaff(DemoOrg school, int orgUnitId, bool teacher, Random random)
    {
        var gender = random.NextDouble() < (teacher ? 0.72 : 0.5) ? "2" : "1";
        var birth = new DateOnly(schoolYear - 23 - random.Next(37), 1, 1).AddDays(random.Next(365));
        var title = random.NextDouble() switch { < 0.02 => "1", < 0.22 => "2", < 0.6 => "3", < 0.9 => "4", _ => "9" };
        var subjects = teacher
            ? string.Join('|', Enumerable.Range(0, 1 + (random.NextDouble() < 0.2 ? 1 : 0)).Select(_ => Subjects[random.Next(Subjects.Length)]).Distinct())
            : null;
        return new Staff
        {
            OrgUnitId = orgUnitId,
            StaffNumber = $"T{school.Code}{++_staffSerial:00000}",
            Name = NewName(random),
            GenderCode = gender,
            ResidentId = NextResidentId(school.DivisionCode ?? "370202", birth, gender),
            BirthDate = birth,
            QualificationCode = random.NextDouble() switch { < 0.15 => "14", < 0.85 => "21", _ => "31" },
            TitleCode = teacher ? title : null,
            Subjects = subjects,
            PostCode = teacher ? "1" : (2 + random.Next(3)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            EmploymentTypeCode = random.NextDouble() < 0.88 ? "1" : "2",
            HiredOn = new DateOnly(Math.Min(schoolYear, birth.Year + 23 + random.Next(5)), 8, 20),
            Phone = $"1{3 + random.Next(7)}{random.Next(100_000_000, 999_999_999)}",
        };
    }

    private string NextResidentId(string division, DateOnly birth, string gender)
    {
        var key = (division, birth);
        _sequences.TryGetValue(key, out var used);
        // Odd sequence numbers are men, even ones women (GB 11643); each (division, birth date) has 500 of each.
        var n = used;
        var sequence = gender == "1" ? n * 2 + 1 : n * 2 + 2;
        _sequences[key] = used + 1;
        return ResidentId.Compose(division, birth, sequence % 1000);
    }

    private static string NewName(Random random) => Surnames[random.Next(Surnames.Length)] + NewGiven(random);

    private static string NewGiven(Random random) =>
        random.NextDouble() < 0.3 ? GivenChars[random.Next(GivenChars.Length)] : GivenChars[random.Next(GivenChars.Length)] + GivenChars[random.Next(GivenChars.Length)];
}

internal sealed class DemoSchoolData
{
    public List<Campus> Campuses { get; } = [];
    public List<(SchoolClass Class, List<Student> Students)> Classes { get; } = [];
    public List<Staff> Staff { get; } = [];
    public List<Asset> Assets { get; } = [];
}
