using Qedu.Indicators.Domain;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Indicators.Computation;
using Qedu.Indicators.Features.Forms;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Web.Tests.Infrastructure;
using static Qedu.Web.Tests.Infrastructure.Forms;

namespace Qedu.Web.Tests.Indicators;

/// <summary>
/// Collection forms (填报) over HTTP and through the use cases on the demo city: the city sends a form to its schools,
/// schools fill in, one late, the district sends one back and approves the correction, the indicator counts the
/// approved returns at the district and the city; who may fill and who may review; which units a form reaches; bad
/// answers named by field in both languages; and refusals that write nothing. Each test uses periods of its own, so
/// the demo city's round (this year's campus network) and the other tests' rounds never meet.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FormsApiTests(WebApp app)
{
    private const string City = "city.admin";
    private const string District = "shinan.admin";
    private const string School = "school.admin";

    [Fact]
    public async Task A_city_collects_campus_networks_and_the_compliance_rate_counts_the_approved_returns()
    {
        const string period = "2021";
        var city = await app.ClientAsync(City);
        var district = await app.ClientAsync(District);
        var school = await app.ClientAsync(School);
        var schoolsOfCity = await BelowAsync(app, TestWorld.City, OrgUnitKind.School);
        var shinanSchools = await BelowAsync(app, TestWorld.Shinan, OrgUnitKind.School);
        var others = await OtherSchoolsAsync(app, TestWorld.Shinan);
        var shibeiSchool = (await OtherSchoolsAsync(app, TestWorld.Shibei))[0];
        var second = await SchoolAdminAsync(app, "forms.api.second", others[0].Code);
        var third = await SchoolAdminAsync(app, "forms.api.third", others[1].Code);
        await app.CreateAccountAsync("forms.api.shibei", Roles.DistrictAdmin, TestWorld.Shibei);
        var shibei = await app.ClientAsync("forms.api.shibei");
        var shibeiAdmin = await SchoolAdminAsync(app, "forms.api.shibei.school", shibeiSchool.Code);

        // The city sends: one return per school of the city, whatever district it is in.
        var (round, units) = await SendAsync(city, new { form = "campus-network", period, deadline = Date(Today) });
        Assert.Equal(schoolsOfCity.Count, units);
        Assert.Equal(schoolsOfCity.Select(s => s.Id).Order(), await DbAsync(app, db => db.FormReturns.Where(r => r.RoundId == round).Select(r => r.OrgUnitId).OrderBy(i => i).ToListAsync()));
        // The district sees the city's round, counted over its own schools.
        var seen = (await GetAsync(district, "/api/indicators/forms/rounds")).EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == round);
        Assert.Equal(shinanSchools.Count, seen.GetProperty("counts").GetProperty("units").GetInt32());
        Assert.Equal(TestWorld.City, seen.GetProperty("owner").GetProperty("code").GetString());

        // Two Shinan schools and one Shibei school hand in on time; the district bureaus approve.
        foreach (var (client, compliant) in new[] { (second, true), (third, false), (shibeiAdmin, true) })
        {
            var id = await MyReturnAsync(client, round);
            await Expect(HttpStatusCode.NoContent, await client.PostAsync($"/api/indicators/forms/returns/{id}/submit",
                Http.Json(new { values = new Dictionary<string, object> { ["compliant"] = compliant, ["bandwidth"] = compliant ? 1000 : 200, ["notes"] = "已完成自查" } })));
            await Expect(HttpStatusCode.NoContent, await (client == shibeiAdmin ? shibei : district).PostAsync($"/api/indicators/forms/returns/{id}/approve", null));
        }

        // The deadline passes; the demo school saves a draft, then hands in late with what it saved.
        await MoveDeadlineAsync(app, round, Today.AddDays(-1));
        var mine = await MyReturnAsync(school, round);
        await Expect(HttpStatusCode.NoContent, await school.PutAsync($"/api/indicators/forms/returns/{mine}",
            Http.Json(new { values = new { compliant = "是", bandwidth = "1,000", wireless = "否" } })));
        var draft = await GetAsync(school, $"/api/indicators/forms/returns/{mine}");
        Assert.Equal("Draft", draft.GetProperty("return").GetProperty("state").GetString());
        Assert.True(draft.GetProperty("return").GetProperty("overdue").GetBoolean());
        Assert.True(draft.GetProperty("canFill").GetBoolean());
        Assert.Equal(1000m, draft.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("field").GetString() == "bandwidth").GetProperty("number").GetDecimal());
        await Expect(HttpStatusCode.NoContent, await school.PostAsync($"/api/indicators/forms/returns/{mine}/submit", null));
        var handedIn = await GetAsync(school, $"/api/indicators/forms/returns/{mine}");
        Assert.Equal("Submitted", handedIn.GetProperty("return").GetProperty("state").GetString());
        Assert.True(handedIn.GetProperty("return").GetProperty("late").GetBoolean());
        Assert.False(handedIn.GetProperty("canFill").GetBoolean());
        await Expect(HttpStatusCode.Conflict, await school.PutAsync($"/api/indicators/forms/returns/{mine}", Http.Json(new { values = new { compliant = false } })));

        // Only the bureau above reviews: not the school, not another district. A send-back needs its reason.
        await Expect(HttpStatusCode.Forbidden, await school.PostAsync($"/api/indicators/forms/returns/{mine}/approve", null));
        await Expect(HttpStatusCode.NotFound, await shibei.PostAsync($"/api/indicators/forms/returns/{mine}/approve", null));
        using (var noReason = await district.PostAsync($"/api/indicators/forms/returns/{mine}/send-back", Http.Json(new { comment = " " })))
        {
            Assert.Equal(["comment"], (await noReason.ProblemAsync()).Errors.Keys.ToArray());
        }
        Assert.Equal(ReturnState.Submitted, (await ReturnAsync(app, round, (await UnitAsync(app, TestWorld.AnchorSchool)).Id)).State);
        await Expect(HttpStatusCode.NoContent, await district.PostAsync($"/api/indicators/forms/returns/{mine}/send-back",
            Http.Json(new { comment = "出口带宽与运营商合同不符，请核实。" })));
        var returned = await GetAsync(school, $"/api/indicators/forms/returns/{mine}");
        Assert.Equal("Returned", returned.GetProperty("return").GetProperty("state").GetString());
        Assert.Equal("出口带宽与运营商合同不符，请核实。", returned.GetProperty("reviewComment").GetString());

        // Corrected and handed in again: still late (judged by the first hand-in), then approved.
        await Expect(HttpStatusCode.NoContent, await school.PostAsync($"/api/indicators/forms/returns/{mine}/submit",
            Http.Json(new { values = new { compliant = false, bandwidth = 500 } })));
        await Expect(HttpStatusCode.NoContent, await district.PostAsync($"/api/indicators/forms/returns/{mine}/approve", Http.Json(new { comment = "已核实" })));
        await Expect(HttpStatusCode.Conflict, await district.PostAsync($"/api/indicators/forms/returns/{mine}/approve", null));
        var approved = await GetAsync(city, $"/api/indicators/forms/returns/{mine}");
        Assert.Equal("Approved", approved.GetProperty("return").GetProperty("state").GetString());
        Assert.True(approved.GetProperty("return").GetProperty("late").GetBoolean());
        Assert.DoesNotContain(approved.GetProperty("values").EnumerateArray(), v => v.GetProperty("field").GetString() == "wireless" && v.GetProperty("number").ValueKind != System.Text.Json.JsonValueKind.Null);

        // The city's view of the round: four handed in and approved, one of them late, the rest missing and overdue.
        var counts = (await GetAsync(city, $"/api/indicators/forms/rounds/{round}")).GetProperty("round").GetProperty("counts");
        Assert.Equal(schoolsOfCity.Count, counts.GetProperty("units").GetInt32());
        Assert.Equal(4, counts.GetProperty("handedIn").GetInt32());
        Assert.Equal(4, counts.GetProperty("approved").GetInt32());
        Assert.Equal(1, counts.GetProperty("late").GetInt32());
        Assert.Equal(schoolsOfCity.Count - 4, counts.GetProperty("missing").GetInt32());
        Assert.Equal(schoolsOfCity.Count - 4, counts.GetProperty("overdue").GetInt32());

        // The indicators divide by the schools asked, not those that answered: a school that has not answered (or whose
        // return is not approved) counts as not compliant. Shinan 1 compliant of its schools (3 answered), Shibei 1 of its
        // schools (1 answered), the city 2 of every school (4 answered); the response rate is kept beside each figure.
        await app.AsSystemAsync(sp => sp.GetRequiredService<IndicatorComputation>().ComputeAsync(period, store: true, CancellationToken.None));
        var shinan = await UnitAsync(app, TestWorld.Shinan);
        var shibeiUnit = await UnitAsync(app, TestWorld.Shibei);
        var cityUnit = await UnitAsync(app, TestWorld.City);
        var shibeiSchools = await BelowAsync(app, TestWorld.Shibei, OrgUnitKind.School);
        var values = await DbAsync(app, db => db.Snapshots.AsNoTracking()
            .Where(s => s.Period == period && s.IndicatorCode == "campus-network-compliance").ToDictionaryAsync(s => s.OrgUnitId));
        static decimal Rate(int n, int d) => Math.Round(n * 100m / d, 1, MidpointRounding.AwayFromZero);
        Assert.Equal((Rate(1, shinanSchools.Count), 1m, (decimal)shinanSchools.Count, shinanSchools.Count, 3),
            (values[shinan.Id].Value, values[shinan.Id].Numerator, values[shinan.Id].Denominator!.Value, values[shinan.Id].Asked, values[shinan.Id].Answered));
        Assert.Equal((Rate(1, shibeiSchools.Count), shibeiSchools.Count, 1), (values[shibeiUnit.Id].Value, values[shibeiUnit.Id].Asked, values[shibeiUnit.Id].Answered));
        Assert.Equal((Rate(2, schoolsOfCity.Count), 2m, (decimal)schoolsOfCity.Count, schoolsOfCity.Count, 4),
            (values[cityUnit.Id].Value, values[cityUnit.Id].Numerator, values[cityUnit.Id].Denominator!.Value, values[cityUnit.Id].Asked, values[cityUnit.Id].Answered));
        Assert.True(values[shinan.Id].Value < 100m * 1 / 3, "a rate over the answered schools only (1 of 3) would flatter");
        // A district whose schools were asked and none answered shows 0 %, with 0 answered beside it.
        var silent = values.Values.Where(v => v.OrgUnitId != shinan.Id && v.OrgUnitId != shibeiUnit.Id && v.OrgUnitId != cityUnit.Id).ToList();
        Assert.NotEmpty(silent);
        Assert.All(silent, v => Assert.Equal((0m, 0), (v.Value, v.Answered)));

        // The values API gives the response rate beside the figure.
        var body = await GetAsync(city, $"/api/indicators/{TestWorld.Shinan}/values?period={period}");
        var compliance = body.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("code").GetString() == "campus-network-compliance");
        Assert.Equal(Rate(1, shinanSchools.Count), compliance.GetProperty("value").GetDecimal());
        var response = compliance.GetProperty("response");
        Assert.Equal((3, shinanSchools.Count, Rate(3, shinanSchools.Count)),
            (response.GetProperty("answered").GetInt32(), response.GetProperty("asked").GetInt32(), response.GetProperty("rate").GetDecimal()));
        // So does the dashboard: on the card, in the explanation and per child unit.
        var page = WebUtility.HtmlDecode(await city.GetStringAsync($"/indicators/{TestWorld.Shinan}?period={period}&i=campus-network-compliance"));
        Assert.Contains($"填报率 3/{shinanSchools.Count}", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"explain-response\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"child-response\"", page, StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("values").EnumerateArray()
            .First(v => v.GetProperty("code").GetString()!.StartsWith("class-size-avg", StringComparison.Ordinal)).GetProperty("response").ValueKind);
    }

    [Fact]
    public async Task A_form_reaches_the_units_of_its_level_and_condition_and_only_the_level_above_reviews()
    {
        var city = await app.ClientAsync(City);
        var district = await app.ClientAsync(District);
        var school = await app.ClientAsync(School);
        var shinan = await UnitAsync(app, TestWorld.Shinan);

        // Rural pairing from the city: its schools that are not urban (a school without an urban-rural code is asked too).
        var codes = app.Services.GetRequiredService<CodeBook>();
        var schools = await BelowAsync(app, TestWorld.City, OrgUnitKind.School);
        var rural = schools.Where(s => codes.Find(CodeLists.UrbanRural, s.UrbanRuralCode, anyDate: true)?.Attribute("urban") != "true").Select(s => s.Id).Order().ToList();
        Assert.InRange(rural.Count, 1, schools.Count - 1); // the demo city has both
        var (pairing, reached) = await SendAsync(city, new { form = "rural-pairing", period = "2022-05", deadline = Date(Today.AddDays(10)) });
        Assert.Equal(rural.Count, reached);
        Assert.Equal(rural, await DbAsync(app, db => db.FormReturns.Where(r => r.RoundId == pairing).Select(r => r.OrgUnitId).OrderBy(i => i).ToListAsync()));

        // A district form: from a district there is nobody to send it to; from the city it reaches every district.
        using (var nobody = await district.PostAsync("/api/indicators/forms/rounds", Http.Json(new { form = "preschool-population", period = "2022", deadline = Date(Today) })))
        {
            var problem = await nobody.ProblemAsync();
            Assert.Equal(400, problem.Status);
            Assert.Contains("区(市)教育局", problem.Errors["form"][0]);
        }
        var districts = await BelowAsync(app, TestWorld.City, OrgUnitKind.District);
        var (population, count) = await SendAsync(city, new { form = "preschool-population", period = "2022", deadline = Date(Today.AddDays(7)) });
        Assert.Equal(districts.Count, count);
        // Once per unit and period: a second round of the same form and period is refused, and nothing is written.
        var roundsBefore = await DbAsync(app, db => db.FormRounds.CountAsync());
        using (var again = await city.PostAsync("/api/indicators/forms/rounds", Http.Json(new { form = "preschool-population", period = "2022", deadline = Date(Today) })))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains(districts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), (await again.ProblemAsync()).Errors["period"][0]);
        }
        Assert.Equal(roundsBefore, await DbAsync(app, db => db.FormRounds.CountAsync()));

        // The district fills in its own return; it cannot approve it (the city is the level above), the city can.
        var mine = await MyReturnAsync(district, population);
        await Expect(HttpStatusCode.NoContent, await district.PostAsync($"/api/indicators/forms/returns/{mine}/submit",
            Http.Json(new Dictionary<string, object> { ["values"] = new Dictionary<string, object> { ["children-3-5"] = 31250, ["source"] = "区统计局" } })));
        await Expect(HttpStatusCode.Forbidden, await district.PostAsync($"/api/indicators/forms/returns/{mine}/approve", null));
        await Expect(HttpStatusCode.NoContent, await city.PostAsync($"/api/indicators/forms/returns/{mine}/approve", null));
        Assert.Equal(ReturnState.Approved, (await ReturnAsync(app, population, shinan.Id)).State);

        // The district does not fill in its schools' returns, and a school does not see another school's.
        var (network, _) = await SendAsync(district, new { form = "international", period = "2022", deadline = Date(Today.AddDays(7)) });
        var other = (await OtherSchoolsAsync(app, TestWorld.Shinan))[0];
        var otherReturn = (await ReturnAsync(app, network, other.Id)).Id;
        await Expect(HttpStatusCode.Forbidden, await district.PostAsync($"/api/indicators/forms/returns/{otherReturn}/submit",
            Http.Json(new Dictionary<string, object> { ["values"] = new Dictionary<string, object> { ["sister-schools"] = 2 } })));
        await Expect(HttpStatusCode.NotFound, await school.GetAsync($"/api/indicators/forms/returns/{otherReturn}"));
        await Expect(HttpStatusCode.NotFound, await school.PutAsync($"/api/indicators/forms/returns/{otherReturn}", Http.Json(new { values = new { } })));
        Assert.Empty(await DbAsync(app, db => db.FormValues.Where(v => v.ReturnId == otherReturn).ToListAsync()));
        Assert.Null((await ReturnAsync(app, network, other.Id)).SavedAt);
        // A department reads the round but sends nothing.
        await Expect(HttpStatusCode.Forbidden, await (await app.ClientAsync("jjc.staff")).PostAsync("/api/indicators/forms/rounds",
            Http.Json(new { form = "international", period = "2023", deadline = Date(Today) })));
    }

    /// <summary>
    /// Plan task 001-26's 3,000万 is the city's own (市本级) allocation: the city sends the city-funding form to itself,
    /// its managers fill in and approve the bureau's own return, and rural-education-funding counts that figure alone;
    /// what the districts report for themselves is a figure of its own and never enters it.
    /// </summary>
    [Fact]
    public async Task The_rural_funding_figure_is_the_citys_own_allocation_not_the_districts_sums()
    {
        const string period = "2019";
        var city = await app.ClientAsync(City);
        var district = await app.ClientAsync(District);
        var cityUnit = await UnitAsync(app, TestWorld.City);
        var shinan = await UnitAsync(app, TestWorld.Shinan);

        // The districts report their own rural funds; the city approves Shinan's 1,500万.
        var (districtRound, districts) = await SendAsync(city, new { form = "funding", period, deadline = Date(Today.AddDays(7)) });
        Assert.True(districts > 1);
        var shinanReturn = await MyReturnAsync(district, districtRound);
        await Expect(HttpStatusCode.NoContent, await district.PostAsync($"/api/indicators/forms/returns/{shinanReturn}/submit",
            Http.Json(new Dictionary<string, object> { ["values"] = new Dictionary<string, object> { ["rural-education"] = 1500 } })));
        await Expect(HttpStatusCode.NoContent, await city.PostAsync($"/api/indicators/forms/returns/{shinanReturn}/approve", null));

        // The city's own return: a district has nobody of the city's level below it; the city sends it to itself.
        using (var nobody = await district.PostAsync("/api/indicators/forms/rounds", Http.Json(new { form = "city-funding", period, deadline = Date(Today) })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        }
        var (own, reached) = await SendAsync(city, new { form = "city-funding", period, deadline = Date(Today.AddDays(7)) });
        Assert.Equal(1, reached);
        var ownReturn = await ReturnAsync(app, own, cityUnit.Id);
        var view = await GetAsync(city, $"/api/indicators/forms/returns/{ownReturn.Id}");
        Assert.True(view.GetProperty("canFill").GetBoolean());
        Assert.Contains($"data-return=\"{ownReturn.Id}\"", await city.GetStringAsync("/indicators/forms"), StringComparison.Ordinal); // under 待填报
        // A district sees neither the round nor the city's return.
        await Expect(HttpStatusCode.NotFound, await district.GetAsync($"/api/indicators/forms/returns/{ownReturn.Id}"));
        await Expect(HttpStatusCode.NoContent, await city.PostAsync($"/api/indicators/forms/returns/{ownReturn.Id}/submit",
            Http.Json(new Dictionary<string, object> { ["values"] = new Dictionary<string, object> { ["rural-education"] = "3200", ["notes"] = "市级财政专项" } })));
        await Expect(HttpStatusCode.NotFound, await district.PostAsync($"/api/indicators/forms/returns/{ownReturn.Id}/approve", null));
        await Expect(HttpStatusCode.NoContent, await city.PostAsync($"/api/indicators/forms/returns/{ownReturn.Id}/approve", null));

        await app.AsSystemAsync(sp => sp.GetRequiredService<IndicatorComputation>().ComputeAsync(period, store: true, CancellationToken.None));
        var values = await DbAsync(app, db => db.Snapshots.AsNoTracking().Where(s => s.Period == period).ToListAsync());
        var funding = values.Single(v => v.IndicatorCode == "rural-education-funding" && v.OrgUnitId == cityUnit.Id);
        Assert.Equal((3200m, 1, 1), (funding.Value, funding.Asked, funding.Answered));
        Assert.DoesNotContain(values, v => v.IndicatorCode == "rural-education-funding" && v.OrgUnitId != cityUnit.Id); // no district has a 市本级 figure
        var districtSum = values.Single(v => v.IndicatorCode == "district-rural-education-funding" && v.OrgUnitId == cityUnit.Id);
        Assert.Equal((1500m, districts, 1), (districtSum.Value, districtSum.Asked, districtSum.Answered));
        Assert.Equal(1500m, values.Single(v => v.IndicatorCode == "district-rural-education-funding" && v.OrgUnitId == shinan.Id).Value);
    }

    [Fact]
    public async Task Bad_answers_are_named_by_field_in_both_languages_and_write_nothing()
    {
        var city = await app.ClientAsync(City);
        var school = await app.ClientAsync(School);
        var (round, _) = await SendAsync(city, new { form = "campus-network", period = "2020", deadline = Date(Today.AddDays(3)) });
        var mine = await MyReturnAsync(school, round);
        var anchor = await UnitAsync(app, TestWorld.AnchorSchool);

        var bad = Http.Json(new Dictionary<string, object>
        {
            ["values"] = new Dictionary<string, object> { ["compliant"] = "也许", ["bandwidth"] = 12.5, ["wireless"] = 2, ["notes"] = new string('字', 501), ["speed"] = 1 },
        });
        using (var zh = await school.PutAsync($"/api/indicators/forms/returns/{mine}", bad))
        {
            var problem = await zh.ProblemAsync();
            Assert.Equal(400, problem.Status);
            Assert.Equal(["values.bandwidth", "values.compliant", "values.notes", "values.speed", "values.wireless"], problem.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
            Assert.Equal("“出口带宽”须为整数", problem.Errors["values.bandwidth"][0]);
            Assert.Equal("“校园网络是否达标”须为“是”或“否”", problem.Errors["values.compliant"][0]);
            Assert.Equal("“说明”不能超过 500 个字", problem.Errors["values.notes"][0]);
        }
        using (var en = await school.SendAsync(Http.Request(HttpMethod.Post, $"/api/indicators/forms/returns/{mine}/submit",
            Http.Json(new { values = new { bandwidth = -1 } }), "en")))
        {
            var problem = await en.ProblemAsync();
            Assert.Equal("\"Internet bandwidth\" cannot be less than 0", problem.Errors["values.bandwidth"][0]);
            Assert.Equal("\"Campus network meets the standard\" is required", problem.Errors["values.compliant"][0]);
        }
        using (var nested = await school.PutAsync($"/api/indicators/forms/returns/{mine}", Http.RawJson("""{"values": {"bandwidth": [1000]}}""")))
        {
            Assert.Contains("values.bandwidth", (await nested.ProblemAsync()).Errors.Keys);
        }
        // A submit with nothing saved names every required field.
        using (var empty = await school.PostAsync($"/api/indicators/forms/returns/{mine}/submit", null))
        {
            Assert.Equal(["values.bandwidth", "values.compliant"], (await empty.ProblemAsync()).Errors.Keys.Order(StringComparer.Ordinal).ToArray());
        }
        var row = await ReturnAsync(app, round, anchor.Id);
        Assert.Equal((ReturnState.Draft, null, null, 0L), (row.State, row.SavedAt, row.FirstSubmittedAt, row.Revision));
        Assert.Empty(await DbAsync(app, db => db.FormValues.Where(v => v.ReturnId == mine).ToListAsync()));

        // Round input: every problem at once, in the caller's language.
        using (var zh = await city.PostAsync("/api/indicators/forms/rounds", Http.Json(new { form = "no-such-form", period = "2026-13", deadline = Date(Today.AddDays(-1)), org = TestWorld.OtherCity })))
        {
            var problem = await zh.ProblemAsync();
            Assert.Equal(["deadline", "form", "org", "period"], problem.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
            Assert.Equal("日期不能早于今天", problem.Errors["deadline"][0]);
            Assert.DoesNotContain("济南", problem.AllText);
        }
        using (var en = await city.SendAsync(Http.Request(HttpMethod.Post, "/api/indicators/forms/rounds", Http.Json(new { form = "campus-network" }), "en")))
        {
            var problem = await en.ProblemAsync();
            Assert.Equal("Required", problem.Errors["period"][0]);
            Assert.Equal("Required", problem.Errors["deadline"][0]);
        }
    }

    [Fact]
    public async Task The_use_cases_judge_late_and_overdue_by_the_calendar_day_in_China()
    {
        var deadline = Today.AddDays(2);
        var other = (await OtherSchoolsAsync(app, TestWorld.Shinan))[^1];
        await app.CreateAccountAsync("forms.clock.school", Roles.SchoolAdmin, other.Code);
        var sent = await AsAsync(app, City, sp => sp.GetRequiredService<FormCommands>().SendAsync(
            new RoundInput { Form = "international", Period = "2018", Deadline = deadline }));
        Assert.True(sent.IsOk, sent.Errors?.ToDictionary().Values.SelectMany(v => v).FirstOrDefault());
        var round = sent.Value!.Id;
        var anchor = await UnitAsync(app, TestWorld.AnchorSchool);

        // 23:59 on the deadline day in China is 15:59 UTC: on time. Ten past midnight the next day is late.
        async Task<bool> SubmitAsync(string user, int unitId, FixedClock clock)
        {
            var id = (await ReturnAsync(app, round, unitId)).Id;
            var outcome = await AsAsync(app, user, sp => ActivatorUtilities.CreateInstance<FormCommands>(sp, (TimeProvider)clock)
                .SaveAsync(id, new ReturnInput { Values = new() { ["sister-schools"] = "3" } }, submit: true));
            Assert.True(outcome.IsOk, outcome.Message);
            return (await ReturnAsync(app, round, unitId)).Late;
        }
        Assert.False(await SubmitAsync(School, anchor.Id, FixedClock.ChinaTime(deadline, 23, 59)));
        Assert.True(await SubmitAsync("forms.clock.school", other.Id, FixedClock.ChinaTime(deadline.AddDays(1), 0, 10)));

        // Not handed in: missing until the deadline day is over, then overdue.
        async Task<RoundDetail> SeenAsync(FixedClock clock) =>
            (await AsAsync(app, City, sp => ActivatorUtilities.CreateInstance<FormQueries>(sp, (TimeProvider)clock).RoundAsync(round)))!;
        var onTheDay = await SeenAsync(FixedClock.ChinaTime(deadline, 23, 59));
        var after = await SeenAsync(FixedClock.ChinaTime(deadline.AddDays(1), 0, 0));
        var missing = onTheDay.Round.Counts.Units - 2;
        Assert.Equal((2, 1, missing, 0), (onTheDay.Round.Counts.HandedIn, onTheDay.Round.Counts.Late, onTheDay.Round.Counts.Missing, onTheDay.Round.Counts.Overdue));
        Assert.Equal((missing, missing), (after.Round.Counts.Missing, after.Round.Counts.Overdue));
        Assert.DoesNotContain(onTheDay.Returns, r => r.Overdue);
        Assert.Equal(missing, after.Returns.Count(r => r.Overdue));
        Assert.True(after.Returns.Single(r => r.UnitId == other.Id).Late);

        // The use cases refuse before they look at the input: the district may not fill a school's return.
        var anchorReturn = (await ReturnAsync(app, round, anchor.Id)).Id;
        var refused = await AsAsync(app, District, sp => sp.GetRequiredService<FormCommands>().SaveAsync(anchorReturn, null, submit: false));
        Assert.Equal(Qedu.Kernel.Web.OutcomeKind.Conflict, (await AsAsync(app, School, sp => sp.GetRequiredService<FormCommands>().SaveAsync(anchorReturn, null, submit: false))).Kind);
        Assert.Equal(Qedu.Kernel.Web.OutcomeKind.Forbidden, refused.Kind);
    }
}
