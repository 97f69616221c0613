using Microsoft.AspNetCore.Identity;
using Qedu.Kernel.Audit;

namespace Qedu.Kernel.Identity;

/// <summary>An account. Its roles are <see cref="RoleAssignment"/>s, each bound to an org unit (its scope).</summary>
public sealed class QeduUser : IdentityUser<Guid>
{
    [AuditedValue]
    public required string DisplayName { get; set; }

    /// <summary>Where the person works or belongs: a school, a department or a bureau. Decides who may manage the account.</summary>
    [AuditedValue]
    public int HomeOrgUnitId { get; set; }

    /// <summary>A disabled account cannot sign in and its grants are void at once, whatever cookie it still holds.</summary>
    [AuditedValue]
    public bool IsActive { get; set; } = true;

    /// <summary>
    /// The person's staff record in the registry (教职工号, unique in the city), for staff: a teacher sees the classes
    /// that record heads or teaches. A string, not a key: the registry is another module's data.
    /// </summary>
    public string? StaffNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>
    /// Set when someone else chose the password (an administrator's reset or a new account), or when the password no
    /// longer meets the policy: the person must choose their own before anything else.
    /// </summary>
    [AuditedValue]
    public bool MustChangePassword { get; set; }

    /// <summary>When the password was last set (for the optional maximum age).</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }

    public List<RoleAssignment> Assignments { get; set; } = [];

    /// <summary>Hashes of the last few passwords, so none of them is chosen again.</summary>
    public List<PasswordHistoryEntry> PasswordHistory { get; set; } = [];
}

/// <summary>A role held over the subtree of one org unit.</summary>
public sealed class RoleAssignment
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    [AuditedValue]
    public required string Role { get; set; }
    [AuditedValue]
    public int OrgUnitId { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public string? GrantedBy { get; set; }
}

/// <summary>The hash of a password an account once had (never the password).</summary>
public sealed class PasswordHistoryEntry
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset SetAt { get; set; }
}
