using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qedu.Growth.Data;
using Qedu.Growth.Domain;
using Qedu.Growth.Health;
using Qedu.Growth.Rules;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Contracts;

namespace Qedu.Growth.DemoData;

/// <summary>
/// The growth module's part of the demo city: a fitness test and a vision screening for every student of grades 1–12,
/// this school year and the last (last year's in the grade below; the first grades have none), scored by the same rules
/// an import uses. Results are drawn level by level from the standard's own tables, each school a little better or worse
/// than the next and this year slightly better than the last; myopia rises with the grade as it does in the surveys.
/// At city scale one student in four is tested, to keep the seed's time in bounds. At the anchor school, this year's
/// MHT screening of grades 4–6 by its counsellor, with the cases it opened (one followed up once). Social classrooms:
/// real Qingdao venues at national, city and district level with sessions over the coming weeks, one proposal waiting
/// for 市南区, bookings by the anchor school and the demo parent's child's school, and that child's two practice days; a
/// study-travel base with two courses and the anchor school's trips (one done, one waiting for the district).
/// Growth records: entries in four classes of the anchor school (the demo teacher's among them) and the demo parent's
/// child's class, last term's confirmed with comments; the demo parent's child has evidence accepted and one waiting.
/// Care for left-behind children: care rooms at most of the schools with left-behind children (some still without, so the
/// completion rate is short of 100 %), ledgers for most of their children with a few contacts each, some overdue.
/// Teaching at home: plans for a few children with a disability, with last month's and this month's visits (one plan short).
/// </summary>
internal sealed class GrowthDemoSeedStep(
    GrowthDb db, IStudentRoster roster, IStudentMoves moves, IRegistryStatistics registry, FitnessStandard standard, VisionRules vision, MentalRules mental, WorkingCalendar calendar,
    FieldEncryption encryption, OrgTree tree, ParentAccounts parents, RecordRules records, PracticeRules rules, TimeProvider clock) : IDemoSeedStep
{
    private const int Batch = 5_000;
    private static readonly string[] Grades = ["P1", "P2", "P3", "P4", "P5", "P6", "J1", "J2", "J3", "S1", "S2", "S3"];

    /// <summary>The share of a grade with screening myopia, roughly as national surveys report it (from 15 % in grade 1 to 80 % in grade 12).</summary>
    private static readonly double[] MyopiaByGrade = [0.14, 0.22, 0.30, 0.38, 0.45, 0.52, 0.60, 0.66, 0.71, 0.76, 0.79, 0.81];

    public int Order => 85;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (await db.Fitness.AnyAsync(ct))
        {
            return;
        }
        var random = new Random(context.Seed * 53 + 11);
        var today = CityDate.Today(clock);
        var year = HealthFile.SchoolYearOf(today);
        var testDay = new DateOnly(year, 10, 15) is var d && d <= today ? d : today;
        var lastDay = new DateOnly(year - 1, 10, 15);
        var now = clock.GetUtcNow();
        var sample = context.Scale == DemoScale.City ? 4 : 1;
        var schoolSkill = new Dictionary<int, double>();
        int fitnessCount = 0, visionCount = 0;
        for (var g = 0; g < Grades.Length; g++)
        {
            var students = (await roster.InGradeAsync(Grades[g], ct)).Where(s => s.GenderCode is "1" or "2" && s.StudentId % sample == 0).ToList();
            foreach (var chunk in students.Chunk(Batch))
            {
                foreach (var s in chunk)
                {
                    var skill = schoolSkill.TryGetValue(s.SchoolId, out var k) ? k : schoolSkill[s.SchoolId] = random.NextDouble() * 0.3 - 0.15;
                    Add(s, Grades[g], year, testDay, skill + 0.03, MyopiaByGrade[g]);
                    if (g > 0)
                    {
                        Add(s, Grades[g - 1], year - 1, lastDay, skill, MyopiaByGrade[g - 1] + 0.02);
                    }
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        var cases = await MentalAsync(year, testDay, random, ct);
        var venues = await PracticeAsync(ct);
        var entries = await RecordsAsync(random, ct);
        var (rooms, ledgers) = await CareAsync(random, ct);
        var homePlans = await HomeTeachingAsync(random, ct);
        context.Progress?.Report(
            $"growth: {fitnessCount} fitness results and {visionCount} vision screenings over two school years, {cases} mental-health cases, {venues} social classrooms, {entries} growth-record entries, {rooms} care rooms and {ledgers} care ledgers, {homePlans} home-teaching plans");

        void Add(RosterStudent s, string grade, int schoolYear, DateOnly day, double skill, double myopia)
        {
            var (height, weight) = Body(grade, s.GenderCode);
            var measured = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var item in standard.WeightsFor(grade, s.GenderCode).Keys.Where(i => i != FitnessStandard.Bmi))
            {
                measured[item] = Draw(standard.Items[item], grade + "." + s.GenderCode, skill);
            }
            var exempt = random.NextDouble() < 0.004;
            var score = standard.Score(grade, s.GenderCode, height, weight, measured);
            db.Fitness.Add(new FitnessResult
            {
                OrgUnitId = s.SchoolId, StudentId = s.StudentId, StudentNumber = s.StudentNumber, ClassId = schoolYear == year ? s.ClassId : null,
                ClassName = schoolYear == year ? s.ClassName : null, GradeCode = grade, GenderCode = s.GenderCode, SchoolYear = schoolYear, TestedOn = day,
                Exempt = exempt, HeightCm = exempt ? null : height, WeightKg = exempt ? null : weight,
                Measurements = exempt ? "{}" : JsonSerializer.Serialize(measured), Score = exempt ? 0 : score.Score, Bonus = exempt ? 0 : score.Bonus,
                Total = exempt ? 0 : score.Total, Level = exempt ? FitnessLevel.Fail : score.Level, Edition = standard.Edition, FileName = "demo",
                RecordedAt = now, RecordedBy = "demo",
            });
            fitnessCount++;

            var myopic = random.NextDouble() < myopia;
            double Eye() => myopic ? Math.Round(4.0 + random.Next(0, 10) / 10.0, 1) : random.NextDouble() < 0.06 ? 4.9 : Math.Round(5.0 + random.Next(0, 4) / 10.0, 1);
            double? Se(double acuity) => acuity < vision.NormalAcuity ? (myopic ? -Math.Round(0.75 + random.NextDouble() * 5, 2) : Math.Round(random.NextDouble(), 2)) : Math.Round(random.NextDouble() * 0.75 - 0.25, 2);
            var left = Eye();
            var right = Eye();
            var leftSe = Se(left);
            var rightSe = Se(right);
            db.Vision.Add(new VisionResult
            {
                OrgUnitId = s.SchoolId, StudentId = s.StudentId, StudentNumber = s.StudentNumber, ClassId = schoolYear == year ? s.ClassId : null,
                ClassName = schoolYear == year ? s.ClassName : null, GradeCode = grade, SchoolYear = schoolYear, ScreenedOn = day.AddDays(7), LeftAcuity = left,
                RightAcuity = right, LeftSphericalEquivalent = leftSe, RightSphericalEquivalent = rightSe, Glasses = false,
                PoorVision = vision.PoorVision(left, right), Myopic = vision.Myopic(left, right, leftSe, rightSe, false), Edition = vision.Edition,
                FileName = "demo", RecordedAt = now, RecordedBy = "demo",
            });
            visionCount++;
        }

        // A result drawn from the item's own table: a level (most students between 60 and 85 points, skill moving the
        // draw), then a value between that level's threshold and the next one up.
        double Draw(FitnessItem item, string key, double skill)
        {
            var table = item.Tables[key];
            var position = Math.Clamp(0.55 - skill + (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 0.45, 0, 0.999);
            var at = (int)(position * table.Length);
            while (table[at] is null)
            {
                at--;
            }
            var value = table[at]!.Value;
            var above = Enumerable.Range(0, at).Reverse().Select(i => table[i]).FirstOrDefault(v => v is not null) ?? value;
            var result = value + (above - value) * random.NextDouble() * 0.9;
            return item.Unit is "次" ? Math.Floor(result) : item.Unit is "ml" ? Math.Round(result) : Math.Round(result, 1);
        }

        // Height by grade and a BMI mostly in the normal band, some under, some over.
        (double Height, double Weight) Body(string grade, string gender)
        {
            var index = Array.IndexOf(Grades, grade);
            var height = 118 + index * 5.2 + (gender == "1" && index > 6 ? (index - 6) * 2 : 0) + (random.NextDouble() - 0.5) * 14;
            var roll = random.NextDouble();
            var bmi = 14.5 + index * 0.55 + (roll < 0.05 ? -2.5 : roll < 0.8 ? random.NextDouble() * 3 : roll < 0.92 ? 4.5 : 7.5);
            return (Math.Round(height, 1), Math.Round(bmi * Math.Pow(height / 100, 2), 1));
        }
    }

    /// <summary>The anchor school's counsellor screens grades 4–6 with the MHT; those at 重点关注 or above get a case.</summary>
    private async Task<int> MentalAsync(int year, DateOnly day, Random random, CancellationToken ct)
    {
        var anchor = await tree.FindAsync(DemoCityGenerator.AnchorSchoolCode, ct);
        var instrument = mental.Find("MHT");
        if (anchor is null || instrument is null)
        {
            return 0;
        }
        var days = await calendar.CurrentAsync(ct);
        var now = clock.GetUtcNow();
        var cases = new List<MentalCase>();
        foreach (var grade in instrument.Grades.Where(g => g.StartsWith('P')))
        {
            foreach (var s in (await roster.InGradeAsync(grade, ct)).Where(s => s.SchoolId == anchor.Id))
            {
                var roll = random.NextDouble();
                var score = roll < 0.03 ? 65 + random.Next(0, 15) : roll < 0.09 ? 56 + random.Next(0, 9) : 15 + random.Next(0, 40);
                var level = MentalRules.LevelOf(instrument, score, false);
                db.MentalScreenings.Add(new MentalScreening
                {
                    OrgUnitId = s.SchoolId, StudentId = s.StudentId, StudentNumber = s.StudentNumber, ClassName = s.ClassName, GradeCode = grade, SchoolYear = year,
                    ScreenedOn = day, Instrument = instrument.Code, Score = score, Level = level, RecordedAt = now, RecordedBy = "林晓",
                });
                if (level >= mental.CaseFrom)
                {
                    var opened = new MentalCase
                    {
                        OrgUnitId = s.SchoolId, StudentId = s.StudentId, StudentNumber = s.StudentNumber, ClassName = s.ClassName, GradeCode = grade, Level = level,
                        Stage = CaseStage.Identified, OpenedOn = day, NextFollowUpOn = days.AddWorkingDays(day, mental.FollowUpWorkingDays[level]), Open = true,
                        RecordedAt = now, RecordedBy = "林晓",
                    };
                    db.MentalCases.Add(opened);
                    cases.Add(opened);
                }
            }
        }
        await db.SaveChangesAsync(ct);
        if (cases.FirstOrDefault() is { } first)
        {
            // Three working days after the screening, or the screening's day when that is still ahead.
            var on = days.AddWorkingDays(day, 3) is var later && later <= CityDate.Today(clock) ? later : day;
            db.MentalCaseEntries.Add(new MentalCaseEntry
            {
                OrgUnitId = first.OrgUnitId, CaseId = first.Id, Stage = CaseStage.Intervention, On = on, Note = encryption.Encrypt("个别辅导一次：考试焦虑，学习放松训练，约定两周后再谈。"),
                RecordedAt = now, RecordedBy = "林晓",
            });
            first.Stage = CaseStage.Intervention;
            first.NextFollowUpOn = on.AddDays(14);
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
        return cases.Count;
    }

    private static readonly (string Code, string Name, string Category, string Level, int Capacity, string Address, double Lat, double Lon)[] DemoVenues =
    [
        ("QD-HJBWG", "中国人民解放军海军博物馆", "patriotic", "national", 120, "青岛市市南区莱阳路8号", 36.0577, 120.3292),
        ("QD-KJG", "青岛市科技馆", "science", "city", 200, "青岛市李沧区金水路1号", 36.1853, 120.4246),
        ("QD-BWG", "青岛市博物馆", "culture", "city", 150, "青岛市崂山区梅岭东路51号", 36.1011, 120.4652),
        ("QD-LDJD", "青岛市中小学生劳动实践基地", "labour", "city", 100, "青岛市即墨区鳌山卫街道", 36.3560, 120.6350),
        ("SN-SNQSNG", "市南区青少年宫", "culture", "district", 60, "青岛市市南区江西路", 36.0684, 120.3900),
    ];

    /// <summary>The demo's social classrooms: venues, three weekly sessions each, two past sessions and bookings, the demo parent's child's days.</summary>
    private async Task<int> PracticeAsync(CancellationToken ct)
    {
        var city = await tree.FindAsync(DemoCityGenerator.CityCode, ct);
        var shinan = await tree.FindAsync("370202", ct);
        var anchor = await tree.FindAsync(DemoCityGenerator.AnchorSchoolCode, ct);
        if (city is null || shinan is null || anchor is null)
        {
            return 0;
        }
        var today = CityDate.Today(clock);
        var now = clock.GetUtcNow();
        var venues = DemoVenues.Select(v => new Venue
        {
            Code = v.Code, Name = v.Name, Category = v.Category, Level = v.Level, StandardMet = true, Capacity = v.Capacity, Address = v.Address, Latitude = v.Lat,
            Longitude = v.Lon, OwnerUnitId = v.Level == "district" ? shinan.Id : city.Id, State = VenueState.Approved, ProposedBy = "demo", ApprovedBy = "demo",
            RecordedAt = now,
        }).ToList();
        venues.Add(new Venue
        {
            Code = "SN-BDG", Name = "八大关历史文化街区研学点", Category = "culture", Level = "district", StandardMet = true, Capacity = 40, Address = "青岛市市南区八大关",
            Latitude = 36.0528, Longitude = 120.3556, OwnerUnitId = shinan.Id, State = VenueState.Proposed, ProposedBy = "陈静", RecordedAt = now,
        });
        db.Venues.AddRange(venues);
        await db.SaveChangesAsync(ct);
        string Token() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var upcoming = venues.Where(v => v.State == VenueState.Approved).SelectMany(v => Enumerable.Range(1, 3).Select(w => new PracticeSession
        {
            VenueId = v.Id, Title = "周末实践课堂", Day = today.AddDays(7 * w), Starts = new TimeOnly(9, 0), Ends = new TimeOnly(11, 30), Capacity = v.Capacity,
            CheckInToken = Token(),
        })).ToList();
        var past = venues.Take(2).Select((v, i) => new PracticeSession
        {
            VenueId = v.Id, Title = "研学实践", Day = today.AddDays(-30 + 7 * i), Starts = new TimeOnly(9, 0), Ends = new TimeOnly(15, 0), Capacity = v.Capacity,
            CheckInToken = Token(),
        }).ToList();
        db.Sessions.AddRange(upcoming);
        db.Sessions.AddRange(past);
        await db.SaveChangesAsync(ct);

        // The anchor school booked a class into next week's science museum session.
        var science = upcoming.First(s => s.VenueId == venues[1].Id);
        science.Booked = 45;
        db.Bookings.Add(new PracticeBooking { SessionId = science.Id, OrgUnitId = anchor.Id, ClassName = "四年级1班", Places = 45, BookedAt = now, BookedBy = "陈静" });
        // The demo parent's child went twice with their school this term.
        var children = await moves.ChildrenOfGuardianAsync(DemoAccounts.ParentPhone, ct);
        var parent = await parents.FindByPhoneAsync(DemoAccounts.ParentPhone, ct);
        if (children is [var child, ..] && parent is not null)
        {
            foreach (var session in past)
            {
                session.Booked = 50;
                db.Bookings.Add(new PracticeBooking { SessionId = session.Id, OrgUnitId = child.SchoolId, ClassName = child.ClassName, Places = 50, BookedAt = now, BookedBy = "demo" });
                db.CheckIns.Add(new PracticeCheckIn
                {
                    SessionId = session.Id, OrgUnitId = child.SchoolId, ParentAccountId = parent.Id, StudentId = child.StudentId, Day = session.Day,
                    SchoolYear = HealthFile.SchoolYearOf(session.Day), CheckedAt = now,
                });
            }
        }
        await db.SaveChangesAsync(ct);

        // A study-travel base with two courses; the anchor school's trip waits for 市南区, an earlier one was approved.
        var study = new Venue
        {
            Code = "QD-YXJD", Name = "青岛海洋研学旅行基地", Category = rules.StudyTravel.Category, Level = "city", StandardMet = true, Capacity = 300,
            Address = "青岛市黄岛区滨海大道", Latitude = 35.9606, Longitude = 120.2087, OwnerUnitId = city.Id, State = VenueState.Approved, ProposedBy = "demo",
            ApprovedBy = "demo", RecordedAt = now,
        };
        db.Venues.Add(study);
        await db.SaveChangesAsync(ct);
        var courses = new[]
        {
            new StudyCourse { VenueId = study.Id, Title = "海洋生物与生态", Stage = "Primary", Days = 1, Summary = "潮间带生物观察、海洋保护主题课程", RecordedBy = "demo", RecordedAt = now },
            new StudyCourse { VenueId = study.Id, Title = "海防与航海文化", Stage = "JuniorSecondary", Days = 2, Summary = "参观海军博物馆，学习航海与海防历史", RecordedBy = "demo", RecordedAt = now },
        };
        db.StudyCourses.AddRange(courses);
        await db.SaveChangesAsync(ct);
        const string plan = "路线：学校—滨海大道—基地，全程由有资质的客运公司承运；全员购买研学意外险；每车配带队教师2名、安全员1名；应急联系人：带队校长及基地安全主管；遇恶劣天气取消或改期，突发伤病就近送医并报告区教体局。";
        db.StudyTrips.Add(new StudyTrip
        {
            OrgUnitId = anchor.Id, CourseId = courses[0].Id, Day = today.AddDays(21), Days = 1, Students = 90, Teachers = 6, Transport = "包车（3辆）",
            SafetyPlan = plan, State = TripState.Submitted, SubmittedBy = "陈静", SubmittedAt = now,
        });
        db.StudyTrips.Add(new StudyTrip
        {
            OrgUnitId = anchor.Id, CourseId = courses[0].Id, Day = today.AddDays(-40), Days = 1, Students = 45, Teachers = 3, Transport = "包车（1辆）",
            SafetyPlan = plan, State = TripState.Done, ReviewedBy = "李敏", ReviewedAt = now, SubmittedBy = "陈静", SubmittedAt = now,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return venues.Count + 1;
    }

    private static readonly (string Item, string Title, int? Quantity)[] DemoEntries =
    [
        ("books", "课外阅读", 8), ("books", "寒暑假阅读", 12), ("poems", "古诗词背诵", 10), ("sport", "学会游泳", null), ("art", "参加学校合唱团", null),
        ("volunteer", "社区敬老院志愿服务", null), ("labour", "学会整理房间、洗碗", null), ("science", "参加“快乐科技秀”小发明", null),
        ("writing", "硬笔书法练习", null), ("habit", "坚持每天早睡早起", null),
    ];

    private static readonly string[] DemoComments =
    [
        "学习认真，乐于助人，课外阅读积累丰富。", "积极参加集体活动，劳动习惯好，继续加强体育锻炼。", "思维活跃，动手能力强，书写还需更工整。",
        "待人有礼，坚持阅读，期待在艺术方面有更多尝试。",
    ];

    /// <summary>Growth records for a few classes: this term's entries, last term's entries confirmed with comments; the demo child's evidence.</summary>
    private async Task<int> RecordsAsync(Random random, CancellationToken ct)
    {
        var anchor = await tree.FindAsync(DemoCityGenerator.AnchorSchoolCode, ct);
        if (anchor is null)
        {
            return 0;
        }
        var today = CityDate.Today(clock);
        var now = clock.GetUtcNow();
        var (year, term) = records.TermOf(today);
        var termStart = records.TermStart(year, term);
        var lastDay = termStart.AddDays(-60);
        var (lastYear, lastTerm) = records.TermOf(lastDay);
        var classIds = (await moves.ClassesAsync(anchor.Id, ct)).OrderBy(c => c.ClassId).Take(4).Select(c => c.ClassId).ToList();
        var children = await moves.ChildrenOfGuardianAsync(DemoAccounts.ParentPhone, ct);
        if (children is [{ ClassId: { } childClass }, ..] && !classIds.Contains(childClass))
        {
            classIds.Add(childClass);
        }
        var count = 0;
        foreach (var classId in classIds)
        {
            foreach (var pupil in await roster.InClassAsync(classId, ct))
            {
                foreach (var (day, y, tm) in new[] { (lastDay.AddDays(-random.Next(0, 40)), lastYear, lastTerm), (Within(termStart, today), year, term) })
                {
                    foreach (var (item, title, quantity) in DemoEntries.OrderBy(_ => random.Next()).Take(random.Next(2, 5)))
                    {
                        db.Entries.Add(new GrowthEntry
                        {
                            OrgUnitId = pupil.SchoolId, StudentId = pupil.StudentId, StudentNumber = pupil.StudentNumber, ClassId = classId, SchoolYear = y, Term = tm,
                            Area = records.Item(item)!.Area, ItemCode = item, Quantity = quantity is { } q ? q + random.Next(0, 6) : null, Title = title, OccurredOn = day,
                            RecordedBy = "周婷", RecordedAt = now,
                        });
                        count++;
                    }
                }
                db.Confirmations.Add(new TermConfirmation
                {
                    OrgUnitId = pupil.SchoolId, StudentId = pupil.StudentId, ClassId = classId, SchoolYear = lastYear, Term = lastTerm,
                    Comment = DemoComments[random.Next(DemoComments.Length)], ConfirmedBy = "陈静", ConfirmedAt = now,
                });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        var parent = await parents.FindByPhoneAsync(DemoAccounts.ParentPhone, ct);
        if (children is [var child, ..] && parent is not null)
        {
            GrowthEvidence Evidence(string item, string title, int? quantity, EvidenceState state, DateOnly day) => new()
            {
                OrgUnitId = child.SchoolId, ParentAccountId = parent.Id, StudentId = child.StudentId, StudentNumber = child.StudentNumber, ClassId = child.ClassId,
                SchoolYear = year, Term = term, Area = records.Item(item)!.Area, ItemCode = item, Quantity = quantity, Title = title, OccurredOn = day, State = state,
                SentAt = now, ReviewedBy = state == EvidenceState.Accepted ? "周婷" : null, ReviewedAt = state == EvidenceState.Accepted ? now : null,
            };
            db.Evidence.Add(Evidence("books", "亲子共读记录", 6, EvidenceState.Accepted, Within(termStart, today)));
            db.Evidence.Add(Evidence("volunteer", "海滩清洁志愿活动", null, EvidenceState.Pending, today));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return count;

        DateOnly Within(DateOnly from, DateOnly to) => from >= to ? to : from.AddDays(random.Next(0, to.DayNumber - from.DayNumber + 1));
    }

    private static readonly string[] DemoCircumstances =
    [
        "父母均在外省务工，与祖父母同住", "父亲在外地务工，母亲在本市打工，周末回家", "父母在青岛市区务工，由外祖母照看", "父母均在外务工，寄住在姑姑家",
    ];

    private static readonly (ContactKind Kind, string Note)[] DemoContacts =
    [
        (ContactKind.HomeVisit, "家访：了解生活学习情况，祖父母照料尽心"), (ContactKind.FamilyCall, "在关爱室与父母视频通话"),
        (ContactKind.Talk, "谈心：近期情绪稳定，作业按时完成"), (ContactKind.PhoneCall, "电话联系父亲，反馈期中考试情况"),
    ];

    /// <summary>Care rooms and ledgers for the schools with left-behind children (eight schools at most, to keep the seed short).</summary>
    private async Task<(int Rooms, int Ledgers)> CareAsync(Random random, CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        var now = clock.GetUtcNow();
        var schools = (await registry.HeadcountsAsync(ct)).GroupBy(h => h.SchoolId).Select(g => (School: g.Key, LeftBehind: g.Sum(h => h.LeftBehind)))
            .Where(s => s.LeftBehind > 0).OrderByDescending(s => s.LeftBehind).ThenBy(s => s.School).Take(8).ToList();
        int rooms = 0, ledgers = 0;
        foreach (var (school, i) in schools.Select((s, i) => (s.School, i)))
        {
            // Every school but one in four has its room.
            if (i % 4 != 3)
            {
                var room = new CareRoom
                {
                    OrgUnitId = school, Name = "留守儿童关爱室", Facilities = "亲情电话、视频设备、图书角、作业辅导桌", Keeper = "关爱室管理教师",
                    OpenedOn = today.AddDays(-400 - random.Next(0, 300)), RecordedBy = "demo", RecordedAt = now,
                };
                db.CareRooms.Add(room);
                await db.SaveChangesAsync(ct);
                for (var w = 1; w <= 6; w++)
                {
                    db.CareRoomUses.Add(new CareRoomUse
                    {
                        RoomId = room.Id, OrgUnitId = school, Day = today.AddDays(-7 * w + random.Next(0, 3)), Children = random.Next(4, 15),
                        Activity = w % 2 == 0 ? "亲情视频通话" : "课业辅导与阅读", RecordedBy = "demo", RecordedAt = now,
                    });
                }
                rooms++;
            }
            foreach (var (child, k) in (await roster.FlaggedAsync(school, StudentFlag.LeftBehind, ct)).Select((c, k) => (c, k)))
            {
                // Most children have a ledger; the last few of each school are still to be opened.
                if (k % 5 == 4)
                {
                    continue;
                }
                var ledger = new CareLedger
                {
                    OrgUnitId = school, StudentId = child.StudentId, StudentNumber = child.StudentNumber, CaringTeacher = (child.ClassName ?? "") + "班主任",
                    Circumstances = encryption.Encrypt(DemoCircumstances[random.Next(DemoCircumstances.Length)]), OpenedOn = today.AddDays(-200), RecordedBy = "demo",
                    RecordedAt = now,
                };
                db.CareLedgers.Add(ledger);
                await db.SaveChangesAsync(ct);
                // A contact a month or so; one child in six has gone longer than the rule's month without one.
                var last = k % 6 == 5 ? 45 : random.Next(3, 25);
                foreach (var back in new[] { last, last + 35, last + 70 })
                {
                    var (kind, note) = DemoContacts[random.Next(DemoContacts.Length)];
                    db.CareContacts.Add(new CareContact
                    {
                        LedgerId = ledger.Id, OrgUnitId = school, Day = today.AddDays(-back), Kind = kind, Note = encryption.Encrypt(note), RecordedBy = "demo",
                        RecordedAt = now,
                    });
                }
                ledgers++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return (rooms, ledgers);
    }

    /// <summary>Home-teaching plans for the first children with a disability of the schools that have any (five at most).</summary>
    private async Task<int> HomeTeachingAsync(Random random, CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        var now = clock.GetUtcNow();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var plans = 0;
        foreach (var school in (await tree.OfKindAsync([OrgUnitKind.School], null, ct)).OrderBy(s => s.Code, StringComparer.Ordinal))
        {
            if (plans >= 5)
            {
                break;
            }
            if (await roster.FlaggedAsync(school.Id, StudentFlag.Disability, ct) is not [var child, ..])
            {
                continue;
            }
            var plan = new HomeTeachingPlan
            {
                OrgUnitId = school.Id, StudentId = child.StudentId, StudentNumber = child.StudentNumber,
                Reason = encryption.Encrypt(plans % 2 == 0 ? "肢体残疾二级，行动不便，无法到校" : "脑瘫伴智力残疾，需居家康复"), Teachers = "送教小组（语文、数学、康复教师）",
                VisitsPerMonth = 2, HoursPerVisit = 2, StartsOn = thisMonth.AddMonths(-4), RecordedBy = "demo", RecordedAt = now,
            };
            db.HomeTeachingPlans.Add(plan);
            await db.SaveChangesAsync(ct);
            // Two visits a month for four months, except one plan that fell short last month.
            for (var m = 4; m >= 0; m--)
            {
                var month = thisMonth.AddMonths(-m);
                var count = m == 0 ? (today.Day > 10 ? 1 : 0) : m == 1 && plans == 1 ? 1 : 2;
                for (var v = 0; v < count; v++)
                {
                    db.HomeTeachingVisits.Add(new HomeTeachingVisit
                    {
                        PlanId = plan.Id, OrgUnitId = school.Id, Day = month.AddDays(3 + 12 * v + random.Next(0, 3)), Teachers = "语文、康复教师", Hours = 2,
                        Content = v == 0 ? "识字与阅读，手部精细动作训练" : "数的认识，生活自理能力训练", RecordedBy = "demo", RecordedAt = now,
                    });
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            plans++;
        }
        return plans;
    }
}
