using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;
using Qedu.Safety.Data;
using Qedu.Safety.Domain;
using Qedu.Safety.Features.Inspections;

namespace Qedu.Safety.DemoData;

/// <summary>
/// Campus safety in the demo city: every school's three security teams, most schools' canteens (a few licences about to
/// expire), drills, a self-inspection of every list within the last two months (a few items failed), and in each district
/// a random draw with inspections of the schools drawn, some finding hazards (one serious). The anchor school gets a
/// district inspection with open hazards for its administrator to fix and 市南区's inspector to verify.
/// </summary>
internal sealed class SafetyDemoSeedStep(SafetyDb db, SafetyInspections inspections, SafetySampling sampling, OrgTree tree, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 87;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (await db.Inspections.AnyAsync(ct))
        {
            return;
        }
        var random = new Random(context.Seed * 61 + 7);
        var today = CityDate.Today(clock);
        var schools = (await tree.OfKindPastScopeAsync([OrgUnitKind.School], ct)).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        string[] leaders = ["王强", "李军", "张伟", "刘洋", "陈刚", "杨帆", "赵磊", "孙涛"];
        foreach (var school in schools)
        {
            db.Teams.Add(new SecurityTeam { OrgUnitId = school.Id, Kind = "guards", Members = 2 + random.Next(4), Leader = leaders[random.Next(leaders.Length)], UpdatedOn = today.AddDays(-random.Next(200)) });
            db.Teams.Add(new SecurityTeam { OrgUnitId = school.Id, Kind = "officers", Members = 3 + random.Next(8), Leader = leaders[random.Next(leaders.Length)], UpdatedOn = today.AddDays(-random.Next(200)) });
            db.Teams.Add(new SecurityTeam { OrgUnitId = school.Id, Kind = "volunteers", Members = 10 + random.Next(30), Leader = leaders[random.Next(leaders.Length)], UpdatedOn = today.AddDays(-random.Next(200)) });
            if (random.NextDouble() < 0.7)
            {
                db.Canteens.Add(new Canteen
                {
                    OrgUnitId = school.Id, Name = "学生食堂", LicenceNumber = $"JY3{school.Code[^8..]}{random.Next(100, 999)}",
                    LicenceExpires = today.AddDays(random.NextDouble() < 0.08 ? random.Next(5, 55) : random.Next(120, 1500)), Standard = random.NextDouble() < 0.6,
                    Seats = 200 + random.Next(10) * 50,
                });
            }
            for (var d = random.Next(1, 4); d > 0; d--)
            {
                db.Drills.Add(new Drill
                {
                    OrgUnitId = school.Id, Kind = Features.Readiness.SafetyReadiness.DrillKinds[random.Next(4)], HeldOn = today.AddDays(-random.Next(10, 300)),
                    Participants = 300 + random.Next(1500), Problems = random.NextDouble() < 0.2 ? "个别班级疏散时间超过规定要求，已组织复盘。" : null,
                    RecordedAt = clock.GetUtcNow(), RecordedBy = "demo",
                });
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // Self-inspections of every list, most clean; a few failed items (not serious) for the school to fix.
        string[] notes = ["现场检查发现问题，已拍照留存。", "台账记录不完整，需补齐。", "设施老化，需维修更换。"];
        foreach (var school in schools)
        {
            var failed = random.NextDouble() < 0.15
                ? new[] { new FindingInput("fire.extinguishers", "部分灭火器压力不足，已过检验期。"), new FindingInput("canteen.samples", notes[random.Next(notes.Length)]) }.Take(1 + random.Next(2)).ToList()
                : [];
            await RecordAsync(new InspectionInput(school.Code, "Self", today.AddDays(-random.Next(5, 60)), null, "学校月度安全自查。", failed), ct);
        }

        // Each district draws schools at random (published seed) and inspects them.
        var districts = (await tree.OfKindPastScopeAsync([OrgUnitKind.District], ct)).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var anchor = schools.FirstOrDefault(s => s.Code == DemoCityGenerator.AnchorSchoolCode);
        foreach (var district in districts)
        {
            var draw = await sampling.DrawAsync(new DrawInput(district.Code, 3, $"demo-{district.Code}", "本学期校园安全随机督导检查"), ct);
            if (!draw.IsOk)
            {
                continue;
            }
            var drawn = draw.Value!.Schools;
            for (var i = 0; i < drawn.Count - 1; i++)
            {
                // One serious hazard in the first district (escalated to the city); elsewhere, ordinary ones.
                var failed = i == 0
                    ? new List<FindingInput> { district == districts[0] ? new("drowning.waters", "学校东侧河道警示牌缺失。") : new("security.equipment", "防暴器械配备不足。"), new("drowning.education", "未发放致家长一封信。") }
                    : [new FindingInput("bullying.screening", "本学期欺凌排查记录缺失。")];
                await RecordAsync(new InspectionInput(drawn[i].Code, "District", today.AddDays(-random.Next(2, 20)), null, "随机督导检查。", failed, draw.Value.Id), ct);
            }
        }
        if (anchor is not null)
        {
            // The demo school's own open hazards from 市南区's inspector: what school.admin fixes and shinan.inspector verifies.
            await RecordAsync(new InspectionInput(anchor.Code, "District", today.AddDays(-3), ["fire", "campus"], "责任督学挂牌督导检查。",
                [new FindingInput("fire.extinguishers", "教学楼二层东侧灭火器压力不足。"), new FindingInput("campus.visitors", "外来人员登记本记录不全。")]), ct);
        }
        var counts = await db.Inspections.GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count(), Failed = g.Sum(i => i.Failed) }).ToListAsync(ct);
        context.Progress?.Report(
            $"safety: {string.Join(", ", counts.Select(c => $"{c.Count} {c.Key.ToString().ToLowerInvariant()} inspections ({c.Failed} hazards)"))}, " +
            $"{await db.Draws.CountAsync(ct)} random draws, {await db.Canteens.CountAsync(ct)} canteens, {await db.Drills.CountAsync(ct)} drills");
    }

    private async Task RecordAsync(InspectionInput input, CancellationToken ct)
    {
        var outcome = await inspections.RecordAsync(input, null, ct);
        // Saved rows leave the tracker, or each inspection's save scans every one saved before it (a city has thousands).
        db.ChangeTracker.Clear();
        if (!outcome.IsOk)
        {
            throw new InvalidOperationException($"The demo inspection of {input.School} was refused: {outcome.Message} {string.Join("; ", outcome.Errors?.ByField.Select(e => e.Key + ": " + string.Join(",", e.Value)) ?? [])}");
        }
    }
}
