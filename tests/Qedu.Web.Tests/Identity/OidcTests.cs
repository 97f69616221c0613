using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Qedu.Kernel.Access;
using Qedu.Kernel.DemoCity;
using Qedu.Testing;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Identity;

/// <summary>
/// Qedu as an OpenID Connect provider, driven as its clients drive it: a data-exchange system with client credentials,
/// a portal with the authorization code flow and PKCE (a person signing in with their cookie), and callers that get
/// something wrong.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class OidcTests(WebApp app)
{
    private const string PortalRedirect = "http://localhost:5090/signin-oidc";

    [Theory]
    [InlineData("demo-city", TestWorld.Shinan, HttpStatusCode.OK)]
    [InlineData("demo-city", TestWorld.Shibei, HttpStatusCode.OK)]
    [InlineData("demo-shinan", TestWorld.Shinan, HttpStatusCode.OK)]
    [InlineData("demo-shinan", TestWorld.AnchorSchool, HttpStatusCode.OK)]
    [InlineData("demo-shinan", TestWorld.Shibei, HttpStatusCode.NotFound)]
    [InlineData("demo-shinan", TestWorld.City, HttpStatusCode.NotFound)]
    public async Task A_client_credentials_token_reads_org_units_only_under_the_clients_org(string clientId, string code, HttpStatusCode expected)
    {
        var token = await ClientTokenAsync(clientId, Permissions.OrgRead);

        using var response = await BearerGetAsync(token, $"/api/org-units/{code}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(code, (await response.JsonAsync()).GetProperty("code").GetString());
        }
        else
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(app.World.Names[code], body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_client_token_speaks_for_the_client_and_carries_only_the_scopes_asked_for()
    {
        var token = await ClientTokenAsync("demo-shinan", Permissions.RegistryRead);

        using var me = await BearerGetAsync(token, "/api/me");
        using var org = await BearerGetAsync(token, $"/api/org-units/{TestWorld.Shinan}");
        using var school = await BearerGetAsync(token, $"/api/registry/schools/{TestWorld.AnchorSchool}");

        var json = await me.JsonAsync();
        Assert.Equal("Client", json.GetProperty("kind").GetString());
        Assert.Equal([Permissions.RegistryRead], json.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal([TestWorld.Shinan], json.GetProperty("scopeCodes").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, org.StatusCode); // org.read was not asked for
        Assert.Equal(HttpStatusCode.OK, school.StatusCode);
    }

    [Fact]
    public async Task A_clients_unit_is_remembered_but_its_grant_still_comes_from_each_token()
    {
        // The unit's id behind a client's org code is kept for the process (OrgCodes); what the token allows is not:
        // after the city client's and a registry.read token's requests, another client and a narrower token of the
        // same client are still held to their own unit and scopes.
        var city = await ClientTokenAsync("demo-city", $"{Permissions.OrgRead} {Permissions.RegistryRead}");
        var shinan = await ClientTokenAsync("demo-shinan", $"{Permissions.OrgRead} {Permissions.RegistryRead}");
        var shinanOrgOnly = await ClientTokenAsync("demo-shinan", Permissions.OrgRead);
        for (var round = 0; round < 2; round++)
        {
            using var cityReads = await BearerGetAsync(city, $"/api/org-units/{TestWorld.Shibei}");
            using var shinanReads = await BearerGetAsync(shinan, $"/api/org-units/{TestWorld.Shibei}");
            using var shinanSchool = await BearerGetAsync(shinan, $"/api/registry/schools/{TestWorld.AnchorSchool}");
            using var narrowSchool = await BearerGetAsync(shinanOrgOnly, $"/api/registry/schools/{TestWorld.AnchorSchool}");
            using var narrowOrg = await BearerGetAsync(shinanOrgOnly, $"/api/org-units/{TestWorld.Shinan}");

            Assert.Equal(HttpStatusCode.OK, cityReads.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, shinanReads.StatusCode);
            Assert.Equal(HttpStatusCode.OK, shinanSchool.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, narrowSchool.StatusCode);
            Assert.Equal(HttpStatusCode.OK, narrowOrg.StatusCode);
        }
    }

    [Fact]
    public async Task A_client_cannot_get_a_scope_it_was_not_granted()
    {
        using var response = await TokenRequestAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-shinan",
            ["client_secret"] = DemoAccounts.ClientSecret,
            ["scope"] = Permissions.RegistryWrite,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.JsonAsync();
        // OpenIddict reports a scope outside the client's permissions as invalid_request (ID2051); either code is OAuth.
        Assert.True(json.GetProperty("error").GetString() is "invalid_scope" or "invalid_request", json.ToString());
        Assert.False(json.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_client_that_asks_for_no_scope_gets_the_scopes_it_is_allowed_and_no_more()
    {
        using var response = await TokenRequestAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-shinan",
            ["client_secret"] = DemoAccounts.ClientSecret,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.JsonAsync()).GetProperty("access_token").GetString()!;

        // The README's example: org.read and registry.read work without naming them; registry.write the client never had.
        using var org = await BearerGetAsync(token, $"/api/org-units/{TestWorld.Shinan}");
        Assert.Equal(HttpStatusCode.OK, org.StatusCode);
        using var school = await BearerGetAsync(token, $"/api/registry/schools/{TestWorld.AnchorSchool}");
        Assert.Equal(HttpStatusCode.OK, school.StatusCode);
        using var write = await BearerSendAsync(token, HttpMethod.Post, "/api/registry/classes", Http.Json(new Dictionary<string, string?>()));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Theory]
    [InlineData("demo-city", "wrong-secret", "invalid_client")]
    [InlineData("no-such-client", DemoAccounts.ClientSecret, "invalid_client")]
    [InlineData("demo-city", "", "invalid_request")] // no secret at all: a malformed request for a confidential client
    public async Task A_bad_client_secret_or_unknown_client_gets_an_oauth_error_and_no_token(string clientId, string secret, string error)
    {
        using var response = await TokenRequestAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = Permissions.OrgRead,
        });

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"got {(int)response.StatusCode}");
        var json = await response.JsonAsync();
        Assert.Equal(error, json.GetProperty("error").GetString());
        Assert.False(json.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_forged_or_unknown_bearer_token_is_refused()
    {
        using var response = await BearerGetAsync("not.a.token", $"/api/org-units/{TestWorld.Shinan}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_tampered_copy_of_a_token_accepted_a_moment_ago_is_still_refused()
    {
        // The first request puts the token in BearerTokenCache; a copy with its signature changed is another text and is
        // validated in full.
        var token = await ClientTokenAsync("demo-city", Permissions.OrgRead);
        using var genuine = await BearerGetAsync(token, $"/api/org-units/{TestWorld.Shinan}");
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        using var forged = await BearerGetAsync(tampered, $"/api/org-units/{TestWorld.Shinan}");
        using var again = await BearerGetAsync(token, $"/api/org-units/{TestWorld.Shinan}");

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Authorization_code_with_pkce_signs_a_person_in_for_the_portal_with_their_own_scope()
    {
        var (verifier, challenge) = Pkce();
        var state = Guid.NewGuid().ToString("N");
        var browser = app.Anonymous();
        var authorize = AuthorizeUrl(challenge, state, "openid profile org.read");

        // Not signed in yet: the provider sends the person to the sign-in page, which brings them back afterwards.
        using var first = await browser.GetAsync(authorize);
        Assert.Equal("/login", first.RedirectPath());
        var returnUrl = QueryHelpers.ParseQuery(first.Headers.Location!.Query)["ReturnUrl"].ToString();
        Assert.StartsWith("/connect/authorize?", returnUrl, StringComparison.Ordinal);

        using var login = await QeduApp.PostLoginAsync(browser, "teacher", DemoAccounts.Password, returnUrl);
        Assert.Equal("/connect/authorize", login.RedirectPath());

        using var back = await browser.GetAsync(login.Headers.Location);
        Assert.True(back.IsRedirect(), $"expected a redirect to the portal, got {(int)back.StatusCode}");
        var callback = back.Headers.Location!;
        Assert.Equal(PortalRedirect, callback.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal(state, query["state"].ToString());
        var code = query["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code));

        using var exchange = await TokenRequestAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = DemoAccounts.PortalClientId,
            ["code"] = code,
            ["redirect_uri"] = PortalRedirect,
            ["code_verifier"] = verifier,
        });
        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        var tokens = await exchange.JsonAsync();
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("id_token").GetString()));

        // The token speaks for the teacher, limited to the teacher's school and to the scopes the portal asked for.
        using var me = await BearerGetAsync(accessToken, "/api/me");
        var meJson = await me.JsonAsync();
        Assert.Equal("User", meJson.GetProperty("kind").GetString());
        Assert.Equal([Permissions.OrgRead], meJson.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        using var own = await BearerGetAsync(accessToken, $"/api/org-units/{TestWorld.AnchorSchool}");
        using var other = await BearerGetAsync(accessToken, $"/api/org-units/{TestWorld.Shibei}");
        using var registry = await BearerGetAsync(accessToken, $"/api/registry/schools/{TestWorld.AnchorSchool}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, registry.StatusCode); // the teacher may, but the portal did not ask

        using var userInfo = await BearerGetAsync(accessToken, "/connect/userinfo");
        Assert.Equal(HttpStatusCode.OK, userInfo.StatusCode);
        Assert.Equal("teacher", (await userInfo.JsonAsync()).GetProperty("preferred_username").GetString());

        // A code is good for one exchange only.
        using var replay = await TokenRequestAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = DemoAccounts.PortalClientId,
            ["code"] = code,
            ["redirect_uri"] = PortalRedirect,
            ["code_verifier"] = verifier,
        });
        Assert.Equal("invalid_grant", (await replay.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_code_cannot_be_exchanged_without_the_pkce_verifier_that_goes_with_it()
    {
        var (_, challenge) = Pkce();
        var browser = await app.SignInAsync("teacher");
        using var authorized = await browser.GetAsync(AuthorizeUrl(challenge, "s", "openid org.read"));
        var code = QueryHelpers.ParseQuery(authorized.Headers.Location!.Query)["code"].ToString();

        using var response = await TokenRequestAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = DemoAccounts.PortalClientId,
            ["code"] = code,
            ["redirect_uri"] = PortalRedirect,
            ["code_verifier"] = Pkce().Verifier,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_portal_must_use_pkce_and_a_registered_redirect_uri()
    {
        var browser = await app.SignInAsync("teacher");

        using var noPkce = await browser.GetAsync(
            $"/connect/authorize?client_id={DemoAccounts.PortalClientId}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(PortalRedirect)}");
        using var elsewhere = await browser.GetAsync(AuthorizeUrl(Pkce().Challenge, "s", "openid", "https://attacker.example/callback"));

        // Both are refused on the spot: no code is issued and nothing is sent to any redirect address.
        foreach (var (response, parameter) in new[] { (noPkce, "code_challenge"), (elsewhere, "redirect_uri") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Null(response.Headers.Location);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("invalid_request", body, StringComparison.Ordinal);
            Assert.Contains(parameter, body, StringComparison.Ordinal);
        }
    }

    private async Task<string> ClientTokenAsync(string clientId, string scope)
    {
        using var response = await TokenRequestAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = DemoAccounts.ClientSecret,
            ["scope"] = scope,
        });
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token request failed: {json}");
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString(), StringComparer.OrdinalIgnoreCase);
        return json.GetProperty("access_token").GetString()!;
    }

    private async Task<HttpResponseMessage> TokenRequestAsync(Dictionary<string, string> form)
    {
        var client = app.Anonymous();
        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    private Task<HttpResponseMessage> BearerGetAsync(string token, string url) => BearerSendAsync(token, HttpMethod.Get, url);

    private async Task<HttpResponseMessage> BearerSendAsync(string token, HttpMethod method, string url, HttpContent? content = null)
    {
        var client = app.Anonymous();
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static string AuthorizeUrl(string challenge, string state, string scope, string redirect = PortalRedirect) =>
        "/connect/authorize?" + string.Join("&", new Dictionary<string, string>
        {
            ["client_id"] = DemoAccounts.PortalClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirect,
            ["scope"] = scope,
            ["state"] = state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>A PKCE verifier and its S256 challenge (RFC 7636).</summary>
    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
