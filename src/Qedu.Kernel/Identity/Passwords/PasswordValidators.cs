using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qedu.Kernel.Data;
using Qedu.Kernel.Localization;

namespace Qedu.Kernel.Identity.Passwords;

/// <summary>
/// Identity's check of every new password (account creation, reset, change) against <see cref="PasswordPolicy"/>, with
/// the person's own names as context; messages in the caller's language. Replaces Identity's composition rules.
/// </summary>
public sealed class PolicyPasswordValidator(IOptions<AccountSecurityOptions> options, IStringLocalizer<KernelText> t) : IPasswordValidator<QeduUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<QeduUser> manager, QeduUser user, string? password)
    {
        var problems = new PasswordPolicy(options.Value.Passwords).Check(password ?? "", [user.UserName, user.DisplayName]);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(problems.Select(p => new IdentityError { Code = p.Code, Description = Describe(t, p) }).ToArray()));
    }

    public static string Describe(IStringLocalizer<KernelText> t, PasswordProblem problem) =>
        problem.Argument is null ? t[$"Password.{problem.Code}"] : string.Format(t[$"Password.{problem.Code}"], problem.Argument);
}

/// <summary>No password the account had among its last few (the current one included) may be chosen again.</summary>
public sealed class HistoryPasswordValidator(KernelDb db, IOptions<AccountSecurityOptions> options, IStringLocalizer<KernelText> t)
    : IPasswordValidator<QeduUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<QeduUser> manager, QeduUser user, string? password)
    {
        var keep = options.Value.Passwords.History;
        if (keep <= 0 || string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success;
        }
        var hashes = await db.PasswordHistory.AsNoTracking().Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.SetAt).ThenByDescending(h => h.Id).Take(keep).Select(h => h.Hash).ToListAsync();
        // Accounts from before the history existed have only their current hash.
        if (user.PasswordHash is { } current && !hashes.Contains(current))
        {
            hashes.Add(current);
        }
        foreach (var hash in hashes)
        {
            if (manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed)
            {
                return IdentityResult.Failed(new IdentityError { Code = "PasswordReused", Description = string.Format(t["Password.PasswordReused"], keep) });
            }
        }
        return IdentityResult.Success;
    }
}
