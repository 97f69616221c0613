using Qedu.Kernel.Access;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Web.Components.Layout;

/// <summary>What the shell shows about the signed-in person: their name and their roles with the names of their scopes.</summary>
public sealed class ShellInfo(OrgTree tree, UserDirectory users, ICurrentAccess access)
{
    public sealed record RoleLine(string Role, string OrgCode, string OrgName, string OrgNameEn);

    private (string Name, IReadOnlyList<RoleLine> Roles)? _loaded;

    public async Task<(string Name, IReadOnlyList<RoleLine> Roles)> LoadAsync()
    {
        if (_loaded is { } loaded)
        {
            return loaded;
        }
        var caller = access.Current;
        var name = caller.ActorName ?? "";
        if (caller.Kind == ActorKind.User && Guid.TryParse(caller.ActorId, out var id))
        {
            name = await users.DisplayNameAsync(id) ?? name;
        }
        var orgIds = caller.Grants.Select(g => g.OrgUnitId).Distinct().ToList();
        // The caller's own grants: naming the units they were granted reveals nothing further.
        var orgs = await tree.UnitsOfAsync(orgIds);
        var roles = caller.Grants
            .Where(g => g.Role is not null && orgs.ContainsKey(g.OrgUnitId))
            .Select(g => new RoleLine(g.Role!, orgs[g.OrgUnitId].Code, orgs[g.OrgUnitId].Name, orgs[g.OrgUnitId].NameEn ?? orgs[g.OrgUnitId].Name))
            .ToList();
        _loaded = (name, roles);
        return _loaded.Value;
    }
}
