using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.OrgUnits;
using Qedu.Indicators.Data;
using Qedu.Indicators.Computation;
using Qedu.Indicators.Domain;
using Qedu.Kernel.DemoCity;

namespace Qedu.Indicators.Features.Forms;

/// <summary>
/// The demo city's collection: this year's campus-network round from the city to its schools, two thirds of them
/// returned and approved (four in five of those compliant), the rest split between waiting for review and not handed
/// in, so the dashboard shows a compliance rate and the forms pages show every state. Deterministic: the schools are
/// taken in code order. Also the city's own return of its 市本级 rural education funds (3,200万), approved. Runs before
/// the indicators' demo computation (90), which then counts the approved returns.
/// </summary>
internal sealed class FormsDemoSeedStep(FormCommands commands, IndicatorsDb db, OrgTree tree, TimeProvider clock) : IDemoSeedStep
{
    public const string DemoForm = "campus-network";

    /// <summary>The city's own (市本级) rural education funds, reported on a round the city sends itself.</summary>
    public const string CityFundingForm = "city-funding";

    /// <summary>The demo city's 市本级 allocation this year, in 万元 (the plan's target is at least 3,000).</summary>
    public const decimal CityFundingAmount = 3200m;

    public int Order => 80;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        var today = FormDates.Today(clock);
        var sent = await commands.SendAsync(new RoundInput
        {
            Form = DemoForm, Period = IndicatorComputation.CurrentPeriod(clock), Deadline = today.AddDays(30), Org = DemoCityGenerator.CityCode,
        }, ct);
        if (!sent.IsOk)
        {
            throw new InvalidOperationException($"The demo round was refused: {sent.Message ?? string.Join("; ", sent.Errors?.ByField.SelectMany(e => e.Value) ?? [])}");
        }
        var sentReturns = await db.FormReturns.Where(r => r.RoundId == sent.Value!.Id).ToListAsync(ct);
        var codes = await tree.CodesOfAsync(sentReturns.Select(r => r.OrgUnitId), ct);
        var returns = sentReturns
            .OrderBy(r => codes[r.OrgUnitId], StringComparer.Ordinal)
            .ToList();
        var now = clock.GetUtcNow();
        for (var i = 0; i < returns.Count; i++)
        {
            var r = returns[i];
            var handedIn = i % 3 != 2 || i % 2 == 1;
            if (!handedIn)
            {
                continue;
            }
            var compliant = i % 5 != 0;
            db.FormValues.AddRange(
                Value(r, "compliant", compliant ? 1 : 0),
                Value(r, "bandwidth", compliant ? 1000 : 300),
                Value(r, "wireless", compliant ? 1 : 0));
            r.State = i % 3 != 2 ? ReturnState.Approved : ReturnState.Submitted;
            r.SavedAt = r.FirstSubmittedAt = r.SubmittedAt = now;
            r.SavedBy = r.SubmittedBy = "demo";
            if (r.State == ReturnState.Approved)
            {
                r.ReviewedAt = now;
                r.ReviewedBy = "demo";
            }
        }
        await db.SaveChangesAsync(ct);
        context.Progress?.Report($"forms: {DemoForm} sent to {returns.Count} schools, {returns.Count(r => r.State == ReturnState.Approved)} approved");
        await SeedCityFundingAsync(today, now, ct);
    }

    /// <summary>The city's own return of this year's 市本级 rural education funds, approved: the figure plan task 001-26's 3,000万 target is measured by.</summary>
    private async Task SeedCityFundingAsync(DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var sent = await commands.SendAsync(new RoundInput
        {
            Form = CityFundingForm, Period = IndicatorComputation.CurrentPeriod(clock), Deadline = today.AddDays(30), Org = DemoCityGenerator.CityCode,
        }, ct);
        if (!sent.IsOk)
        {
            throw new InvalidOperationException($"The demo round was refused: {sent.Message ?? string.Join("; ", sent.Errors?.ByField.SelectMany(e => e.Value) ?? [])}");
        }
        var own = await db.FormReturns.SingleAsync(r => r.RoundId == sent.Value!.Id, ct);
        db.FormValues.Add(Value(own, "rural-education", CityFundingAmount));
        own.State = ReturnState.Approved;
        own.SavedAt = own.FirstSubmittedAt = own.SubmittedAt = own.ReviewedAt = now;
        own.SavedBy = own.SubmittedBy = own.ReviewedBy = "demo";
        await db.SaveChangesAsync(ct);
    }

    private static FormReturnValue Value(FormReturn r, string field, decimal number) =>
        new() { ReturnId = r.Id, OrgUnitId = r.OrgUnitId, FieldCode = field, Number = number };
}
