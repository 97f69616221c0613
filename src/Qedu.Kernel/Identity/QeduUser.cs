using Microsoft.AspNetCore.Identity;

namespace Qedu.Kernel.Identity;

/// <summary>An account. Its roles are <see cref="RoleAssignment"/>s, each bound to an org unit (its scope).</summary>
public sealed class QeduUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    /// <summary>Where the person works or belongs: a school, a department or a bureau. Decides who may manage the account.</summary>
    public int HomeOrgUnitId { get; set; }

    /// <summary>A disabled account cannot sign in and its grants are void at once, whatever cookie it still holds.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }

    public List<RoleAssignment> Assignments { get; set; } = [];
}

/// <summary>A role held over the subtree of one org unit.</summary>
public sealed class RoleAssignment
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Role { get; set; }
    public int OrgUnitId { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public string? GrantedBy { get; set; }
}
