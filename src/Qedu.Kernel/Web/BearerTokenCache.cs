using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace Qedu.Kernel.Web;

/// <summary>
/// Access tokens that OpenIddict has validated, remembered by their SHA-256 so the same token on the next request skips
/// the signature check and the token parsing (the largest part of an exchange-API read's authentication). Safe because
/// the outcome depends only on the token's own text, the signing keys and the time: a token is remembered only after it
/// passed, only until it expires and at most <see cref="MaxAge"/> (so a signing key taken out of service stops being
/// honoured within that time), and any other text (a tampered token) has another hash and is validated in full. Qedu's
/// tokens are self-contained JWTs checked without the database (no token entry is looked up), so no revocation is
/// skipped. What a token may do is not remembered here: grants are resolved on every request from its scopes.
/// </summary>
public sealed class BearerTokenCache(TimeProvider clock)
{
    /// <summary>The longest a validated token is taken on trust without checking it again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    /// <summary>Past this many tokens the expired ones are dropped, and all of them if none has expired.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(ClaimsPrincipal Principal, AuthenticationProperties Properties, DateTimeOffset Until);

    /// <summary>A copy of the principal and properties the token was validated to, while it is remembered.</summary>
    public (ClaimsPrincipal Principal, AuthenticationProperties Properties)? Find(string token)
    {
        var key = KeyOf(token);
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }
        if (clock.GetUtcNow() >= entry.Until)
        {
            _entries.TryRemove(key, out _);
            return null;
        }
        return (Copy(entry.Principal), entry.Properties.Clone());
    }

    /// <summary>Remembers a token OpenIddict has just accepted, until its expiry or for <see cref="MaxAge"/>, whichever is sooner.</summary>
    public void Remember(string token, ClaimsPrincipal principal, AuthenticationProperties? properties)
    {
        var now = clock.GetUtcNow();
        // A token without an expiry is never taken on trust.
        if (principal.GetExpirationDate() is not { } expires || expires <= now)
        {
            return;
        }
        if (_entries.Count >= MaxEntries)
        {
            foreach (var (key, old) in _entries)
            {
                if (now >= old.Until)
                {
                    _entries.TryRemove(key, out _);
                }
            }
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }
        }
        var until = expires < now + MaxAge ? expires : now + MaxAge;
        _entries[KeyOf(token)] = new Entry(Copy(principal), properties?.Clone() ?? new AuthenticationProperties(), until);
    }

    // ClaimsPrincipal.Clone shares the identities, to which a request may add claims: each copy gets its own.
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(i => i.Clone()));

    private static string KeyOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>
/// The bearer scheme API callers reach through the default policy scheme: a token seen and accepted within the last
/// minute is answered from <see cref="BearerTokenCache"/>; anything else goes to OpenIddict's validation, as do
/// challenges and refusals.
/// </summary>
internal sealed class CachedBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, BearerTokenCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "QeduBearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        if (token.Length > 0 && cache.Find(token) is { } found)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(found.Principal, found.Properties, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme));
        }
        var result = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result.Succeeded && token.Length > 0)
        {
            cache.Remember(token, result.Principal, result.Properties);
        }
        return result;
    }
}
