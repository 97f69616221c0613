using System.Globalization;
using Qedu.Documents;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Files;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;

namespace Qedu.Family.DemoData;

/// <summary>
/// Family–school cooperation in the demo city. Parent courses (家长大课堂): the city bureau and every district put on one
/// session held a few weeks ago (seats taken, attendance taken, a handout as a PDF) and one coming up with seats to take;
/// each school of the first district (every school on the small demo) one coming up. Parent committees: those schools'
/// committees for this school year with a chair, vice chairs and members and two meetings' minutes, and committees for
/// their first three classes — and for the demo parent's children's classes, so their page shows them. Seat holders and
/// members have made-up numbers (1396…, 1397…); the demo parent holds no seat, so taking one is left to try.
/// </summary>
internal static class FamilySchoolDemo
{
    private static readonly (string Title, string Speaker, string Summary)[] Topics =
    [
        ("科学做好幼小衔接", "市家庭教育指导中心 王敏", "入学前后孩子的作息、习惯与情绪：家长可以做的五件事。"),
        ("青春期亲子沟通", "市心理健康教育中心 刘洋", "听懂孩子的话，说孩子听得进的话：冲突时怎样谈。"),
        ("合理安排课后时间与家庭作业", "区教研室 张丽", "“双减”之后的家庭时间：运动、阅读、家务与作业怎样安排。"),
        ("孩子心理健康：早发现、早陪伴", "市心理健康教育中心 陈静", "情绪和行为的变化哪些要留意，何时向学校和专业机构求助。"),
        ("培养家庭阅读习惯", "市图书馆 李华", "亲子共读怎样开始、怎样坚持；各年龄段书目推荐。"),
    ];

    /// <summary>The made-up parents (1396000000x) the held sessions' seats are drawn from.</summary>
    private const int SeatHolders = 20;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"];
    private static readonly string[] Given = ["丽", "强", "敏", "静", "军", "燕", "磊", "芳", "涛", "娜", "勇", "霞", "杰", "婷", "波"];

