using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Family.Visits;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Contracts;

namespace Qedu.Family.DemoData;

/// <summary>
/// Home visits in the demo city: in every school, the first two classes the roster lists have this school year's plan and
/// records — every left-behind child visited at home first, about half of the others visited (at home, online or at
/// school), some planned for the coming weeks and one cancelled — so the coverage pages and the indicator have figures.
/// </summary>
internal static class HomeVisitsDemo
{
    private static readonly string[] Teachers = ["王老师", "李老师", "张老师", "刘老师", "陈老师", "杨老师"];

    private static readonly string[] Participants = ["班主任、母亲", "班主任、父亲、学生本人", "班主任、祖母", "班主任、数学老师、父母"];

    private static readonly string[] Notes =
    [
        "了解孩子在家作息和作业情况，约定每天晚上九点前完成作业，家长每周与班主任沟通一次。",
        "孩子近期情绪较好，家长关心升学衔接；介绍学校课后服务和社团安排，家长同意报名阅读社团。",
        "父母在外务工，由祖母照顾；约定每周安排一次亲情视频通话，学校关爱室提供设备。",
        "家长反映孩子使用手机时间较长，共同商定周末使用时长，并推荐亲子阅读书目。",
    ];

    private static readonly VisitForm[] OtherForms = [VisitForm.AtHome, VisitForm.Online, VisitForm.AtSchool];

    public static async Task<int> SeedAsync(FamilyDb db, OrgTree tree, IStudentRoster roster, FieldEncryption encryption, DateOnly today, DateTimeOffset now,
        Random random, CancellationToken ct)
    {
        var from = VisitYear.Starts(VisitYear.Of(today));
        var span = Math.Max(1, today.DayNumber - from.DayNumber);
        var schools = await tree.OfKindPastScopeAsync([OrgUnitKind.School], ct);
        var added = 0;
        // One transaction for every school's visits: a commit per school would cost more than the rows.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var open = schools.Where(s => s.ClosedOn is null).ToList();
        // Every school's classes in one read (the roster counts each class's pupils).
        var classesOf = (await roster.ClassesAsync([.. open.Select(s => s.Id)], ct)).ToLookup(c => c.SchoolId);
        foreach (var school in open)
        {
            var classes = classesOf[school.Id].Take(2).ToList();
            if (classes.Count == 0)
            {
                continue;
            }
            var leftBehind = (await roster.FlaggedAsync(school.Id, StudentFlag.LeftBehind, ct)).Select(p => p.StudentId).ToHashSet();
            var cancelled = false;
            foreach (var c in classes)
            {
                // Left-behind children first: they are visited early in the year.
                foreach (var p in (await roster.InClassAsync(c.ClassId, ct)).OrderByDescending(p => leftBehind.Contains(p.StudentId)))
                {
                    var first = leftBehind.Contains(p.StudentId);
                    var roll = random.NextDouble();
                    var visit = new HomeVisit
                    {
                        OrgUnitId = school.Id, StudentId = p.StudentId, StudentNumber = p.StudentNumber, ClassId = c.ClassId, ClassName = c.Name,
                        Teacher = Teachers[random.Next(Teachers.Length)], Form = first ? VisitForm.AtHome : OtherForms[random.Next(OtherForms.Length)],
                        Status = VisitStatus.Planned, PlannedBy = "demo", PlannedAt = now,
                    };
                    if (first || roll < 0.5)
                    {
                        var on = from.AddDays(first ? random.Next(Math.Min(span, 30)) : random.Next(span));
                        (visit.PlannedOn, visit.VisitedOn, visit.Status) = (on, on, VisitStatus.Done);
                        visit.Participants = encryption.Encrypt(first ? "班主任、祖母" : Participants[random.Next(Participants.Length)]);
                        visit.Notes = encryption.Encrypt(first ? Notes[2] : Notes[random.Next(Notes.Length)]);
                        (visit.ClosedBy, visit.ClosedAt) = ("demo", now);
                    }
                    else if (roll < 0.65)
                    {
                        visit.PlannedOn = today.AddDays(1 + random.Next(30));
                    }
                    else if (!cancelled)
                    {
                        cancelled = true;
                        (visit.PlannedOn, visit.Status, visit.CancelledOn, visit.CancelReason, visit.ClosedBy, visit.ClosedAt) =
                            (today.AddDays(-3), VisitStatus.Cancelled, today.AddDays(-4), "家长临时出差，改期另约", "demo", now);
                    }
                    else
                    {
                        continue;
                    }
                    db.HomeVisits.Add(visit);
                    added++;
                }
            }
            await db.SaveChangesAsync(ct);
            // Saved rows need no tracking: left tracked, every later save would scan all of them (the city has 1,500 schools).
            db.ChangeTracker.Clear();
        }
        await tx.CommitAsync(ct);
        return added;
    }
}
