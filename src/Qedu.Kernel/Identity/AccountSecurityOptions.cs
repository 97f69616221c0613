using Qedu.Kernel.Access;

namespace Qedu.Kernel.Identity;

/// <summary>
/// The account-security settings (configuration section <c>Security</c>): sessions, passwords, failed sign-ins and the
/// second factor. The defaults follow OWASP ASVS 5.0 level 2 and MLPS 2.0 level 3; docs/security.md says which clause
/// each one answers.
/// </summary>
public sealed class AccountSecurityOptions
{
    public SessionSettings Sessions { get; set; } = new();
    public ParentSessionSettings ParentSessions { get; set; } = new();
    public PasswordSettings Passwords { get; set; } = new();
    public SignInSettings SignIn { get; set; } = new();
    public TwoFactorSettings TwoFactor { get; set; } = new();

    public sealed class SessionSettings
    {
        /// <summary>A session with no request for this long ends (ASVS 7.3.1; MLPS 8.1.4.1 b "登录连接超时自动退出").</summary>
        public int IdleMinutes { get; set; } = 30;

        /// <summary>A session ends this long after sign-in, however active (ASVS 7.3.2).</summary>
        public int AbsoluteHours { get; set; } = 12;
    }

    /// <summary>
    /// Parents' sessions (<c>Security:ParentSessions</c>): shorter than staff's, because a parent's phone is often
    /// shared or borrowed and an enrolment errand takes minutes, not a working day. docs/security.md, "Parents".
    /// </summary>
    public sealed class ParentSessionSettings
    {
        /// <summary>A parent's session with no request for this long ends (the cookie slides while it is used).</summary>
        public int IdleMinutes { get; set; } = 30;

        /// <summary>A parent's session ends this long after sign-in, however active; signing in again takes one text.</summary>
        public int AbsoluteHours { get; set; } = 8;
    }

    public sealed class PasswordSettings
    {
        /// <summary>ASVS 6.2.1: at least 12 characters.</summary>
        public int MinLength { get; set; } = 12;

        /// <summary>How many earlier passwords may not be chosen again (the current one included).</summary>
        public int History { get; set; } = 5;

        /// <summary>
        /// Days after which a password must be changed; 0 (the default) never. ASVS 6.2.10 and NIST SP 800-63B advise
        /// against periodic change; a bureau whose MLPS assessor asks for it ("定期更换") sets this (ADR 10).
        /// </summary>
        public int MaxAgeDays { get; set; }

        /// <summary>
        /// How many of the four character classes (upper case, lower case, digits, symbols) a password must mix; 0 (the
        /// default) none, as ASVS 6.2.5 asks. For an assessor who reads MLPS's "复杂度要求" as composition rules (ADR 10).
        /// </summary>
        public int CharacterClasses { get; set; }
    }

    public sealed class SignInSettings
    {
        /// <summary>Failures from one address against one account after which each further attempt must wait.</summary>
        public int SlowDownAfter { get; set; } = 3;

        /// <summary>Failures from one address against one account that lock that address out of that account.</summary>
        public int LockAfter { get; set; } = 5;

        /// <summary>How long such a lock lasts; failures older than this are forgotten.</summary>
        public int LockMinutes { get; set; } = 15;
    }

    public sealed class TwoFactorSettings
    {
        /// <summary>
        /// Roles whose holders must use a second factor (TOTP) to sign in. Administrators and auditors by default;
        /// any other role may be added, and a person may always turn it on for themselves.
        /// </summary>
        public Dictionary<string, bool> Required { get; set; } = new(StringComparer.Ordinal)
        {
            [Roles.CityAdmin] = true,
            [Roles.DistrictAdmin] = true,
            [Roles.SchoolAdmin] = true,
            [Roles.Auditor] = true,
        };

        /// <summary>The issuer an authenticator app shows beside the account.</summary>
        public string Issuer { get; set; } = "Qedu";

        public bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(r => Required.TryGetValue(r, out var on) && on);
    }
}
