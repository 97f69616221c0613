using Qedu.Indicators.Domain;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Indicators.Data;
using Qedu.Indicators.Features.Forms;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Web.Tests.Infrastructure;

/// <summary>A clock that stands still at a chosen time, for deadlines; a real TimeProvider, not a stand-in for one.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    /// <summary>The given wall-clock time in China (UTC+8).</summary>
    public static FixedClock ChinaTime(DateOnly day, int hour, int minute) =>
        new(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8)).ToUniversalTime());
}

/// <summary>What the collection-form tests share: units, accounts, the use cases as a given person, the stored rows.</summary>
internal static class Forms
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Task<OrgUnit> UnitAsync(WebApp app, string code) => app.KernelAsync(db => db.OrgUnits.AsNoTracking().SingleAsync(o => o.Code == code));

    /// <summary>The open units of a kind below a bureau (any depth), by code.</summary>
    public static Task<List<OrgUnit>> BelowAsync(WebApp app, string bureauCode, OrgUnitKind kind) => app.KernelAsync(async db =>
    {
        var bureau = await db.OrgUnits.SingleAsync(o => o.Code == bureauCode);
        var units = await (from c in db.OrgClosure
                           join o in db.OrgUnits on c.DescendantId equals o.Id
                           where c.AncestorId == bureau.Id && c.Depth > 0 && o.Kind == kind
                           select o).AsNoTracking().ToListAsync();
        return units.Where(u => u.ClosedOn is null || u.ClosedOn > Today).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    });

    /// <summary>The schools directly under a district, other than the demo school administrator's, by code.</summary>
    public static async Task<List<OrgUnit>> OtherSchoolsAsync(WebApp app, string districtCode)
    {
        var district = await UnitAsync(app, districtCode);
        return (await BelowAsync(app, districtCode, OrgUnitKind.School))
            .Where(u => u.ParentId == district.Id && u.Code != TestWorld.AnchorSchool).ToList();
    }

    /// <summary>A signed-in client for a new school administrator of the school.</summary>
    public static async Task<HttpClient> SchoolAdminAsync(WebApp app, string userName, string schoolCode)
    {
        await app.CreateAccountAsync(userName, Roles.SchoolAdmin, schoolCode);
        return await app.ClientAsync(userName);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a service scope as the account <paramref name="userName"/> (its real grants), the
    /// way a request would, optionally with the use cases built on <paramref name="clock"/>.
    /// </summary>
    public static async Task<T> AsAsync<T>(WebApp app, string userName, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var id = await sp.GetRequiredService<Qedu.Kernel.Data.KernelDb>().Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString())], "test"));
        sp.GetRequiredService<CurrentAccess>().Set(await sp.GetRequiredService<AccessResolver>().ResolveAsync(principal, CancellationToken.None));
        return await work(sp);
    }

    public static Task<T> DbAsync<T>(WebApp app, Func<IndicatorsDb, Task<T>> query) =>
        app.AsSystemAsync(sp => query(sp.GetRequiredService<IndicatorsDb>()));

    /// <summary>The return of a unit in a round.</summary>
    public static Task<FormReturn> ReturnAsync(WebApp app, long roundId, int unitId) =>
        DbAsync(app, db => db.FormReturns.AsNoTracking().SingleAsync(r => r.RoundId == roundId && r.OrgUnitId == unitId));

    /// <summary>A round's deadline moved, as if it had been sent that long ago: the workflow itself never sets a past deadline.</summary>
    public static Task<int> MoveDeadlineAsync(WebApp app, long roundId, DateOnly deadline) => DbAsync(app, db =>
        db.FormRounds.Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Deadline, deadline)));

    public static async Task Expect(HttpStatusCode status, HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Sends a round over the API and returns its id and how many units it reached.</summary>
    public static async Task<(long Id, int Units)> SendAsync(HttpClient client, object round)
    {
        using var response = await client.PostAsync("/api/indicators/forms/rounds", Http.Json(round));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = await response.JsonAsync();
        return (json.GetProperty("id").GetInt64(), json.GetProperty("units").GetInt32());
    }

    /// <summary>The caller's unit's return in a round, from its own list.</summary>
    public static async Task<long> MyReturnAsync(HttpClient client, long roundId)
    {
        var mine = await (await client.GetAsync("/api/indicators/forms/mine")).JsonAsync();
        return mine.EnumerateArray().Select(m => m.GetProperty("return")).Single(r => r.GetProperty("roundId").GetInt64() == roundId).GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }
}
