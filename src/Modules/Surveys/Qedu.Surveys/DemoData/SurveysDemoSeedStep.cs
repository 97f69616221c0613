using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;
using Qedu.Surveys.Data;
using Qedu.Surveys.Domain;

namespace Qedu.Surveys.DemoData;

/// <summary>
/// The surveys' part of the demo city: the city's parents' survey of this autumn, closed ten days ago, with answers from
/// every school (a few with fewer than ten, to show the rule that withholds them, and comments to read), and a pupils'
/// survey open now, for schools to hand out links. Answers come from a small seeded model: each school's own level of
/// satisfaction, workload judged a little harsher than the rest.
/// </summary>
internal sealed class SurveysDemoSeedStep(SurveysDb db, OrgTree tree, TimeProvider clock) : IDemoSeedStep
{
    public const string ClosedCode = "DEMO-PARENTS-2026";
    public const string OpenCode = "DEMO-PUPILS-2026";

    private static readonly string[] Comments =
    [
        "希望学校多组织一些户外活动和社会实践。", "老师很负责，孩子进步明显，谢谢老师！", "作业量有时偏多，孩子睡得比较晚。", "希望放学接送时段校门口的交通秩序再好一些。",
        "食堂饭菜可以再丰富一些。", "家长会能否安排在周末，方便双职工家长参加。", "学校的社团活动很丰富，孩子很喜欢。", "希望加强心理健康方面的关注和沟通。",
        "课后服务时间安排合理，解决了我们的接送难题。", "希望体育课不要被其他课程占用。", "学校和家长沟通及时，班主任很用心。", "希望多开展一些阅读活动。",
    ];

    public int Order => 75;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (await db.Surveys.AnyAsync(ct) || await tree.OfKindAsync([OrgUnitKind.City], null, ct) is not [var city, ..])
        {
            return;
        }
        var parents = await db.Questionnaires.FirstAsync(q => q.Audience == SurveyAudience.Parents, ct);
        var pupils = await db.Questionnaires.FirstAsync(q => q.Audience == SurveyAudience.Students, ct);
        var schools = (await tree.OfKindAsync([OrgUnitKind.School], city.Id, ct)).Where(s => s.ClosedOn is null).ToList();
        if (schools.Count == 0)
        {
            return;
        }
        var today = SurveyDays.Today(clock);
        var now = clock.GetUtcNow();
        var closed = new Survey
        {
            Code = ClosedCode, Name = "2026年秋季家长满意度调查（演示）", QuestionnaireId = parents.Id, OwnerUnitId = city.Id, OpensOn = today.AddDays(-40),
            ClosesOn = today.AddDays(-10), CreatedAt = now.AddDays(-42), CreatedBy = "demo",
        };
        var open = new Survey
        {
            Code = OpenCode, Name = "2026年秋季学生满意度调查（演示）", QuestionnaireId = pupils.Id, OwnerUnitId = city.Id, OpensOn = today.AddDays(-3),
            ClosesOn = today.AddDays(25), CreatedAt = now.AddDays(-5), CreatedBy = "demo",
        };
        db.Surveys.AddRange(closed, open);
        await db.SaveChangesAsync(ct);

        var random = new Random(context.Seed * 31 + 11);
        var likert = parents.ParsedItems().Where(i => i.Kind == ItemKind.Likert).ToList();
        var comment = parents.ParsedItems().FirstOrDefault(i => i.Kind == ItemKind.Text);
        var responses = 0;
        foreach (var (school, i) in schools.Select((s, i) => (s, i)))
        {
            // One school in seven has too few answers to show.
            var count = i % 7 == 3 ? 3 + random.Next(6) : 12 + random.Next(34);
            var level = 0.55 + random.NextDouble() * 0.35;
            var rows = new List<SurveyResponse>();
            for (var n = 0; n < count; n++)
            {
                var values = likert.Select(item => Answer(random, item.Dimension == Dimension.Burden ? level - 0.15 : level)).ToArray();
                rows.Add(new SurveyResponse { SurveyId = closed.Id, SchoolId = school.Id, SubmittedOn = closed.OpensOn.AddDays(random.Next(30)), Values = new string(values) });
            }
            db.Responses.AddRange(rows);
            db.Schools.Add(new SurveySchool { SurveyId = closed.Id, SchoolId = school.Id, LinksIssued = count + random.Next(20) });
            await db.SaveChangesAsync(ct);
            if (comment is not null)
            {
                db.Comments.AddRange(rows.Where(_ => random.NextDouble() < 0.2).Select(r => new SurveyComment
                {
                    ResponseId = r.Id, SurveyId = closed.Id, SchoolId = school.Id, Item = (short)comment.Number, Text = Comments[random.Next(Comments.Length)],
                }));
            }
            if (school.SchoolTypeCode?.StartsWith("11", StringComparison.Ordinal) != true)
            {
                db.Schools.Add(new SurveySchool { SurveyId = open.Id, SchoolId = school.Id });
            }
            await db.SaveChangesAsync(ct);
            // Saved rows leave the tracker, or each school's save scans every row saved before it (a city has thousands).
            db.ChangeTracker.Clear();
            responses += count;
        }
        context.Progress?.Report($"surveys: 2 demo surveys, {responses} parents' answers from {schools.Count} schools");
    }

    /// <summary>A five-point answer: 满意 or better with about the school's level of probability, rarely below 一般.</summary>
    private static char Answer(Random random, double level)
    {
        var u = random.NextDouble();
        var value = u < level * 0.55 ? 5 : u < level ? 4 : u < level + (1 - level) * 0.7 ? 3 : u < level + (1 - level) * 0.92 ? 2 : 1;
        return (char)('0' + value);
    }
}
