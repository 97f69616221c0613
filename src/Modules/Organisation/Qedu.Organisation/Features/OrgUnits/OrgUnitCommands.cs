using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.Localization;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Organisation.Resources;

namespace Qedu.Organisation.Features.OrgUnits;

/// <summary>What a caller sends to create or change an org unit (JSON body or posted form). Field names are the error keys.</summary>
public sealed class OrgUnitInput
{
    public string? ParentCode { get; set; }
    public string? Code { get; set; }
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    public string? DivisionCode { get; set; }
    public string? SchoolTypeCode { get; set; }
    public string? OwnershipCode { get; set; }
    public string? KindergartenCategoryCode { get; set; }
    public string? UrbanRuralCode { get; set; }
    public DateOnly? OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
}

/// <summary>
/// Creating and changing org units: every field checked against the code lists and the 学校标识码 rules before anything is
/// written; the kernel's write guard checks the scope again on save.
/// </summary>
internal sealed partial class OrgUnitCommands(
    KernelDb db,
    OrgTree tree,
    CodeBook codes,
    ICurrentAccess access,
    IStringLocalizer<OrgText> t,
    IStringLocalizer<KernelText> k)
{
    [GeneratedRegex("^[A-Z]{2,8}$")]
    private static partial Regex DepartmentSuffix();

    public async Task<Outcome<OrgUnitView>> CreateAsync(OrgUnitInput input, CancellationToken ct = default)
    {
        var errors = new InputErrors();
        var parentCode = input.ParentCode?.Trim();
        if (string.IsNullOrEmpty(parentCode))
        {
            errors.Add("parentCode", Required("Field.Parent"));
            return Outcome<OrgUnitView>.Invalid(errors);
        }
        if (!OrgUnitRules.IsWellFormedCode(parentCode))
        {
            return Outcome<OrgUnitView>.Invalid(errors.Add("parentCode", string.Format(k["OrgUnit.CodeMalformed"], parentCode)));
        }
        // The parent is an input field like the others: unknown, out of sight or not managed by the caller, the answer
        // names the field to correct (and, with one message for unknown and out of sight, reveals nothing beyond scope).
        var parent = await db.OrgUnits.FirstOrDefaultAsync(o => o.Code == parentCode, ct);
        if (parent is null)
        {
            return Outcome<OrgUnitView>.Invalid(errors.Add("parentCode", string.Format(k["OrgUnit.NotFound"], parentCode)));
        }
        if (!await CanManageAsync(parent.Id, ct))
        {
            return Outcome<OrgUnitView>.Invalid(errors.Add("parentCode", k["Scope.Violation"]));
        }

        OrgUnitKind kind = default;
        if (string.IsNullOrWhiteSpace(input.Kind))
        {
            errors.Add("kind", Required("Field.Kind"));
        }
        else if (!Enum.TryParse(input.Kind.Trim(), ignoreCase: true, out kind) || !Enum.IsDefined(kind))
        {
            errors.Add("kind", string.Format(k["Code.Unknown"], input.Kind, t["Field.Kind"]));
        }
        else if (!OrgUnitRules.MayContain(parent.Kind, kind))
        {
            errors.Add("kind", string.Format(k["OrgUnit.KindNotAllowed"], t[$"Kind.{parent.Kind}"], t[$"Kind.{kind}"]));
        }

        var code = input.Code?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add("code", Required("Field.Code"));
        }
        else if (!OrgUnitRules.IsWellFormedCode(code))
        {
            errors.Add("code", string.Format(k["OrgUnit.CodeMalformed"], code));
        }
        else if (!errors.Any)
        {
            CheckCode(code, kind, parent, input, errors);
        }

        CheckNames(input, errors);
        if (!errors.Any || errors.First("kind") is null)
        {
            CheckSchoolFields(kind, input, errors, creating: true);
        }
        if (errors.Any)
        {
            return Outcome<OrgUnitView>.Invalid(errors);
        }
        if (code is not null && await tree.FindPastScopeAsync(code, ct) is not null)
        {
            return Outcome<OrgUnitView>.Conflict("code", string.Format(k["OrgUnit.CodeTaken"], code));
        }

        var siblings = await db.OrgUnits.Where(o => o.ParentId == parent.Id).Select(o => (int?)o.SortOrder).MaxAsync(ct) ?? -1;
        var unit = new OrgUnit
        {
            Code = code!,
            Name = input.Name!.Trim(),
            NameEn = Blank(input.NameEn),
            Kind = kind,
            ParentId = parent.Id,
            DivisionCode = kind switch
            {
                OrgUnitKind.School => Blank(input.DivisionCode) ?? parent.DivisionCode,
                OrgUnitKind.Department or OrgUnitKind.Ministry => parent.DivisionCode,
                _ => code,
            },
            SchoolTypeCode = kind == OrgUnitKind.School ? input.SchoolTypeCode?.Trim() : null,
            OwnershipCode = kind == OrgUnitKind.School ? input.OwnershipCode?.Trim() : null,
            KindergartenCategoryCode = kind == OrgUnitKind.School ? Blank(input.KindergartenCategoryCode) : null,
            UrbanRuralCode = kind == OrgUnitKind.School ? input.UrbanRuralCode?.Trim() : null,
            OpenedOn = input.OpenedOn,
            ClosedOn = input.ClosedOn,
            SortOrder = siblings + 1,
        };
        await tree.AddAsync(unit, ct);
        return Outcome<OrgUnitView>.Ok(OrgUnitView.From(unit, parent.Code, 0, codes));
    }

    public async Task<Outcome<OrgUnitView>> UpdateAsync(string code, OrgUnitInput input, CancellationToken ct = default)
    {
        if (!OrgUnitRules.IsWellFormedCode(code))
        {
            return Outcome<OrgUnitView>.Invalid(new InputErrors().Add("code", string.Format(k["OrgUnit.CodeMalformed"], code)));
        }
        var unit = await db.OrgUnits.FirstOrDefaultAsync(o => o.Code == code, ct);
        if (unit is null)
        {
            return Outcome<OrgUnitView>.NotFound(string.Format(k["OrgUnit.NotFound"], code));
        }
        if (!await CanManageAsync(unit.Id, ct))
        {
            return Outcome<OrgUnitView>.Forbidden(k["Scope.Violation"]);
        }
        var errors = new InputErrors();
        // Identity fields never change: a new category or type means a new code (学校(机构)代码管理办法).
        if (!string.IsNullOrEmpty(input.Code) && input.Code.Trim() != unit.Code)
        {
            errors.Add("code", t["Org.CodeHint"]);
        }
        CheckNames(input, errors);
        input.SchoolTypeCode = unit.SchoolTypeCode;
        CheckSchoolFields(unit.Kind, input, errors, creating: false);
        if (errors.Any)
        {
            return Outcome<OrgUnitView>.Invalid(errors);
        }
        unit.Name = input.Name!.Trim();
        unit.NameEn = Blank(input.NameEn);
        if (unit.Kind == OrgUnitKind.School)
        {
            unit.OwnershipCode = input.OwnershipCode?.Trim();
            unit.KindergartenCategoryCode = Blank(input.KindergartenCategoryCode);
            unit.UrbanRuralCode = input.UrbanRuralCode?.Trim();
        }
        unit.OpenedOn = input.OpenedOn;
        unit.ClosedOn = input.ClosedOn;
        await db.SaveChangesAsync(ct);
        var children = await db.OrgUnits.CountAsync(o => o.ParentId == unit.Id, ct);
        var parentCode = unit.ParentId is int parentId ? (await tree.FindPastScopeAsync(parentId, ct))?.Code : null;
        return Outcome<OrgUnitView>.Ok(OrgUnitView.From(unit, parentCode, children, codes));
    }

    /// <summary>Does the caller hold org.manage over this unit?</summary>
    public Task<bool> CanManageAsync(int orgUnitId, CancellationToken ct = default)
    {
        var caller = access.Current;
        return caller.IsSystem ? Task.FromResult(true) : tree.IsUnderAsync(caller.RootsFor(Permissions.OrgManage).ToList(), orgUnitId, ct);
    }

    private void CheckCode(string code, OrgUnitKind kind, OrgUnit parent, OrgUnitInput input, InputErrors errors)
    {
        switch (kind)
        {
            case OrgUnitKind.School:
                var problem = SchoolIdentifier.Validate(code, codes, input.SchoolTypeCode?.Trim());
                if (problem != SchoolIdentifierError.None)
                {
                    errors.Add("code", k[$"SchoolId.{problem}"]);
                }
                break;
            case OrgUnitKind.Department:
                var prefix = parent.Code + "-";
                if (!code.StartsWith(prefix, StringComparison.Ordinal) || !DepartmentSuffix().IsMatch(code[prefix.Length..]))
                {
                    errors.Add("code", string.Format(t["Org.Validation.DepartmentCode"], parent.Code));
                }
                break;
            case OrgUnitKind.District or OrgUnitKind.City or OrgUnitKind.Province:
                var division = codes.Find(CodeLists.Division, code);
                if (division is null || (parent.DivisionCode is not null && division.ParentCode != parent.DivisionCode))
                {
                    errors.Add("code", t["Org.Validation.DivisionCode"]);
                }
                break;
        }
    }

    private void CheckNames(OrgUnitInput input, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add("name", Required("Field.Name"));
        }
        else if (input.Name.Trim().Length > 200)
        {
            errors.Add("name", string.Format(k["Field.TooLong"], t["Field.Name"], 200));
        }
        if (input.NameEn?.Trim().Length > 200)
        {
            errors.Add("nameEn", string.Format(k["Field.TooLong"], t["Field.NameEn"], 200));
        }
        if (input.OpenedOn is { } opened && input.ClosedOn is { } closed && closed < opened)
        {
            errors.Add("closedOn", t["Org.Validation.ClosedBeforeOpened"]);
        }
    }

    private void CheckSchoolFields(OrgUnitKind kind, OrgUnitInput input, InputErrors errors, bool creating)
    {
        if (kind != OrgUnitKind.School)
        {
            return;
        }
        if (creating)
        {
            CheckCodeField(input.SchoolTypeCode, CodeLists.SchoolType, "schoolTypeCode", "Field.SchoolType", errors);
            if (!string.IsNullOrWhiteSpace(input.DivisionCode) && !codes.IsValid(CodeLists.Division, input.DivisionCode.Trim()))
            {
                errors.Add("divisionCode", string.Format(k["Code.Unknown"], input.DivisionCode, t["Field.Division"]));
            }
        }
        CheckCodeField(input.OwnershipCode, CodeLists.Ownership, "ownershipCode", "Field.Ownership", errors);
        CheckCodeField(input.UrbanRuralCode, CodeLists.UrbanRural, "urbanRuralCode", "Field.UrbanRural", errors);
        var isKindergarten = input.SchoolTypeCode?.Trim().StartsWith("11", StringComparison.Ordinal) == true;
        if (isKindergarten)
        {
            CheckCodeField(input.KindergartenCategoryCode, CodeLists.KindergartenCategory, "kindergartenCategoryCode", "Field.KindergartenCategory", errors);
        }
        else if (!string.IsNullOrWhiteSpace(input.KindergartenCategoryCode))
        {
            errors.Add("kindergartenCategoryCode", t["Org.Validation.NotKindergarten"]);
        }
    }

    private void CheckCodeField(string? value, string list, string field, string label, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, Required(label));
        }
        else if (!codes.IsValid(list, value.Trim()))
        {
            errors.Add(field, string.Format(k["Code.Unknown"], value, t[label]));
        }
    }

    private string Required(string label) => string.Format(k["Field.Required"], t[label]);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
