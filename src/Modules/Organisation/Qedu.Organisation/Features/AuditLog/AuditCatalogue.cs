namespace Qedu.Organisation.Features.AuditLog;

/// <summary>
/// The audit log's words for people: every action code the platform writes, the record types, and the fields whose
/// changes are worth a label, each with its text key in OrgText ("Audit.Action.auth.sign-in" …). A code not listed is
/// shown as written. Secrets (hashes, stamps, keys, tokens) are never shown, not even by name.
/// </summary>
internal static class AuditCatalogue
{
    /// <summary>Every action the platform records, in the order the filter lists them.</summary>
    public static readonly IReadOnlyList<string> Actions =
    [
        "auth.sign-in", "auth.sign-in-failed", "auth.sign-in-refused", "auth.password-accepted", "auth.password-change-required",
        "auth.sign-out", "auth.session-ended", "sso.authorize",
        "create", "update", "delete",
        "pii.read", "pii.view", "pii.denied", "export",
        "account.list", "account.read", "account.enabled", "account.disabled", "account.unlocked", "account.password-reset",
        "account.password-changed", "account.password-change-failed", "account.two-factor-enabled", "account.two-factor-disabled",
        "account.two-factor-reset", "account.recovery-codes-renewed", "account.privileged-role-granted", "account.privileged-role-revoked",
        "plans.evidence.download", "teachers.report-contact.read", "teachers.report-file.read",
        "audit.read", "audit.export",
    ];

    private static readonly HashSet<string> Known = [.. Actions];

    public static bool IsKnown(string? action) => action is not null && Known.Contains(action);

    public static string ActionKey(string action) => "Audit.Action." + action;

    /// <summary>Record types with a label; others are shown by their type name.</summary>
    public static readonly IReadOnlySet<string> EntityTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "User", "QeduUser", "RoleAssignment", "OrgUnit", "Student", "Staff", "Guardian", "SchoolClass", "Enrolment", "Campus",
        "Asset", "SchoolProfile", "Plan", "PlanTask", "ProgressReport", "Evidence", "SupervisionNotice", "Rectification",
        "FormRound", "FormReturn",
    };

    /// <summary>Fields with a label in the "what changed" column; others are shown by their name.</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "DisplayName", "HomeOrgUnitId", "IsActive", "MustChangePassword", "UserName", "LockoutEnd", "LockoutEnabled",
        "TwoFactorEnabled", "AccessFailedCount", "LastSignInAt", "Role", "OrgUnitId", "Name", "NameEn", "Kind", "ParentId",
        "State", "Title", "DueOn", "AcceptedAt", "Revision",
    };

    /// <summary>Fields whose values are org unit ids: shown as the unit's name.</summary>
    public static readonly IReadOnlySet<string> UnitFields = new HashSet<string>(StringComparer.Ordinal) { "HomeOrgUnitId", "OrgUnitId", "ParentId" };

    private static readonly string[] SecretEndings = ["hash", "stamp", "secret", "token", "key", "salt"];

    /// <summary>A credential or its bookkeeping (PasswordHash, SecurityStamp, ConcurrencyStamp…): never shown, not even by name.</summary>
    public static bool IsSecret(string field) =>
        SecretEndings.Any(e => field.EndsWith(e, StringComparison.OrdinalIgnoreCase))
        || field.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || field.Contains("password", StringComparison.OrdinalIgnoreCase) && !field.Equals("MustChangePassword", StringComparison.Ordinal);
}
