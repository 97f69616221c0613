using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Ethics;
using Qedu.Teachers.Features.Reports;
using Qedu.Teachers.Rotation;
using Qedu.Teachers.Rules;

namespace Qedu.Teachers.DemoData;

/// <summary>
/// The teachers' part of the demo city, from the registry's staff: a certificate for every full-time teacher (its type
/// from the school's stage, registered every five years, a few past due and some falling due within the window), the
/// title history behind each current title, backbone teachers at school, district and city level, a few honours, two
/// studios with members, this year's establishment quota for every school (some short of posts, some over), and two
/// reports on the public channel: one just received (with a sealed contact), one concluded as not upheld; last year's
/// ethics reviews, confirmed (one 不合格, whose bar is in force), and this year's begun at one school.
/// </summary>
internal sealed class TeachersDemoSeedStep(
    TeachersDb db, IStaffDirectory directory, OrgTree tree, CodeBook codes, TeacherRules rules, EthicsBars bars, ReportChannel reports, RotationDue due,
    RotationMoves rotation, TimeProvider clock)
    : IDemoSeedStep
{
    private const int Batch = 5_000;
    private static readonly string[] Honours = ["优秀教师", "优秀班主任", "教学能手", "师德标兵", "优秀教育工作者"];
    private static readonly string[] Subjects = ["语文", "数学", "英语"];

    public int Order => 80;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (await db.Certificates.AnyAsync(ct))
        {
            return;
        }
        var schools = (await tree.OfKindAsync([OrgUnitKind.School], null, ct)).Where(s => s.ClosedOn is null).ToDictionary(s => s.Id);
        var staff = await directory.AtSchoolsAsync(schools.Keys, ct);
        if (staff.Count == 0)
        {
            return;
        }
        var random = new Random(context.Seed * 41 + 7);
        var today = CityDate.Today(clock);
        var now = clock.GetUtcNow();
        var teachers = staff.Where(s => s.PostCode == StaffCodes.FullTimeTeacher).ToList();
        var teacherById = teachers.ToDictionary(t => t.StaffId);

        // Certificates first (registrations name them), in batches so the city's tens of thousands stay in bounds.
        var certificates = new List<Certificate>(teachers.Count);
        foreach (var chunk in teachers.Chunk(Batch))
        {
            var rows = chunk.Select(t => Certificate(t, schools[t.SchoolId], random, today, now)).ToList();
            db.Certificates.AddRange(rows);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            certificates.AddRange(rows);
        }
        foreach (var chunk in certificates.Chunk(Batch))
        {
            db.Registrations.AddRange(chunk.SelectMany(c => Registrations(c, random, today, now)));
            db.Titles.AddRange(chunk.SelectMany(c => Titles(teacherById[c.StaffId], c, random, today, now)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        var backbone = new List<BackboneAward>();
        foreach (var t in teachers)
        {
            var draw = random.NextDouble();
            var level = draw < 0.02 ? RecognitionLevel.City : draw < 0.07 ? RecognitionLevel.District : draw < 0.19 ? RecognitionLevel.School : (RecognitionLevel?)null;
            if (level is { } l)
            {
                var from = new DateOnly(today.Year - 1 - random.Next(3), 9, 1);
                backbone.Add(new BackboneAward
                {
                    OrgUnitId = t.SchoolId, StaffId = t.StaffId, Level = l, AwardedBy = AwardedBy(l, schools[t.SchoolId]), From = from, To = from.AddYears(3).AddDays(-1),
                    RecordedAt = now, RecordedBy = "demo",
                });
            }
            if (random.NextDouble() < 0.05)
            {
                var honourLevel = (RecognitionLevel)(1 + random.Next(3));
                db.Honours.Add(new Honour
                {
                    OrgUnitId = t.SchoolId, StaffId = t.StaffId, Name = Honours[random.Next(Honours.Length)], Level = honourLevel,
                    AwardedBy = AwardedBy(honourLevel, schools[t.SchoolId]), AwardedOn = new DateOnly(today.Year - random.Next(5), 9, 10), RecordedAt = now, RecordedBy = "demo",
                });
            }
        }
        db.Backbone.AddRange(backbone);
        await db.SaveChangesAsync(ct);
        await StudiosAsync(backbone, teachers, random, now, ct);
        await EstablishmentAsync(schools.Values, staff, random, today.Year, now, ct);
        await ReportsAsync(schools.Values.OrderBy(s => s.Code, StringComparer.Ordinal).First(), today, ct);
        await EthicsAsync(teachers, random, today, now, ct);
        var hours = await TrainingAsync(teachers, schools, random, today, now, ct);
        var moves = await RotationAsync(schools, today, now, ct);
        context.Progress?.Report($"teachers: {certificates.Count} certificates, {backbone.Count} backbone teachers, this year's quotas for {schools.Count} schools, {teachers.Count} ethics reviews, 2 reports, {hours} lines of training hours, {moves} rotation moves");
    }

    /// <summary>
    /// Last year's ethics reviews, every one graded and confirmed (mostly 合格 and 优秀, a few 基本合格, one 不合格 with its
    /// bar), and this year's begun at the first school: graded, not yet confirmed.
    /// </summary>
    private async Task EthicsAsync(List<StaffMember> teachers, Random random, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var lastYear = today.Year - 1;
        var confirmedAt = new DateTimeOffset(lastYear, 12, 20, 2, 0, 0, TimeSpan.Zero);
        var unqualified = teachers.Count > 10 ? teachers[teachers.Count / 2].StaffId : (long?)null;
        foreach (var chunk in teachers.Chunk(Batch))
        {
            db.EthicsReviews.AddRange(chunk.Select(t =>
            {
                var draw = random.NextDouble();
                var grade = t.StaffId == unqualified ? EthicsGrade.Unqualified : draw < 0.2 ? EthicsGrade.Excellent : draw < 0.98 ? EthicsGrade.Qualified : EthicsGrade.BasicallyQualified;
                return new EthicsReview
                {
                    OrgUnitId = t.SchoolId, StaffId = t.StaffId, Year = lastYear, Grade = grade,
                    Comment = grade switch { EthicsGrade.Unqualified => "违规组织有偿补课，经查属实。", EthicsGrade.BasicallyQualified => "与家长沟通方式欠妥，已谈话提醒。", _ => null },
                    ReviewedBy = "demo", ReviewedAt = confirmedAt.AddDays(-10), ConfirmedBy = "demo", ConfirmedAt = confirmedAt, Revision = 2,
                };
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        if (unqualified is { } barred)
        {
            var teacher = teachers.Find(t => t.StaffId == barred)!;
            db.EthicsBars.Add(bars.New(barred, teacher.SchoolId, EthicsBarReason.UnqualifiedReview, lastYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
                CityDate.Of(confirmedAt), now, "demo"));
        }
        var first = teachers.Select(t => t.SchoolId).DefaultIfEmpty().Min();
        db.EthicsReviews.AddRange(teachers.Where(t => t.SchoolId == first).Take(teachers.Count(t => t.SchoolId == first) / 2).Select(t => new EthicsReview
        {
            OrgUnitId = t.SchoolId, StaffId = t.StaffId, Year = today.Year, Grade = random.NextDouble() < 0.25 ? EthicsGrade.Excellent : EthicsGrade.Qualified,
            ReviewedBy = "demo", ReviewedAt = now.AddDays(-2), Revision = 1,
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The training catalogue and this cycle's hours: the seed's 100 providers and 200 city courses (most ended and closed,
    /// a few running, some to come), two district courses and a school's; every teacher a share of the hours the cycle
    /// expects by now, some well ahead, about one in seven behind, from closed courses (enrolled and credited), providers'
    /// files and school-based study; a running course with attendance kept, and one ended but not yet closed.
    /// </summary>
    private async Task<int> TrainingAsync(List<StaffMember> teachers, Dictionary<int, OrgUnit> schools, Random random, DateOnly today, DateTimeOffset now,
        CancellationToken ct)
    {
        if (await tree.OfKindAsync([OrgUnitKind.City], null, ct) is not [var city, ..] || teachers.Count == 0)
        {
            return 0;
        }
        string[] prefixes = ["青岛", "山东", "海大", "青大", "崂山", "黄海", "蓝海", "启航", "明德", "博雅"];
        string[] suffixes = ["教师发展中心", "教育研究院", "培训学院", "教育科技有限公司", "研修中心", "继续教育学院", "师资培训中心", "教育咨询中心", "学习研究所", "名师学堂"];
        var providers = Enumerable.Range(0, 100).Select(i => new TrainingProvider
        {
            Code = $"P{i + 1:D3}", Name = prefixes[i / 10] + suffixes[i % 10], OwnerUnitId = city.Id, RecordedAt = now, RecordedBy = "demo",
        }).ToList();
        db.Providers.AddRange(providers);
        await db.SaveChangesAsync(ct);

        var categories = rules.Training.Categories.Where(c => c.Counts && c.Code != "SchoolBased").Select(c => c.Code).ToArray();
        double[] lengths = [6, 8, 12, 16, 24, 30, 40];
        var cycleFrom = rules.Training.CycleOf(today).From;
        var span = Math.Max(30, today.DayNumber - cycleFrom.DayNumber);
        var courses = Enumerable.Range(0, 200).Select(i =>
        {
            // 150 ended in the cycle so far, 10 running now, 40 still to come.
            var starts = i < 150 ? cycleFrom.AddDays(random.Next(span - 20)) : i < 160 ? today.AddDays(-random.Next(3, 20)) : today.AddDays(random.Next(10, 200));
            var hours = lengths[random.Next(lengths.Length)];
            var category = categories[i % categories.Length];
            return new TrainingCourse
            {
                Code = $"C{today.Year}-{i + 1:D3}", ProviderId = providers[i % providers.Count].Id, Title = CourseTitle(category, i), Category = category, Hours = hours,
                Sessions = (int)Math.Max(2, hours / 3), Capacity = 60, StartsOn = starts, EndsOn = i is >= 150 and < 160 ? today.AddDays(random.Next(5, 40)) : starts.AddDays(7 + random.Next(30)),
                Online = i % 3 == 0, OwnerUnitId = city.Id, RecordedAt = now, RecordedBy = "demo",
            };
        }).ToList();
        // Whatever ended before today is closed, except one left for its owner to close.
        foreach (var c in courses.Where(c => c.EndsOn >= today && c.StartsOn <= today).Skip(5))
        {
            (c.StartsOn, c.EndsOn) = (today.AddDays(-30), today.AddDays(-2));
        }
        var firstSchool = schools[teachers[0].SchoolId];
        var district = firstSchool.ParentId is { } d ? await tree.FindAsync(d, ct) : null;
        if (district is not null)
        {
            courses.Add(new TrainingCourse
            {
                Code = $"D{today.Year}-001", ProviderId = providers[0].Id, Title = "区域教研：新课标下的大单元教学", Category = "Pedagogy", Hours = 12, Sessions = 4, Capacity = 40,
                StartsOn = today.AddDays(14), EndsOn = today.AddDays(45), OwnerUnitId = district.Id, RecordedAt = now, RecordedBy = "demo",
            });
        }
        courses.Add(new TrainingCourse
        {
            Code = $"S{today.Year}-001", ProviderId = providers[1].Id, Title = "校本研修：课堂观察与听评课", Category = "SchoolBased", Hours = 8, Sessions = 4, Capacity = 30,
            StartsOn = today.AddDays(7), EndsOn = today.AddDays(60), OwnerUnitId = firstSchool.Id, RecordedAt = now, RecordedBy = "demo",
        });
        db.Courses.AddRange(courses);
        await db.SaveChangesAsync(ct);
        var ended = courses.Where(c => c.EndsOn < today && c.OwnerUnitId == city.Id).ToList();
        var unclosed = ended.MaxBy(c => c.EndsOn)!;
        var running = courses.Where(c => c.StartsOn <= today && c.EndsOn >= today).ToList();

        var expected = rules.Training.Owed(rules.Training.CycleOf(today), null, today).Expected;
        var enrolled = new Dictionary<long, int>();
        var lines = 0;
        foreach (var chunk in teachers.Chunk(Batch))
        {
            foreach (var t in chunk)
            {
                // About one teacher in seven behind pace; the rest around or well past what the cycle expects by now.
                var goal = random.NextDouble() < 0.14 ? expected * random.NextDouble() * 0.8 : expected * (0.9 + random.NextDouble());
                double total = 0;
                var taken = new HashSet<long>();
                while (total < goal - 4 && taken.Count < 6 && ended.Count > 0)
                {
                    var course = ended[random.Next(ended.Count)];
                    if (!taken.Add(course.Id))
                    {
                        continue;
                    }
                    var viaCourse = random.NextDouble() < 0.5 || course == unclosed;
                    if (viaCourse)
                    {
                        db.Enrolments.Add(new TrainingEnrolment
                        {
                            OrgUnitId = t.SchoolId, CourseId = course.Id, StaffId = t.StaffId, EnrolledAt = now, EnrolledBy = "demo",
                            State = course == unclosed ? EnrolmentState.Enrolled : EnrolmentState.Completed,
                            SessionsAttended = course == unclosed ? random.Next(course.Sessions + 1) : course.Sessions,
                        });
                        enrolled[course.Id] = enrolled.GetValueOrDefault(course.Id) + 1;
                        if (course == unclosed)
                        {
                            continue;
                        }
                    }
                    db.Hours.Add(new TrainingHours
                    {
                        OrgUnitId = t.SchoolId, StaffId = t.StaffId, CourseId = course.Id, Title = course.Title, Category = course.Category, Hours = course.Hours,
                        CompletedOn = course.EndsOn, Source = viaCourse ? HoursSource.Course : HoursSource.ProviderFile,
                        FileName = viaCourse ? null : $"{course.Code}-hours.csv", RecordedAt = now, RecordedBy = "demo",
                    });
                    total += course.Hours;
                    lines++;
                }
                if (random.NextDouble() < 0.7)
                {
                    db.Hours.Add(new TrainingHours
                    {
                        OrgUnitId = t.SchoolId, StaffId = t.StaffId, Title = "校本研修：集体备课与教研活动", Category = "SchoolBased", Hours = 2 * (1 + random.Next(8)),
                        CompletedOn = cycleFrom.AddDays(random.Next(span)), Source = HoursSource.School, RecordedAt = now, RecordedBy = "demo",
                    });
                    lines++;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        // A running course with attendance kept so far, for the first school's teachers.
        if (running is [var now1, ..])
        {
            foreach (var t in teachers.Where(t => t.SchoolId == firstSchool.Id).Take(20))
            {
                db.Enrolments.Add(new TrainingEnrolment
                {
                    OrgUnitId = t.SchoolId, CourseId = now1.Id, StaffId = t.StaffId, EnrolledAt = now, EnrolledBy = "demo", SessionsAttended = random.Next(3),
                });
                enrolled[now1.Id] = enrolled.GetValueOrDefault(now1.Id) + 1;
            }
        }
        foreach (var course in await db.Courses.ToListAsync(ct))
        {
            course.Enrolled = enrolled.GetValueOrDefault(course.Id);
            course.Capacity = Math.Max(course.Capacity, course.Enrolled + 20);
            course.CompletedAt = course.EndsOn < today && course.Id != unclosed.Id && course.OwnerUnitId == city.Id ? now : null;
        }
        await db.SaveChangesAsync(ct);
        return lines;
    }

    /// <summary>
    /// A rotation plan in one district (not the anchor school's, whose demo accounts teach their own classes): two moves made
    /// this school year (towards rural schools where the district has them), and next year's plan under way — two proposed,
    /// one approved.
    /// </summary>
    private async Task<int> RotationAsync(Dictionary<int, OrgUnit> schools, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var anchorDistrict = schools.Values.FirstOrDefault(s => s.Code == DemoCityGenerator.AnchorSchoolCode)?.ParentId;
        var district = schools.Values.Where(s => s.ParentId is not null && s.ParentId != anchorDistrict).GroupBy(s => s.ParentId!.Value)
            .Where(g => g.Count() >= 2).OrderBy(g => g.Key).Select(g => g.ToList()).FirstOrDefault();
        if (district is null)
        {
            return 0;
        }
        bool Urban(OrgUnit school) => codes.IsUrban(school.UrbanRuralCode) == true;
        OrgUnit Target(OrgUnit from, int i)
        {
            var others = district.Where(s => s.Id != from.Id).OrderBy(s => Urban(s)).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
            return others[i % others.Count];
        }
        var ids = district.Select(s => s.Id).ToList();
        var count = 0;
        var thisYear = await due.DueAsync(ids, today.Year, ct);
        var made = new HashSet<long>();
        foreach (var (d, i) in thisYear.OrderByDescending(d => d.Years).ThenBy(d => d.Member.StaffId).Take(2).Select((d, i) => (d, i)))
        {
            var from = schools[d.Member.SchoolId];
            var to = Target(from, i);
            var move = Move(d, from, to, today.Year, new DateOnly(today.Year, 9, 1) <= today ? new DateOnly(today.Year, 9, 1) : today, Urban(from) && !Urban(to), now);
            (move.State, move.DecidedBy, move.DecidedAt) = (RotationState.Approved, "demo", now);
            db.RotationMoves.Add(move);
            await db.SaveChangesAsync(ct);
            if (await rotation.ApplyAsync(move.Id, ct))
            {
                made.Add(d.Member.StaffId);
                count++;
            }
        }
        var nextYear = today.Year + 1;
        var planned = (await due.DueAsync(ids, nextYear, ct)).Where(d => !made.Contains(d.Member.StaffId))
            .OrderByDescending(d => d.Backbone).ThenByDescending(d => d.Years).ThenBy(d => d.Member.StaffId).Take(3).ToList();
        foreach (var (d, i) in planned.Select((d, i) => (d, i)))
        {
            var from = schools[d.Member.SchoolId];
            var to = Target(from, i + 1);
            var move = Move(d, from, to, nextYear, new DateOnly(nextYear, 9, 1), Urban(from) && !Urban(to), now);
            if (i == 0)
            {
                (move.State, move.DecidedBy, move.DecidedAt) = (RotationState.Approved, "demo", now);
            }
            db.RotationMoves.Add(move);
            count++;
        }
        await db.SaveChangesAsync(ct);
        return count;
    }

    private static RotationMove Move(DueStaff d, OrgUnit from, OrgUnit to, int year, DateOnly effective, bool urbanToRural, DateTimeOffset now) => new()
    {
        OrgUnitId = from.Id, DistrictId = from.ParentId!.Value, Year = year, StaffId = d.Member.StaffId, ToSchoolId = to.Id, EffectiveOn = effective,
        Backbone = d.Backbone, UrbanToRural = urbanToRural, ProposedBy = "demo", ProposedAt = now,
    };

    private static string CourseTitle(string category, int i)
    {
        string[] topics = category switch
        {
            "Ethics" => ["新时代师德师风建设", "教师职业行为十项准则解读", "依法执教与学生权益保护"],
            "Subject" => ["学科核心素养与课程标准", "跨学科主题学习设计", "学科前沿与教材分析"],
            "Pedagogy" => ["大单元教学设计", "作业设计与减负增效", "课堂评价与差异化教学"],
            "InformationTechnology" => ["信息技术应用能力提升工程2.0", "智慧课堂与数据驱动教学", "微课设计与制作"],
            "MentalHealth" => ["中小学生心理健康教育", "班主任心理辅导技能", "校园危机干预"],
            _ => ["教育专题讲座"],
        };
        return $"{topics[i % topics.Length]}（第{(i / topics.Length) + 1}期）";
    }

    /// <summary>Two reports filed through the channel itself (so routed and limited as any), the second then concluded.</summary>
    private async Task ReportsAsync(OrgUnit school, DateOnly today, CancellationToken ct)
    {
        await reports.FileAsync(new NewReport(nameof(ReportKind.PaidTutoring), school.Name, "李老师",
            "李老师在周末组织本班学生到校外培训机构补课，每人每月收费800元，并暗示不参加会影响座位安排。", "13800000000"), [], ct);
        var filed = await reports.FileAsync(new NewReport(nameof(ReportKind.Misconduct), school.Name, null,
            "有老师在课堂上多次用侮辱性语言批评学生。", null), [], ct);
        if (filed.Value is { } second && await db.Reports.SingleOrDefaultAsync(r => r.Number == second.Number, ct) is { } report)
        {
            (report.State, report.AcknowledgedOn, report.InvestigatedOn, report.ConcludedOn) = (ReportState.Concluded, today, today, today);
            (report.Conclusion, report.PublicConclusion) = (ReportConclusion.NotUpheld, "经调查走访，未发现所反映的情况，已提醒学校加强师德教育。");
            db.ReportEntries.Add(new ReportEntry
            {
                CaseId = report.Id, OrgUnitId = report.OrgUnitId, At = clock.GetUtcNow(), Handler = "demo", Text = "已约谈学校负责人并走访学生家长。", Public = false,
            });
            await db.SaveChangesAsync(ct);
        }
    }

    private Certificate Certificate(StaffMember teacher, OrgUnit school, Random random, DateOnly today, DateTimeOffset now)
    {
        var type = codes.StagesOf(school.SchoolTypeCode) switch
        {
            [Stage.Preschool, ..] => CertificateType.Kindergarten,
            [Stage.Primary, ..] => CertificateType.Primary,
            [Stage.JuniorSecondary, ..] => CertificateType.JuniorSecondary,
            [Stage.Vocational, ..] => CertificateType.VocationalSubject,
            _ => CertificateType.SeniorSecondary,
        };
        var hired = teacher.HiredOn ?? today.AddYears(-3 - random.Next(20));
        var issued = hired.AddDays(-random.Next(60, 400));
        return new Certificate
        {
            OrgUnitId = teacher.SchoolId, StaffId = teacher.StaffId, Type = type, Subject = type == CertificateType.Kindergarten ? null : teacher.MainSubject ?? "语文",
            Number = $"{issued.Year}37{teacher.StaffId:D10}", IssuedOn = issued, RecordedAt = now, RecordedBy = "demo",
        };
    }

    /// <summary>Every cycle since issue registered on time, except about one certificate in twelve, whose last is missing (past due).</summary>
    private IEnumerable<CertificateRegistration> Registrations(Certificate certificate, Random random, DateOnly today, DateTimeOffset now)
    {
        var skipLast = random.NextDouble() < 0.08;
        var due = rules.NextRegistrationDue(certificate.IssuedOn, null);
        var dates = new List<DateOnly>();
        while (due <= today)
        {
            dates.Add(due.AddDays(-random.Next(10, 90)));
            due = rules.NextRegistrationDue(certificate.IssuedOn, dates[^1]);
        }
        if (skipLast && dates.Count > 0)
        {
            dates.RemoveAt(dates.Count - 1);
        }
        return dates.Select(on => new CertificateRegistration
        {
            OrgUnitId = certificate.OrgUnitId, CertificateId = certificate.Id, StaffId = certificate.StaffId, RegisteredOn = on, RecordedAt = now, RecordedBy = "demo",
        });
    }

    /// <summary>The current title from some years after hire; a third of the titled also held the title below it before.</summary>
    private static IEnumerable<TitleRecord> Titles(StaffMember teacher, Certificate certificate, Random random, DateOnly today, DateTimeOffset now)
    {
        if (teacher.TitleCode is not { } code || code == "9")
        {
            yield break;
        }
        var hired = teacher.HiredOn ?? certificate.IssuedOn;
        var from = hired.AddYears(1 + random.Next(8));
        if (from > today)
        {
            from = today.AddDays(-random.Next(30, 365));
        }
        if (int.TryParse(code, out var rank) && rank < 5 && random.NextDouble() < 0.33 && from.AddYears(-5) > hired)
        {
            var before = from.AddYears(-5);
            yield return new TitleRecord
            {
                OrgUnitId = teacher.SchoolId, StaffId = teacher.StaffId, TitleCode = (rank + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), From = before,
                To = from, RecordedAt = now, RecordedBy = "demo",
            };
        }
        yield return new TitleRecord { OrgUnitId = teacher.SchoolId, StaffId = teacher.StaffId, TitleCode = code, From = from, RecordedAt = now, RecordedBy = "demo" };
    }

    /// <summary>Two studios hosted by city backbone teachers (or the first backbone teachers there are), each with up to six members.</summary>
    private async Task StudiosAsync(List<BackboneAward> backbone, List<StaffMember> teachers, Random random, DateTimeOffset now, CancellationToken ct)
    {
        var hosts = backbone.OrderByDescending(b => b.Level).Take(2).ToList();
        foreach (var (host, i) in hosts.Select((h, i) => (h, i)))
        {
            var teacher = teachers.Find(t => t.StaffId == host.StaffId)!;
            var kind = i == 0 ? StudioKind.Teacher : StudioKind.Principal;
            var studio = new Studio
            {
                OrgUnitId = host.OrgUnitId, Kind = kind, Level = host.Level, Name = $"{teacher.Name}{(kind == StudioKind.Teacher ? "名师工作室" : "名校长工作室")}", HostStaffId = host.StaffId,
                From = host.From, RecordedAt = now, RecordedBy = "demo",
            };
            db.Studios.Add(studio);
            await db.SaveChangesAsync(ct);
            var members = teachers.Where(t => t.StaffId != host.StaffId && t.MainSubject == teacher.MainSubject).OrderBy(_ => random.Next()).Take(6);
            db.StudioMembers.AddRange(members.Select(m => new StudioMember { OrgUnitId = m.SchoolId, StudioId = studio.Id, StaffId = m.StaffId, From = studio.From.AddMonths(1) }));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>This year's quota for every school: its established staff give or take a few, and for the three main subjects.</summary>
    private async Task EstablishmentAsync(IEnumerable<OrgUnit> schools, IReadOnlyList<StaffMember> staff, Random random, int year, DateTimeOffset now, CancellationToken ct)
    {
        var established = staff.Where(s => s.EmploymentTypeCode == StaffCodes.Established).ToLookup(s => s.SchoolId);
        foreach (var school in schools)
        {
            var filled = established[school.Id].ToList();
            db.Establishment.Add(new EstablishmentQuota
            {
                OrgUnitId = school.Id, Year = year, Subject = "", Quota = Math.Max(0, filled.Count + random.Next(-2, 5)), RecordedAt = now, RecordedBy = "demo",
            });
            foreach (var subject in Subjects)
            {
                var count = filled.Count(s => s.PostCode == StaffCodes.FullTimeTeacher && s.MainSubject == subject);
                if (count > 0)
                {
                    db.Establishment.Add(new EstablishmentQuota
                    {
                        OrgUnitId = school.Id, Year = year, Subject = subject, Quota = Math.Max(0, count + random.Next(-1, 3)), RecordedAt = now, RecordedBy = "demo",
                    });
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static string AwardedBy(RecognitionLevel level, OrgUnit school) => level switch
    {
        RecognitionLevel.School => school.Name,
        RecognitionLevel.District => "区教育和体育局",
        _ => "青岛市教育局",
    };
}
