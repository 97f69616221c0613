using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Inspection.Data;
using Qedu.Inspection.Domain;
using Qedu.Inspection.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Inspection.Features.Experts;

internal sealed record ExpertInput(string? Kind, string? Name, string? Field, string? Organisation);

internal sealed record ExpertLine(long Id, string Kind, string Name, string Field, string Organisation, string Keeper, bool Active);

/// <summary>
/// The expert and third-party evaluation agency library (专家库、第三方评价机构库) a bureau keeps (inspection.manage) and
/// its inspectors draw on; anyone with inspection.read in scope sees it. No personal contact is kept here.
/// </summary>
internal sealed class ExpertLibrary(InspectionDb db, InspectionAccess access, OrgTree orgTree, IStringLocalizer<InspectionText> t)
{
    public async Task<Outcome<long>> AddAsync(ExpertInput input, CancellationToken ct = default)
    {
        var keeper = await orgTree.HighestGrantAsync(access.Caller, Permissions.InspectionManage, ct);
        if (keeper is null)
        {
            return Outcome<long>.Forbidden(t["Expert.NotKeeper"]);
        }
        var errors = new InputErrors();
        if (!Enum.TryParse<ExpertKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add("kind", t["Expert.Kind.Unknown"]);
        }
        var name = errors.Text("name", input.Name, 100, t["Field.Required"], string.Format(t["Field.TooLong"], 100));
        var field = errors.Text("field", input.Field, 100, t["Field.Required"], string.Format(t["Field.TooLong"], 100));
        var organisation = errors.Text("organisation", input.Organisation, 200, t["Field.Required"], string.Format(t["Field.TooLong"], 200));
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var expert = new Expert { OrgUnitId = keeper.Value, Kind = kind, Name = name!, Field = field!, Organisation = organisation! };
        db.Experts.Add(expert);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(expert.Id);
    }

    public async Task<IReadOnlyList<ExpertLine>> ListAsync(string? field, CancellationToken ct = default)
    {
        var query = db.Experts.AsNoTracking().Where(e => e.Active);
        if (!string.IsNullOrWhiteSpace(field))
        {
            var f = field.Trim();
            query = query.Where(e => e.Field.Contains(f) || e.Name.Contains(f));
        }
        var experts = await query.OrderBy(e => e.Kind).ThenBy(e => e.Name).Take(500).ToListAsync(ct);
        var names = await orgTree.NamesOfAsync(experts.Select(e => e.OrgUnitId), ct);
        return [.. experts.Select(e => new ExpertLine(e.Id, e.Kind.ToString(), e.Name, e.Field, e.Organisation, names.GetValueOrDefault(e.OrgUnitId, ""), e.Active))];
    }

}
