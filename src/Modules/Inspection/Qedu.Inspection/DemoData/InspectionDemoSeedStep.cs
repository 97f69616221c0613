using Microsoft.EntityFrameworkCore;
using Qedu.Inspection.Data;
using Qedu.Inspection.Domain;
using Qedu.Inspection.Features.Assignments;
using Qedu.Inspection.Features.Evaluations;
using Qedu.Inspection.Features.Visits;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Inspection.DemoData;

/// <summary>
/// Inspection in the demo city: 市南区's inspector is responsible for five of its schools (the anchor school among them)
/// and has visited three (findings open for the schools), one school's evaluation is scored, and the city's library has
/// a few experts and agencies.
/// </summary>
internal sealed class InspectionDemoSeedStep(InspectionDb db, InspectorAssignments assignments, InspectionVisits visits, Evaluations evaluations, OrgTree tree, TimeProvider clock)
    : IDemoSeedStep
{
    public int Order => 88;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (await db.Visits.AnyAsync(ct))
        {
            return;
        }
        var today = CityDate.Today(clock);
        var district = await tree.FindPastScopeAsync("370202", ct);
        if (district is null)
        {
            return;
        }
        var schools = (await tree.BelowPastScopeAsync(district.Id, OrgUnitKind.School, ct))
            .OrderBy(s => s.Code == DemoCityGenerator.AnchorSchoolCode ? 0 : 1).ThenBy(s => s.Code, StringComparer.Ordinal).Take(5).ToList();
        foreach (var school in schools)
        {
            await assignments.AssignAsync(new AssignInput(school.Code, "shinan.inspector"), ct);
        }
        string[] topics = ["课后服务与作业管理", "校园安全与食堂管理", "教师师德师风"];
        for (var i = 0; i < Math.Min(3, schools.Count); i++)
        {
            await visits.RecordAsync(new VisitInput(schools[i].Code, i == 1 ? "Special" : "Routine", today.AddDays(-7 * (i + 1)), topics[i],
                $"{schools[i].Name}{topics[i]}情况总体良好，制度健全，台账规范。发现问题如下，请限期整改。",
                i == 2 ? [] : [new FindingLine(i == 0 ? "部分班级书面作业总量超出规定，缺少作业公示。" : "食堂陪餐记录缺失两周。")]), ct);
        }
        if (schools.Count > 0)
        {
            var opened = await evaluations.OpenAsync(new EvaluationInput(schools[0].Code, "school", today.Year), ct);
            if (opened.IsOk)
            {
                await evaluations.ScoreAsync(opened.Value, [
                    new("direction", 95, "思政课开齐开足，党建工作规范。"), new("management", 88, "章程修订完成，家长委员会运转正常。"),
                    new("teaching", 84, "课程开齐，作业公示制度需完善。"), new("teachers", 90, "年度培训学时全部达标。"),
                    new("students", 86, "体质健康达标率 93%。"), new("safety", 80, "安全自查按月开展，有 1 项隐患整改中。"),
                ], ct);
            }
        }
        var cities = await tree.OfKindPastScopeAsync([OrgUnitKind.City], ct);
        var city = cities.Count > 0 ? cities[0] : null;
        if (city is not null)
        {
            db.Experts.AddRange(
                new Expert { OrgUnitId = city.Id, Kind = ExpertKind.Expert, Name = "周明", Field = "学校管理", Organisation = "青岛大学师范学院" },
                new Expert { OrgUnitId = city.Id, Kind = ExpertKind.Expert, Name = "吴静", Field = "课程与教学", Organisation = "青岛市教育科学研究院" },
                new Expert { OrgUnitId = city.Id, Kind = ExpertKind.Agency, Name = "青岛市教育评估中心", Field = "督导评估", Organisation = "事业单位" },
                new Expert { OrgUnitId = city.Id, Kind = ExpertKind.Agency, Name = "山东某校园安全评估有限公司", Field = "校园安全评估", Organisation = "第三方机构" });
            await db.SaveChangesAsync(ct);
        }
        context.Progress?.Report($"inspection: {schools.Count} schools with a responsible inspector, {await db.Visits.CountAsync(ct)} visits, 1 evaluation, {await db.Experts.CountAsync(ct)} experts and agencies");
    }
}
