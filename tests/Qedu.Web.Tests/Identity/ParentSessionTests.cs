using System.Net;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Identity;

/// <summary>
/// A parent's session ends after 30 idle minutes (use keeps it alive) and 8 hours after sign-in however busy. The clock
/// is the app's own, moved by the tests (the cookie handler and the session check both read it).
/// </summary>
[Collection(ClockedCollection.Name)]
public sealed class ParentSessionTests(ClockedApp app)
{
    [Fact]
    public async Task Thirty_idle_minutes_end_a_parents_session_and_use_keeps_it_alive()
    {
        var (parent, _) = await Parents.SignInAsync(app);

        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync("/parent")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(29)); // 58 minutes after sign-in, 29 after the last request
        Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync("/parent")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        using var idle = await parent.GetAsync("/parent");
        Assert.Equal("/parent/login", idle.RedirectPath());
    }

    [Fact]
    public async Task Eight_hours_after_sign_in_a_parents_session_ends_however_busy()
    {
        var (parent, _) = await Parents.SignInAsync(app);

        var elapsed = TimeSpan.Zero;
        while (elapsed + TimeSpan.FromMinutes(20) < TimeSpan.FromHours(8))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            elapsed += TimeSpan.FromMinutes(20);
            using var alive = await parent.GetAsync("/parent");
            Assert.True(alive.StatusCode == HttpStatusCode.OK, $"{elapsed} after sign-in: {(int)alive.StatusCode} {alive.Headers.Location}");
        }
        app.Clock.Advance(TimeSpan.FromHours(8) - elapsed);

        using var ended = await parent.GetAsync("/parent");
        Assert.Equal("/parent/login", ended.RedirectPath());
    }
}
