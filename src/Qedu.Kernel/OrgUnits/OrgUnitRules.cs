using System.Text.RegularExpressions;

namespace Qedu.Kernel.OrgUnits;

/// <summary>Which kind of unit may sit under which, and what a well-formed code looks like.</summary>
public static partial class OrgUnitRules
{
    public const int MaxCodeLength = 32;

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z-]{0,31}$")]
    private static partial Regex CodePattern();

    public static bool IsWellFormedCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public static bool MayContain(OrgUnitKind parent, OrgUnitKind child) => (parent, child) switch
    {
        (OrgUnitKind.Ministry, OrgUnitKind.Province) => true,
        (OrgUnitKind.Province, OrgUnitKind.City) => true,
        (OrgUnitKind.City, OrgUnitKind.District) => true,
        // 市直学校: a city runs some schools directly; most belong to a district.
        (OrgUnitKind.City or OrgUnitKind.District, OrgUnitKind.School) => true,
        (OrgUnitKind.Ministry or OrgUnitKind.Province or OrgUnitKind.City or OrgUnitKind.District, OrgUnitKind.Department) => true,
        _ => false,
    };
}
