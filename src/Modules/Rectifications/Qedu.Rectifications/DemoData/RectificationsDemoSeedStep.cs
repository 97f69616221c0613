using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.DemoCity;
using Qedu.Rectifications.Contracts;
using Qedu.Rectifications.Data;

namespace Qedu.Rectifications.DemoData;

/// <summary>
/// After the modules have raised the demo city's findings (each through the shared module, so each is due from today),
/// one open finding in three is dated back by 25 to 45 days, so the overdue board, the overdue lists per unit and the
/// home pages have lines on first start, as a city a month into its term would.
/// </summary>
internal sealed class RectificationsDemoSeedStep(RectificationsDb db) : IDemoSeedStep
{
    public int Order => 89;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        var open = await db.Items.Where(r => r.State == RectificationState.Open && r.SourceKind != "plans.task").OrderBy(r => r.Id).ToListAsync(ct);
        var aged = open.Where((_, i) => i % 3 == 1).ToList();
        var random = new Random(context.Seed * 17 + 3);
        var ids = aged.Select(r => r.Id).ToList();
        var steps = await db.Steps.Where(s => ids.Contains(s.RectificationId)).ToListAsync(ct);
        foreach (var item in aged)
        {
            var days = random.Next(25, 46);
            item.RaisedAt = item.RaisedAt.AddDays(-days);
            item.DueOn = item.DueOn.AddDays(-days);
            item.RecheckOn = item.RecheckOn?.AddDays(-days);
            item.EscalatedAt = item.EscalatedAt?.AddDays(-days);
            foreach (var step in steps.Where(s => s.RectificationId == item.Id))
            {
                step.At = step.At.AddDays(-days);
            }
        }
        await db.SaveChangesAsync(ct);
        context.Progress?.Report($"rectifications: {open.Count} open findings, {aged.Count} of them dated back past their deadline");
    }
}
