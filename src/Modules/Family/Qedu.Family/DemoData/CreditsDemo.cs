using Microsoft.EntityFrameworkCore;
using Qedu.Family.Credits;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Family.DemoData;

/// <summary>
/// The credit bank in the demo city: two accredited providers (the city's community university, kept at the city bureau,
/// and 市南区's community college) and learners with outcomes. The demo parent (13900000001) is also a learner: a
/// computing course and the equivalent certificate (counted once), another course and a city award — 7.5 credits — and
/// one transcript issued, so the check page has a code to try.
/// </summary>
internal static class CreditsDemo
{
    public const string DemoLearnerPhone = "13900000001";

    public static async Task<int> SeedAsync(FamilyDb db, OrgTree tree, CreditRules rules, TimeProvider clock, Random random, CancellationToken ct)
    {
        var city = await tree.FindAsync(DemoCityGenerator.CityCode, ct);
        var shinan = await tree.FindAsync("370202", ct);
        if (city is null || shinan is null)
        {
            return 0;
        }
        var today = CityDate.Today(clock);
        var university = new CreditProvider
        {
            OrgUnitId = city.Id, Code = "QD-SQDX", Name = "青岛社区大学", Kind = "社区大学", AccreditedOn = today.AddYears(-1), AccreditedUntil = today.AddYears(2), AccreditedBy = "demo",
        };
        var college = new CreditProvider
        {
            OrgUnitId = shinan.Id, Code = "SN-SQXY", Name = "市南区社区学院", Kind = "社区学院", AccreditedOn = today.AddYears(-1), AccreditedUntil = today.AddYears(1), AccreditedBy = "demo",
        };
        db.CreditProviders.AddRange(university, college);
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow();
        var demo = new CreditLearner { Phone = DemoLearnerPhone, Name = "张伟", CreatedAt = now };
        db.CreditLearners.Add(demo);
        await db.SaveChangesAsync(ct);
        (CreditProvider Provider, LearningKind Kind, string Code, string Title, decimal? Hours, int MonthsAgo)[] mine =
        [
            (university, LearningKind.Course, "COMP-BASIC", "计算机应用基础", 48m, 20),
            (university, LearningKind.Certificate, "NCRE-2", "全国计算机等级考试二级", null, 14),
            (college, LearningKind.Course, "HOME-EDU", "家庭教育指导", 40m, 8),
            (college, LearningKind.Award, "city", "青岛市社区教育优秀学习成果", null, 3),
        ];
        foreach (var o in mine)
        {
            Add(db, rules, o.Provider, demo, o.Kind, o.Code, o.Title, o.Hours, today.AddMonths(-o.MonthsAgo), now);
        }
        string[] names = ["李娜", "王芳", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴昊", "徐丽"];
        (LearningKind Kind, string Code, string Title, decimal? Hours)[] menu =
        [
            (LearningKind.Course, "ELDERCARE-COURSE", "老年照护实务", 64m), (LearningKind.Certificate, "ELDERCARE-4", "养老护理员（四级/中级工）", null),
            (LearningKind.Certificate, "PTH-2A", "普通话水平测试二级甲等", null), (LearningKind.Course, "PHOTO", "数码摄影", 32m),
            (LearningKind.Course, "CALLIGRAPHY", "书法基础", 24m), (LearningKind.Award, "provincial", "山东省老年大学书画展", null),
        ];
        for (var i = 0; i < names.Length; i++)
        {
            var learner = new CreditLearner { Phone = $"1380000{i:D4}", Name = names[i], CreatedAt = now };
            db.CreditLearners.Add(learner);
            await db.SaveChangesAsync(ct);
            foreach (var pick in menu.Where(_ => random.NextDouble() < 0.45))
            {
                Add(db, rules, random.Next(2) == 0 ? university : college, learner, pick.Kind, pick.Code, pick.Title, pick.Hours, today.AddDays(-random.Next(30, 700)), now);
            }
        }
        await db.SaveChangesAsync(ct);
        var content = await TranscriptLines.ReadAsync(db, demo, now, ct);
        db.CreditTranscripts.Add(new CreditTranscript
        {
            LearnerId = demo.Id, Code = "DEMO-2026-QDXF", IssuedAt = now, TotalCredits = content.Total, Outcomes = content.Lines.Count, ContentHash = content.Hash,
        });
        await db.SaveChangesAsync(ct);
        return await db.CreditOutcomes.CountAsync(ct);
    }

    private static void Add(FamilyDb db, CreditRules rules, CreditProvider provider, CreditLearner learner, LearningKind kind, string code, string title, decimal? hours,
        DateOnly on, DateTimeOffset now) =>
        db.CreditOutcomes.Add(new CreditOutcome
        {
            OrgUnitId = provider.OrgUnitId, ProviderId = provider.Id, LearnerId = learner.Id, Kind = kind, Code = code, Title = title, Hours = hours,
            AchievedOn = on, Credits = rules.Credits(kind, code, hours, null)!.Value, EquivalenceGroup = rules.GroupOf(kind, code), RulesEdition = rules.Edition,
            RecordedAt = now, RecordedBy = "demo",
        });
}
