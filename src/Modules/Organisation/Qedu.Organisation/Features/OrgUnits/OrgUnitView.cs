using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Organisation.Features.OrgUnits;

internal sealed record CodeName(string Code, string Name);

/// <summary>An org unit as the API and the pages show it: codes with their names in the caller's language.</summary>
internal sealed record OrgUnitView(
    string Code,
    string Name,
    string? NameEn,
    string Kind,
    string? ParentCode,
    string? DivisionCode,
    CodeName? SchoolType,
    IReadOnlyList<string> Stages,
    CodeName? Ownership,
    CodeName? KindergartenCategory,
    CodeName? UrbanRural,
    DateOnly? OpenedOn,
    DateOnly? ClosedOn,
    int ChildCount)
{
    internal static OrgUnitView From(OrgUnit unit, string? parentCode, int childCount, CodeBook codes)
    {
        CodeName? Named(string list, string? code) => code is null ? null : new CodeName(code, codes.NameOf(list, code));
        return new OrgUnitView(
            unit.Code,
            unit.Name,
            unit.NameEn,
            unit.Kind.ToString(),
            parentCode,
            unit.DivisionCode,
            Named(CodeLists.SchoolType, unit.SchoolTypeCode),
            codes.StagesOf(unit.SchoolTypeCode).Select(s => s.ToString()).ToList(),
            Named(CodeLists.Ownership, unit.OwnershipCode),
            Named(CodeLists.KindergartenCategory, unit.KindergartenCategoryCode),
            Named(CodeLists.UrbanRural, unit.UrbanRuralCode),
            unit.OpenedOn,
            unit.ClosedOn,
            childCount);
    }
}

internal sealed record OrgUnitList(IReadOnlyList<OrgUnitView> Items, string? Next);
