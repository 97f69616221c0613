using Qedu.Kernel.Access;
using Qedu.Kernel.Web;

namespace Qedu.Kernel.Tests.Web;

/// <summary>Which navigation entries a person sees, in which order, and which one is highlighted.</summary>
public sealed class NavItemTests
{
    private static readonly NavItem Home = new(NavSections.Overview, 0, "/", "首页", "Home", null);
    private static readonly NavItem Leader = new(NavSections.Overview, 5, "/indicators/overview", "领导驾驶舱", "Leader overview", Permissions.IndicatorsRead) { BureauOnly = true };
    private static readonly NavItem Indicators = new(NavSections.Overview, 30, "/indicators", "教育指标", "Indicators", Permissions.IndicatorsRead);
    private static readonly NavItem Plans = new(NavSections.Overview, 20, "/plans", "规划与督办", "Plans", Permissions.PlansRead);
    private static readonly NavItem Mine = new(NavSections.Overview, 21, "/plans/mine", "我的任务", "My tasks", Permissions.PlansReport);
    private static readonly NavItem Accounts = new(NavSections.Administration, 10, "/accounts", "账号管理", "Accounts", Permissions.AccountsManage);
    private static readonly NavItem Students = new(NavSections.Data, 10, "/registry/students", "学生学籍", "Students", Permissions.RegistryRead);
    private static readonly NavItem[] All = [Accounts, Students, Mine, Plans, Indicators, Leader, Home];

    private static AccessContext Holder(string role) =>
        AccessContext.ForUser(Guid.NewGuid(), role, [new Grant(1, "X", Roles.Find(role)!.Permissions, role)]);

    [Theory]
    [InlineData("/plans/mine", "/plans/mine")]
    [InlineData("/plans/mine/", "/plans/mine")]
    [InlineData("/plans/12", "/plans")]
    [InlineData("/plans?state=active", "/plans")]
    [InlineData("/plansx", null)]
    [InlineData("/indicators/overview", "/indicators/overview")]
    [InlineData("/indicators/370200", "/indicators")]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    [InlineData("/org/370200", null)]
    public void The_highlighted_entry_is_the_longest_whole_segment_prefix(string path, string? expected) =>
        Assert.Equal(expected, NavItem.Current(All, path)?.Href);

    [Fact]
    public void Entries_come_by_section_in_the_shells_order_then_by_their_own_order()
    {
        var seen = NavItem.For(All, AccessContext.System()).Select(i => i.Href);

        Assert.Equal(["/", "/indicators/overview", "/plans", "/plans/mine", "/indicators", "/registry/students", "/accounts"], seen);
    }

    [Theory]
    [InlineData(Roles.CityAdmin, true)]
    [InlineData(Roles.DistrictAdmin, true)]
    [InlineData(Roles.SchoolAdmin, false)]
    public void Bureau_only_entries_are_for_bureau_roles(string role, bool sees) =>
        Assert.Equal(sees, NavItem.For(All, Holder(role)).Contains(Leader));

    [Fact]
    public void No_entry_for_someone_not_signed_in() =>
        Assert.Empty(NavItem.For(All, AccessContext.Anonymous));
}
