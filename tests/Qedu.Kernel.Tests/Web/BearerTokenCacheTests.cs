using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Time.Testing;
using OpenIddict.Abstractions;
using Qedu.Kernel.Web;

namespace Qedu.Kernel.Tests.Web;

public class BearerTokenCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 3, 0, 0, TimeSpan.Zero));

    private ClaimsPrincipal Principal(TimeSpan? expiresIn)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "demo-city")], "tests"));
        if (expiresIn is { } lifetime)
        {
            principal.SetExpirationDate(_clock.GetUtcNow() + lifetime);
        }
        return principal;
    }

    [Fact]
    public void A_validated_token_is_taken_on_trust_for_at_most_a_minute()
    {
        var cache = new BearerTokenCache(_clock);
        cache.Remember("token-a", Principal(TimeSpan.FromHours(1)), new AuthenticationProperties());

        _clock.Advance(BearerTokenCache.MaxAge - TimeSpan.FromSeconds(1));
        Assert.Equal("demo-city", cache.Find("token-a")?.Principal.FindFirst("sub")?.Value);

        // After that it goes through OpenIddict's validation again (a signing key taken out of service is honoured).
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(cache.Find("token-a"));
    }

    [Fact]
    public void A_token_is_never_taken_on_trust_past_its_own_expiry()
    {
        var cache = new BearerTokenCache(_clock);
        cache.Remember("token-b", Principal(TimeSpan.FromSeconds(10)), null);

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.NotNull(cache.Find("token-b"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(cache.Find("token-b"));
    }

    [Fact]
    public void Only_the_very_same_text_is_recognised_and_a_token_without_expiry_never()
    {
        var cache = new BearerTokenCache(_clock);
        cache.Remember("header.payload.signature", Principal(TimeSpan.FromHours(1)), null);
        cache.Remember("no-expiry", Principal(null), null);

        Assert.Null(cache.Find("header.payload.signaturf"));
        Assert.Null(cache.Find("header.payload.signature "));
        Assert.Null(cache.Find("no-expiry"));
        Assert.NotNull(cache.Find("header.payload.signature"));
    }

    [Fact]
    public void Each_request_gets_its_own_copy_of_the_principal()
    {
        var cache = new BearerTokenCache(_clock);
        cache.Remember("token-c", Principal(TimeSpan.FromHours(1)), null);

        var first = cache.Find("token-c")!.Value.Principal;
        ((ClaimsIdentity)first.Identity!).AddClaim(new Claim("added", "by one request"));

        Assert.Null(cache.Find("token-c")!.Value.Principal.FindFirst("added"));
    }
}
