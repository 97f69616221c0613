namespace Qedu.Kernel.Web;

/// <summary>
/// An entry of the parent's hub (<see cref="ParentAuthentication.HomePath"/>): what a module offers parents (online
/// enrolment, ...). Modules register theirs as singletons (<c>services.AddSingleton(new ParentNavItem(...))</c>), as
/// staff pages register a <see cref="NavItem"/>; the hub lists them by order. A parent holds no permission, so there is
/// none to check: the page behind the link carries <c>[Authorize(Policy = ParentAuthentication.Policy)]</c>.
/// </summary>
public sealed record ParentNavItem(int Order, string Href, string TitleZh, string TitleEn)
{
    /// <summary>One line under the title saying what the parent does there (optional).</summary>
    public string? DescriptionZh { get; init; }

    public string? DescriptionEn { get; init; }

    /// <summary>Open without signing in (a public guide): the sign-in page offers it too, to anyone.</summary>
    public bool Public { get; init; }

    public string Title(bool english) => english ? TitleEn : TitleZh;

    public string? Description(bool english) => english ? DescriptionEn : DescriptionZh;
}
