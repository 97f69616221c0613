using Qedu.Kernel.Access;

namespace Qedu.Kernel.Web;

/// <summary>
/// An entry of the side navigation. Modules register theirs (<c>services.AddSingleton(new NavItem(...))</c>); the shell
/// shows those whose permission the caller holds, by section and order.
/// </summary>
public sealed record NavItem(string Section, int Order, string Href, string TextZh, string TextEn, string? Permission)
{
    /// <summary>
    /// Shown only to people working for a bureau (a city or district role: administrators, department staff, auditors),
    /// not to a school's roles: the leader overview or the API reference is no work of a school, a teacher or a parent.
    /// A page behind such an entry carries <see cref="RequireBureauRoleAttribute"/>, so its URL does not open either.
    /// </summary>
    public bool BureauOnly { get; init; }

    public string Text(bool english) => english ? TextEn : TextZh;

    /// <summary>Whether <paramref name="caller"/> sees this entry (in the menu and among the home page's shortcuts).</summary>
    public bool VisibleTo(AccessContext caller) =>
        caller.IsAuthenticated
        && (Permission is null || caller.Has(Permission))
        && (!BureauOnly || BureauRoleRequirement.IsMet(caller));

    /// <summary>The entries <paramref name="caller"/> sees, in the shell's order: by section, then by order.</summary>
    public static IReadOnlyList<NavItem> For(IEnumerable<NavItem> items, AccessContext caller) =>
        [.. items.Where(i => i.VisibleTo(caller)).OrderBy(i => NavSections.IndexOf(i.Section)).ThenBy(i => i.Order)];

    /// <summary>
    /// The one entry to highlight for <paramref name="path"/> (like "/plans/tasks/7"): the entry whose link is the
    /// longest prefix of it, whole segments only, so "/plans/mine" lights "我的任务" and not "规划与督办" as well.
    /// </summary>
    public static NavItem? Current(IEnumerable<NavItem> items, string path)
    {
        path = "/" + path.Split('?', '#')[0].Trim('/');
        return items
            .Where(i => i.Href == "/" ? path == "/" : path == i.Href || path.StartsWith(i.Href.TrimEnd('/') + "/", StringComparison.Ordinal))
            .MaxBy(i => i.Href.Length);
    }
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

    /// <summary>A section's place in <see cref="All"/> (unknown sections last).</summary>
    public static int IndexOf(string section)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Key == section)
            {
                return i;
            }
        }
        return All.Count;
    }
}
