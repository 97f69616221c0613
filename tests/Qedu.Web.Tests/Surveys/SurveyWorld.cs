using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Surveys;

/// <summary>
/// A survey of its own for each test, run by 市南区 over its schools: schools by index, their heads' clients, one-time
/// links made through the API as a school would, and answers sent through a link as a parent's phone would.
/// </summary>
internal sealed class SurveyWorld(WebApp app)
{
    public const string Parents = "QD-PARENT-2026";

    public string Code { get; } = "SV-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
    public OrgUnit District { get; private set; } = null!;
    public IReadOnlyList<OrgUnit> Schools { get; private set; } = [];
    public OrgUnit Elsewhere { get; private set; } = null!;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>The district's survey, open today for ten days.</summary>
    public async Task<SurveyWorld> CreateAsync(string questionnaire = Parents)
    {
        await app.AsSystemAsync(async sp =>
        {
            var tree = sp.GetRequiredService<OrgTree>();
            District = (await tree.FindAsync("370202"))!;
            Schools = [.. (await tree.OfKindAsync([OrgUnitKind.School], District.Id)).Where(s => s.ClosedOn is null)];
            var city = (await tree.FindAsync("370200"))!;
            Elsewhere = (await tree.OfKindAsync([OrgUnitKind.School], city.Id)).First(s => !Schools.Any(x => x.Id == s.Id));
            return 0;
        });
        using var created = await (await app.ClientAsync("shinan.admin")).PostAsJsonAsync("/api/surveys",
            new { code = Code, name = "测试满意度调查", questionnaire, opensOn = Today, closesOn = Today.AddDays(10) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return this;
    }

    /// <summary>A new head of <paramref name="school"/>: their client.</summary>
    public async Task<HttpClient> HeadAsync(OrgUnit school) => await app.ClientAsync(await app.NewAccountAsync("sv", Roles.SchoolAdmin, school.Code));

    /// <summary><paramref name="count"/> fresh links of the school, as its head makes them: the codes.</summary>
    public async Task<List<string>> LinksAsync(OrgUnit school, int count, HttpClient? head = null)
    {
        head ??= await HeadAsync(school);
        using var made = await head.PostAsJsonAsync($"/api/surveys/{Code}/links", new { count });
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        return [.. (await made.JsonAsync()).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!)];
    }

    /// <summary>Answers a link: the five-point values in order (one digit each, "55554445") and an optional comment for item 9.</summary>
    public async Task<HttpResponseMessage> AnswerAsync(string link, string values, string? comment = null)
    {
        var answers = values.Select((v, i) => (i + 1, v.ToString())).ToDictionary(a => a.Item1.ToString(System.Globalization.CultureInfo.InvariantCulture), a => (string?)a.Item2);
        if (comment is not null)
        {
            answers[(values.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)] = comment;
        }
        return await app.Anonymous().PostAsJsonAsync($"/api/surveys/respond/{link}", new { answers });
    }
}
