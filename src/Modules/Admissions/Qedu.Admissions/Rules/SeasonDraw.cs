using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Kernel.Access;

namespace Qedu.Admissions.Rules;

/// <summary>
/// The public draw's commitment (电脑随机派位): a season's seed is 32 random bytes (written as 64 hex characters), fixed
/// and published as SHA-256 of those 32 bytes before anyone can know the applicants, and revealed at the draw, which
/// runs the allocation with it once. Applicants appear in the published files only by their draw code, a salted hash
/// of the application id that the salt (never published) keeps from being reversed; each family sees its own code.
/// </summary>
internal sealed class SeasonDraw(AdmissionsDb db, IServiceScopeFactory scopes)
{
    public const int SeedBytes = 32;
    public const int SaltBytes = 32;

    /// <summary>Hex characters of a draw code: 64 bits, so a season of a million applicants has no collision in practice.</summary>
    public const int CodeLength = 16;

    /// <summary>Gives a season its seed, salt and commitment unless it has them (a new season, the demo's).</summary>
    public static void Commit(Season season, DateTimeOffset now)
    {
        if (season.DrawCommitment is not null)
        {
            return;
        }
        var seed = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SeedBytes));
        season.DrawSeed = seed;
        season.DrawSalt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SaltBytes));
        season.DrawCommitment = CommitmentOf(seed);
        season.DrawCommittedAt = now;
    }

    /// <summary>The commitment: lower-case hex SHA-256 of the 32 bytes whose hex is <paramref name="seed"/> (not of its text).</summary>
    public static string CommitmentOf(string seed) => Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(seed)));

    /// <summary>An application's draw code: the first 16 hex characters of HMAC-SHA256, keyed by the salt's bytes, of its id in decimal.</summary>
    public static string ApplicantCode(string salt, long applicationId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromHexString(salt),
            Encoding.UTF8.GetBytes(applicationId.ToString(CultureInfo.InvariantCulture))))[..CodeLength];

    /// <summary>Whether <paramref name="code"/> looks like a draw code (so a typed one can be looked up, anything else ignored).</summary>
    public static bool IsCode(string? code) => code is { Length: CodeLength } && code.All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// A family's draw code (派位码) for its application and the season's code (for the public page); the caller has
    /// checked the application is the family's own. Null when the season does not exist.
    /// </summary>
    public async Task<(string SeasonCode, string Code)?> CodeOfAsync(long seasonId, long applicationId, DateTimeOffset now, CancellationToken ct = default) =>
        await EnsureCommitmentAsync(seasonId, now, ct) is { DrawSalt: { } salt } season ? (season.Code, ApplicantCode(salt, applicationId)) : null;

    /// <summary>
    /// The season, committed: one without a commitment yet (made before commitments existed, or by hand) gets it now,
    /// written as the system whoever reads first (a family, the public, the bureau), since nobody may choose the seed.
    /// Two first readers at once: the season's revision lets one write and the other read what it wrote.
    /// </summary>
    public async Task<Season?> EnsureCommitmentAsync(long seasonId, DateTimeOffset now, CancellationToken ct = default)
    {
        var season = await db.Seasons.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().FirstOrDefaultAsync(s => s.Id == seasonId, ct);
        if (season is null || season.DrawCommitment is not null)
        {
            return season;
        }
        for (var attempt = 0; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("admissions:draw-commitment"));
            var systemDb = scope.ServiceProvider.GetRequiredService<AdmissionsDb>();
            var stored = await systemDb.Seasons.FirstAsync(s => s.Id == seasonId, ct);
            if (stored.DrawCommitment is not null)
            {
                return stored;
            }
            Commit(stored, now);
            stored.Revision++;
            try
            {
                await systemDb.SaveChangesAsync(ct);
                return stored;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // Someone changed the season meanwhile (perhaps committing it): read it again.
            }
        }
    }
}
