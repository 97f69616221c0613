using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Identity;

/// <summary>
/// Identity's user manager with what Qedu adds to passwords and second factors: every password set is remembered (as
/// its hash) so the last few are not chosen again, and stamps when it was set; recovery codes are stored as password
/// hashes, not as the plain text Identity keeps (ASVS 6.5.2: lookup secrets of under 112 bits are hashed like passwords).
/// </summary>
public sealed class QeduUserManager(
    IUserStore<QeduUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<QeduUser> passwordHasher,
    IEnumerable<IUserValidator<QeduUser>> userValidators,
    IEnumerable<IPasswordValidator<QeduUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<QeduUser>> logger,
    KernelDb db,
    TimeProvider clock,
    IOptions<AccountSecurityOptions> security)
    : UserManager<QeduUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private const string RecoveryCodeProvider = "[AspNetUserStore]";
    private const string RecoveryCodeName = "RecoveryCodes";

    // No 0/O or 1/I, so a code read off paper is typed right.
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public override Task<IdentityResult> CreateAsync(QeduUser user, string password) => RememberingAsync(user, () => base.CreateAsync(user, password));

    public override Task<IdentityResult> ChangePasswordAsync(QeduUser user, string currentPassword, string newPassword) =>
        RememberingAsync(user, () => base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override Task<IdentityResult> ResetPasswordAsync(QeduUser user, string token, string newPassword) =>
        RememberingAsync(user, () => base.ResetPasswordAsync(user, token, newPassword));

    public override Task<IdentityResult> AddPasswordAsync(QeduUser user, string password) => RememberingAsync(user, () => base.AddPasswordAsync(user, password));

    /// <summary>Sets the password's date with the write that sets it, then keeps its hash in the history.</summary>
    private async Task<IdentityResult> RememberingAsync(QeduUser user, Func<Task<IdentityResult>> setPassword)
    {
        var before = user.PasswordChangedAt;
        var now = clock.GetUtcNow();
        user.PasswordChangedAt = now;
        var result = await setPassword();
        if (!result.Succeeded || user.PasswordHash is null)
        {
            user.PasswordChangedAt = before;
            return result;
        }
        db.PasswordHistory.Add(new PasswordHistoryEntry { UserId = user.Id, Hash = user.PasswordHash, SetAt = now });
        await db.SaveChangesAsync(CancellationToken);
        var keep = Math.Max(1, security.Value.Passwords.History);
        var stale = await db.PasswordHistory.Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.SetAt).ThenByDescending(h => h.Id).Skip(keep).Select(h => h.Id).ToListAsync(CancellationToken);
        if (stale.Count > 0)
        {
            await db.PasswordHistory.Where(h => stale.Contains(h.Id)).ExecuteDeleteAsync(CancellationToken);
        }
        return result;
    }

    public override async Task<IEnumerable<string>?> GenerateNewTwoFactorRecoveryCodesAsync(QeduUser user, int number)
    {
        var codes = Enumerable.Range(0, number).Select(_ => NewRecoveryCode()).ToList();
        var hashes = codes.Select(c => PasswordHasher.HashPassword(user, Normalize(c))).ToList();
        await RecoveryCodes.ReplaceCodesAsync(user, hashes, CancellationToken);
        var update = await UpdateAsync(user);
        return update.Succeeded ? codes : null;
    }

    public override async Task<IdentityResult> RedeemTwoFactorRecoveryCodeAsync(QeduUser user, string code)
    {
        var stored = await GetAuthenticationTokenAsync(user, RecoveryCodeProvider, RecoveryCodeName) ?? "";
        var hashes = stored.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var normalized = Normalize(code);
        var match = normalized.Length == 0 ? null
            : hashes.FirstOrDefault(h => PasswordHasher.VerifyHashedPassword(user, h, normalized) != PasswordVerificationResult.Failed);
        if (match is null)
        {
            return IdentityResult.Failed(ErrorDescriber.RecoveryCodeRedemptionFailed());
        }
        hashes.Remove(match);
        await RecoveryCodes.ReplaceCodesAsync(user, hashes, CancellationToken);
        return await UpdateAsync(user);
    }

    private IUserTwoFactorRecoveryCodeStore<QeduUser> RecoveryCodes =>
        Store as IUserTwoFactorRecoveryCodeStore<QeduUser> ?? throw new NotSupportedException("The user store keeps no recovery codes.");

    private static string NewRecoveryCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(CodeAlphabet, 10);
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }

    private static string Normalize(string code) =>
        new string(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
