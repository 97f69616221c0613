using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Qedu.Organisation.Resources;

namespace Qedu.Organisation.Features.Accounts;

/// <summary>ASP.NET Core Identity's messages (password rules, names) in the caller's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<OrgText> t) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), string.Format(t["Identity.PasswordTooShort"], length));
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), t["Identity.PasswordRequiresDigit"]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), t["Identity.PasswordRequiresLower"]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), t["Identity.PasswordRequiresUpper"]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), t["Identity.PasswordRequiresNonAlphanumeric"]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), string.Format(t["Identity.DuplicateUserName"], userName));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), string.Format(t["Identity.InvalidUserName"], userName));

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
