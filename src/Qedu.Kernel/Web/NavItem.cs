namespace Qedu.Kernel.Web;

/// <summary>
/// An entry of the side navigation. Modules register theirs (<c>services.AddSingleton(new NavItem(...))</c>); the shell
/// shows those whose permission the caller holds, by section and order.
/// </summary>
public sealed record NavItem(string Section, int Order, string Href, string TextZh, string TextEn, string? Permission)
{
    public string Text(bool english) => english ? TextEn : TextZh;
}

/// <summary>The navigation sections, in the order the shell shows them.</summary>
public static class NavSections
{
    public const string Overview = "overview";
    public const string Organisation = "organisation";
    public const string Data = "data";
    public const string Administration = "administration";

    public static readonly IReadOnlyList<(string Key, string Zh, string En)> All =
    [
        (Overview, "概览", "Overview"),
        (Organisation, "组织机构", "Organisation"),
        (Data, "数据", "Data"),
        (Administration, "系统管理", "Administration"),
    ];
}
