using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.DemoCity;

public sealed record DemoSeedContext(DemoScale Scale, int Seed, IReadOnlyList<DemoOrg> Orgs, IProgress<string>? Progress);

/// <summary>One module's part of the demo city. Steps run in order; the kernel's (org units, accounts, clients) is 0.</summary>
public interface IDemoSeedStep
{
    int Order { get; }
    Task SeedAsync(DemoSeedContext context, CancellationToken ct);
}

/// <summary>Fills an empty database with the demo city: every module contributes its step.</summary>
public sealed class DemoSeeder(IEnumerable<IDemoSeedStep> steps, KernelDb db)
{
    public Task<bool> HasDataAsync(CancellationToken ct = default) => db.OrgUnits.IgnoreQueryFilters([ScopeFilter.Name]).AnyAsync(ct);

    public async Task<DemoSeedContext> SeedAsync(DemoScale scale, int seed, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var context = new DemoSeedContext(scale, seed, DemoCityGenerator.Generate(scale, seed), progress);
        foreach (var step in steps.OrderBy(s => s.Order))
        {
            await step.SeedAsync(context, ct);
        }
        return context;
    }
}