    public static async Task<(int Courses, int Committees)> SeedAsync(
        FamilyDb db, OrgTree tree, IStudentRoster roster, IStudentMoves students, ParentAccounts parents, IFileStore store, CjkFont? font,
        DemoSeedContext context, TimeProvider clock, Random random, CancellationToken ct)
    {
        // The made-up parents who held seats (their accounts are the kernel's: made before the family writes' one transaction),
        // and the demo parent's children (an audited read), first.
        var holders = new List<(Guid Account, string Phone)>();
        for (var i = 1; i <= SeatHolders; i++)
        {
            var number = "1396" + i.ToString("D7", CultureInfo.InvariantCulture);
            holders.Add(((await parents.FindOrCreateAsync(number, clock.GetUtcNow(), ct)).Account.Id, number));
        }
        var demoChildren = await students.ChildrenOfGuardianAsync(DemoAccounts.ParentPhone, ct);
        // One transaction for the family writes: a commit per session or committee would cost more than the rows.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var city = await tree.FindAsync(DemoCityGenerator.CityCode, ct);
        if (city is null)
        {
            return (0, 0);
        }
        var today = CityDate.Today(clock);
        var now = clock.GetUtcNow();
        var districts = (await tree.OfKindPastScopeAsync([OrgUnitKind.District], ct)).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        StoredFile? handout = null;
        var courses = 0;

        async Task SessionAsync(OrgUnit organiser, int topic, DateOnly day, IReadOnlyList<OrgUnit> schools, bool held)
        {
            var (title, speaker, summary) = Topics[topic % Topics.Length];
            var course = new ParentCourse
            {
                OrgUnitId = organiser.Id, Title = title, Speaker = speaker, Summary = summary, Day = day, Starts = new TimeOnly(19, 0), Ends = new TimeOnly(20, 30),
                Place = organiser.Kind == OrgUnitKind.School ? $"{organiser.Name}报告厅" : "线上直播（腾讯会议）", Capacity = organiser.Kind == OrgUnitKind.School ? 200 : 1000,
                CreatedAt = now, CreatedBy = "demo", AttendanceTakenAt = held ? now : null,
            };
            db.ParentCourses.Add(course);
            courses++;
            if (!held || schools.Count == 0)
            {
                // Saved with the next batch: nothing refers to it yet.
                return;
            }
            await db.SaveChangesAsync(ct);
            var seats = 8 + random.Next(10);
            foreach (var (account, phone) in holders.OrderBy(_ => random.Next()).Take(seats))
            {
                db.CourseSeats.Add(new CourseSeat
                {
                    CourseId = course.Id, OrgUnitId = organiser.Id, ParentAccountId = account, Phone = phone, SchoolId = schools[random.Next(schools.Count)].Id,
                    RegisteredOn = day.AddDays(-7), Attended = random.NextDouble() < 0.85,
                });
            }
            course.Registered = seats;
            if (font is null)
            {
                // No font with Chinese glyphs on this machine: the material is a link instead of a handout.
                db.CourseMaterials.Add(new CourseMaterial
                {
                    CourseId = course.Id, OrgUnitId = organiser.Id, Title = "讲座回放", Url = "https://edu.qingdao.gov.cn/", AddedAt = now, AddedBy = "demo",
                });
            }
            else
            {
                // One handout (the series' topics) rendered once and stored once: the same bytes are one file.
                handout ??= await store.PutAsync(new MemoryStream(OfficialLetterPdf.Render(new OfficialLetter
                {
                    Title = "家长大课堂讲义", Issuer = "青岛市家庭教育指导中心", Date = day,
                    Paragraphs = [.. Topics.Select(x => $"{x.Title}（{x.Speaker}）：{x.Summary}"), "本讲义供参加家长大课堂的家长学习使用，欢迎在家校群内分享。"],
                }, font)), ct);
                var file = handout;
                db.CourseMaterials.Add(new CourseMaterial
                {
                    CourseId = course.Id, OrgUnitId = organiser.Id, Title = "讲义", FileHash = file.Hash, FileName = "家长大课堂讲义.pdf", MediaType = FileKinds.Pdf.MediaType,
                    Length = file.Length, AddedAt = now, AddedBy = "demo",
                });
            }
            await db.SaveChangesAsync(ct);
        }

        var allSchools = new List<OrgUnit>();
        foreach (var district in districts)
        {
            allSchools.AddRange(await tree.BelowPastScopeAsync(district.Id, OrgUnitKind.School, ct));
        }
        var held = PastWeekday(today.AddDays(-21));
        await SessionAsync(city, 3, held, allSchools, held: true);
        await SessionAsync(city, 4, today.AddDays(10), allSchools, held: false);
        var committees = 0;
        for (var i = 0; i < districts.Count; i++)
        {
            var schools = (await tree.BelowPastScopeAsync(districts[i].Id, OrgUnitKind.School, ct)).Where(s => s.ClosedOn is null).ToList();
            await SessionAsync(districts[i], i, PastWeekday(today.AddDays(-14 - i)), schools, held: true);
            await SessionAsync(districts[i], i + 1, today.AddDays(7 + i % 5), schools, held: false);
            if (i != 0 && context.Scale != DemoScale.Small)
            {
                continue;
            }
            // Every school's classes in one read (the roster counts each class's pupils).
            var classesOf = (await roster.ClassesAsync([.. schools.Select(x => x.Id)], ct)).ToLookup(c => c.SchoolId);
            foreach (var school in schools)
            {
                await SessionAsync(school, i + 2, today.AddDays(14), schools, held: false);
                var classes = classesOf[school.Id].OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Name).Take(3).ToList();
                classes.AddRange(demoChildren.Where(c => c.SchoolId == school.Id && c.ClassName is not null && !classes.Contains(c.ClassName)).Select(c => c.ClassName!));
                committees += await CommitteesAsync(db, school, ["", .. classes], today, now, random, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (courses, committees);
    }

    /// <summary>A school's committee and its classes' for this school year, each with members and minutes.</summary>
    private static async Task<int> CommitteesAsync(FamilyDb db, OrgUnit school, IReadOnlyList<string> classes, DateOnly today, DateTimeOffset now, Random random, CancellationToken ct)
    {
        var year = CityDate.SchoolYearOf(today);
        var formed = CityDate.SchoolYearStarts(year).AddDays(20);
        // The school's committees first (their ids), then every member and meeting: two saves a school.
        var committees = classes.Select(className => new ParentCommittee
        {
            OrgUnitId = school.Id, SchoolYear = year, ClassName = className, FormedOn = formed, RecordedBy = "demo", RecordedAt = now,
        }).ToList();
        db.Committees.AddRange(committees);
        await db.SaveChangesAsync(ct);
        string[] duties = ["", "膳食监督", "安全护学", "活动组织", "家长学校", "宣传联络"];
        foreach (var committee in committees)
        {
            var roles = committee.ClassName.Length == 0
                ? new[] { CommitteeRole.Chair, CommitteeRole.ViceChair, CommitteeRole.ViceChair, CommitteeRole.Member, CommitteeRole.Member, CommitteeRole.Member }
                : [CommitteeRole.Chair, CommitteeRole.Member, CommitteeRole.Member];
            db.CommitteeMembers.AddRange(roles.Select((role, i) => new CommitteeMember
            {
                CommitteeId = committee.Id, OrgUnitId = school.Id, Name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)],
                Phone = "1397" + random.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture), Role = role,
                Duty = i == 0 ? null : duties[i % duties.Length], JoinedOn = formed,
            }));
            var meetings = committee.ClassName.Length == 0 ? 2 : 1;
            for (var m = 0; m < meetings && formed.AddDays(10 + 35 * m) <= today; m++)
            {
                db.CommitteeMeetings.Add(new CommitteeMeeting
                {
                    CommitteeId = committee.Id, OrgUnitId = school.Id, HeldOn = formed.AddDays(10 + 35 * m), Present = roles.Length - random.Next(2),
                    Topics = m == 0 ? "本学年家委会工作计划；课后服务与午餐供应情况" : "期中家长会安排；上下学护学岗轮值",
                    Decisions = m == 0 ? "成立膳食、安全、活动三个小组；每月一次陪餐，意见汇总后交学校。" : "护学岗每天 2 名家长，按班级轮值；家长会前收集问题清单。",
                    RecordedBy = "demo", RecordedAt = now,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        return classes.Count;
    }

    /// <summary>The weekday on or before a day (sessions are held on working evenings).</summary>
    private static DateOnly PastWeekday(DateOnly day) =>
        day.DayOfWeek switch { DayOfWeek.Saturday => day.AddDays(-1), DayOfWeek.Sunday => day.AddDays(-2), _ => day };
}
