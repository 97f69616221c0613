using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Allocation;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Safety.Data;
using Qedu.Safety.Domain;
using Qedu.Safety.Resources;

namespace Qedu.Safety.Features.Inspections;

/// <summary>A draw as asked: the district's (or city's) code, how many schools, a seed (none: a fresh one), and why.</summary>
internal sealed record DrawInput(string? Unit, int? Count, string? Seed, string? Purpose);

internal sealed record DrawView(long Id, string Unit, string Seed, int Population, IReadOnlyList<DrawnSchool> Schools, string Purpose, DateTimeOffset DrawnAt, string DrawnBy);

internal sealed record DrawnSchool(string Code, string Name, bool Inspected);

/// <summary>
/// 双随机 sampling of the schools to inspect: every school under the unit is ranked by the first 8 bytes of SHA-256 over
/// "seed|school code" (the admissions lottery's published rule, <see cref="Lottery"/>), and the first N are drawn. The
/// seed and the schools are recorded, so anyone can recompute the draw; the same seed over the same schools draws the
/// same ones.
/// </summary>
internal sealed class SafetySampling(SafetyDb db, SafetyAccess access, OrgTree orgTree, TimeProvider clock, IStringLocalizer<SafetyText> t)
{
    public const int MaxCount = 200;

    public async Task<Outcome<DrawView>> DrawAsync(DrawInput input, CancellationToken ct = default)
    {
        var unit = string.IsNullOrWhiteSpace(input.Unit)
            ? await orgTree.HighestGrantAsync(access.Caller, Permissions.SafetyInspect, ct) is { } id ? await orgTree.FindAsync(id, ct) : null
            : await orgTree.FindAsync(input.Unit.Trim(), ct);
        if (unit is null || unit.Kind is not (OrgUnitKind.District or OrgUnitKind.City))
        {
            return Outcome<DrawView>.NotFound(t["Sampling.UnitNotFound"]);
        }
        if (!await access.MayAsync(Permissions.SafetyInspect, unit.Id, ct))
        {
            return Outcome<DrawView>.Forbidden(t["Inspection.NotInspector"]);
        }
        var errors = new InputErrors();
        if (input.Count is not (>= 1 and <= MaxCount))
        {
            errors.Add("count", string.Format(t["Sampling.Count"], MaxCount));
        }
        var seed = string.IsNullOrWhiteSpace(input.Seed) ? RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) : input.Seed.Trim();
        if (seed.Length > 64)
        {
            errors.Add("seed", string.Format(t["Field.TooLong"], 64));
        }
        var purpose = input.Purpose?.Trim();
        if (string.IsNullOrEmpty(purpose))
        {
            errors.Add("purpose", t["Field.Required"]);
        }
        else if (purpose.Length > 200)
        {
            errors.Add("purpose", string.Format(t["Field.TooLong"], 200));
        }
        if (errors.Any)
        {
            return Outcome<DrawView>.Invalid(errors);
        }
        var schools = await orgTree.BelowPastScopeAsync(unit.Id, OrgUnitKind.School, ct);
        var drawn = Draw(seed, schools.Select(s => s.Code), input.Count!.Value);
        var draw = new SamplingDraw
        {
            OrgUnitId = unit.Id, Seed = seed, Population = schools.Count, Schools = string.Join(',', drawn), Purpose = purpose!,
            DrawnAt = clock.GetUtcNow(), DrawnBy = access.Caller.ActorName ?? "",
        };
        db.Draws.Add(draw);
        await db.SaveChangesAsync(ct);
        return Outcome<DrawView>.Ok((await ViewsAsync([draw], ct))[0]);
    }

    /// <summary>The schools drawn: the <paramref name="count"/> smallest lottery numbers of "seed|code" (all of them when fewer).</summary>
    public static IReadOnlyList<string> Draw(string seed, IEnumerable<string> schoolCodes, int count) =>
        [.. schoolCodes.Distinct(StringComparer.Ordinal).OrderBy(code => Lottery.Number(seed, code)).ThenBy(code => code, StringComparer.Ordinal).Take(count)];

    /// <summary>The draws of the units in the caller's scope, newest first, with which drawn schools were inspected since.</summary>
    public async Task<IReadOnlyList<DrawView>> RecentAsync(CancellationToken ct = default) =>
        await ViewsAsync(await db.Draws.AsNoTracking().OrderByDescending(d => d.DrawnAt).Take(20).ToListAsync(ct), ct);

    private async Task<IReadOnlyList<DrawView>> ViewsAsync(IReadOnlyList<SamplingDraw> draws, CancellationToken ct)
    {
        var ids = draws.Select(d => d.Id).ToList();
        var inspected = await db.Inspections.AsNoTracking().Where(i => i.DrawId != null && ids.Contains(i.DrawId.Value))
            .Select(i => new { i.DrawId, i.OrgUnitId }).ToListAsync(ct);
        var codes = draws.SelectMany(d => d.Schools.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        var units = await orgTree.IdsOfCodesPastScopeAsync(codes, ct);
        var names = await orgTree.NamesOfAsync(units.Values.Concat(draws.Select(d => d.OrgUnitId)), ct);
        return [.. draws.Select(d => new DrawView(d.Id, names.GetValueOrDefault(d.OrgUnitId, ""), d.Seed, d.Population,
            [.. d.Schools.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(code =>
            {
                var unitId = units.GetValueOrDefault(code);
                return new DrawnSchool(code, names.GetValueOrDefault(unitId, code), inspected.Any(i => i.DrawId == d.Id && i.OrgUnitId == unitId));
            })],
            d.Purpose, d.DrawnAt, d.DrawnBy))];
    }
}
