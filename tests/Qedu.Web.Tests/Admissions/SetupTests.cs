using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Features.Setup;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;
using Qedu.Kernel.Web;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>
/// The bureau's side of a season: created with the template's rules, its schools and seats, its categories, and its
/// zones from a spreadsheet checked whole (a refused file names row and column and changes nothing); what may still
/// change once the window opens.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SetupTests(WebApp app)
{
    private static SeasonForm NewSeason(string code) => new()
    {
        Code = code, Name = $"测试 {code}", Stage = nameof(SeasonStage.PrimaryOne), Mechanism = nameof(SeasonMechanism.PublicAndPrivate),
        Opens = "2027-06-10T09:00", Closes = "2027-07-10T17:00", BornFrom = "2020-09-01", BornTo = "2021-08-31",
        MaxPrivateChoices = "1", AcceptDays = "7", AppealDays = "5", RetentionDays = "180",
    };

    private static string Code() => $"S{Guid.NewGuid():N}"[..14];

    private static Task<T> AsDistrictAsync<T>(AdmissionsWorld world, Func<SeasonSetup, ZoneListImport, Task<T>> work) =>
        world.AsDistrictAsync(sp =>
        {
            var setup = ActivatorUtilities.CreateInstance<SeasonSetup>(sp, world.Clock);
            return work(setup, ActivatorUtilities.CreateInstance<ZoneListImport>(sp, setup));
        });

    /// <summary>A new season of 市南区 (opening in 2027) with the world's two schools taking part, the second private.</summary>
    private static async Task<long> SeasonWithSchoolsAsync(AdmissionsWorld world)
    {
        var form = NewSeason(Code());
        form.BureauId = world.DistrictId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await AsDistrictAsync(world, async (setup, _) =>
        {
            var id = (await setup.CreateAsync(form)).Value;
            var view = (await setup.FindAsync(id))!;
            var rows = view.Schools.Select(s => new SchoolRow
            {
                SchoolId = s.SchoolId, Included = s.SchoolId == world.ZoneSchoolId || s.SchoolId == world.OtherSchoolId,
                IsPrivate = s.SchoolId == world.OtherSchoolId, Seats = "90",
            }).ToList();
            Assert.True((await setup.SaveSchoolsAsync(id, new SchoolsForm { Rows = rows })).IsOk);
            return id;
        });
    }

    [Fact]
    public async Task A_district_creates_a_season_with_the_template_rules_and_chooses_its_schools_and_seats()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var id = await SeasonWithSchoolsAsync(world);
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            var season = await db.Seasons.SingleAsync(s => s.Id == id);
            Assert.Equal(world.DistrictId, season.OrgUnitId);
            Assert.Equal(new DateTimeOffset(2027, 6, 10, 1, 0, 0, TimeSpan.Zero), season.OpensAt); // 09:00 China time
            Assert.Equal(["hukou-property", "property", "hukou", "migrant", "policy-care"],
                await db.Categories.Where(c => c.SeasonId == id).OrderBy(c => c.Rank).Select(c => c.Code).ToListAsync());
            Assert.Equal(2, await db.PointsRules.CountAsync(r => r.SeasonId == id));
            var schools = await db.SeasonSchools.Where(s => s.SeasonId == id).OrderBy(s => s.IsPrivate).ToListAsync();
            Assert.Equal([world.ZoneSchoolId, world.OtherSchoolId], schools.Select(s => s.SchoolId));
            Assert.Equal([false, true], schools.Select(s => s.IsPrivate));
            Assert.All(schools, s => Assert.Equal(90, s.Seats));
            return 0;
        });
    }

    [Fact]
    public async Task Bad_terms_are_refused_field_by_field_and_nothing_is_created()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var form = NewSeason("bad code!");
        form.BureauId = world.DistrictId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form.Closes = "2027-06-01T09:00";
        form.BornTo = "2019-01-01";
        form.AcceptDays = "0";
        var outcome = await AsDistrictAsync(world, (setup, _) => setup.CreateAsync(form));
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(["acceptDays", "bornTo", "closes", "code"], outcome.Errors!.ByField.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("招生季代码", outcome.Errors.First("code"), StringComparison.Ordinal);
        Assert.False(await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Seasons.AnyAsync(s => s.Code == "bad code!")));
    }

    [Fact]
    public async Task A_bureau_outside_the_callers_scope_is_refused()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var other = await Forms.UnitAsync(app, "370203"); // 市北区
        var form = NewSeason(Code());
        form.BureauId = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var outcome = await AsDistrictAsync(world, (setup, _) => setup.CreateAsync(form));
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.NotNull(outcome.Errors!.First("bureauId"));
        Assert.False(await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Seasons.AnyAsync(s => s.Code == form.Code)));
    }

    [Fact]
    public async Task Categories_are_saved_in_the_order_given_and_are_fixed_once_the_window_opens()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var id = await SeasonWithSchoolsAsync(world);
        var rules = new RulesForm
        {
            Categories =
            [
                new CategoryRow { Code = "property", NameZh = "房产在学区", NeedsProperty = true },
                new CategoryRow { Code = "both", NameZh = "户籍与房产", NeedsHukou = true, NeedsProperty = true },
                new CategoryRow { Code = "" },
                new CategoryRow { Code = "nothing", NameZh = "无条件" },
            ],
            InsurancePoints = "1", InsuranceMax = "24",
        };
        var refused = await AsDistrictAsync(world, (setup, _) => setup.SaveRulesAsync(id, rules));
        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        Assert.Contains("nothing", refused.Errors!.First("categories[3].conditions"), StringComparison.Ordinal);

        rules.Categories.RemoveAt(3);
        Assert.True((await AsDistrictAsync(world, (setup, _) => setup.SaveRulesAsync(id, rules))).IsOk);
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            Assert.Equal(["property", "both"], await db.Categories.Where(c => c.SeasonId == id).OrderBy(c => c.Rank).Select(c => c.Code).ToListAsync());
            var rule = await db.PointsRules.SingleAsync(r => r.SeasonId == id);
            Assert.Equal((PointsFact.InsuranceMonths, 1m, 24m), (rule.Fact, rule.PointsPerUnit, rule.MaxPoints));
            return 0;
        });

        // Open the window (as the clock sees it): the rules stay, a school cannot leave, seats still change.
        await OpenAsync(id, world);
        Assert.Equal(OutcomeKind.Conflict, (await AsDistrictAsync(world, (setup, _) => setup.SaveRulesAsync(id, rules))).Kind);
        var view = (await AsDistrictAsync(world, (setup, _) => setup.FindAsync(id)))!;
        Assert.Equal(SetupPhase.Open, view.Phase);
        SchoolRow Row(int schoolId, bool included) => new() { SchoolId = schoolId, Included = included, Seats = "120", IsPrivate = schoolId == world.OtherSchoolId };
        var leave = await AsDistrictAsync(world, (setup, _) => setup.SaveSchoolsAsync(id, new SchoolsForm { Rows = [Row(world.ZoneSchoolId, true), Row(world.OtherSchoolId, false)] }));
        Assert.Equal(OutcomeKind.Invalid, leave.Kind);
        Assert.True((await AsDistrictAsync(world, (setup, _) => setup.SaveSchoolsAsync(id, new SchoolsForm { Rows = [Row(world.ZoneSchoolId, true), Row(world.OtherSchoolId, true)] }))).IsOk);
        Assert.Equal([120, 120], await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().SeasonSchools.Where(s => s.SeasonId == id).Select(s => s.Seats).ToListAsync()));
    }

    private Task<int> OpenAsync(long id, AdmissionsWorld world) => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<AdmissionsDb>();
        var season = await db.Seasons.SingleAsync(s => s.Id == id);
        (season.OpensAt, season.ClosesAt) = (world.Clock.GetUtcNow().AddDays(-1), world.Clock.GetUtcNow().AddDays(10));
        return await db.SaveChangesAsync();
    });

    private static MemoryStream Workbook(params string?[][] rows)
    {
        var stream = new MemoryStream();
        using (var writer = TableWriter.Create(stream, TableFormat.Xlsx, "学区"))
        {
            writer.WriteHeader(ZoneListImport.Columns.Select(c => c.Zh).ToList());
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
            writer.Complete();
        }
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task A_zone_list_replaces_the_seasons_zones_and_a_bad_one_names_every_row_and_changes_nothing()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var id = await SeasonWithSchoolsAsync(world);
        var school = world.ZoneSchoolCode;
        using var good = Workbook(
            [school, "实验小学", "海信花园", "", "", "", "", "36.06", "120.38"],
            [school, "实验小学", "", "香港中路", "1", "99", "单号", "", ""],
            [school, "实验小学", "", "香港中路", "2", "98", "双号", "", ""]);
        var imported = await AsDistrictAsync(world, (_, zones) => zones.ImportAsync(id, "zones.xlsx", good, good.Length));
        Assert.True(imported!.Ok, string.Join("; ", imported.Errors.Select(e => $"{e.Row} {e.Column} {e.Message}")));
        Assert.Equal(3, imported.Lines);

        var privateCode = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Id == world.OtherSchoolId).Select(o => o.Code).SingleAsync());
        using var bad = Workbook(
            [school, "", "青岛花园", "", "", "", "", "", ""],
            ["9999999999", "", "东海花园", "", "", "", "", "", ""],
            [privateCode, "", "金都花园", "", "", "", "", "", ""],
            [school, "", " 青岛 花园", "", "", "", "", "", ""],
            [school, "", "", "南京路", "50", "10", "隔号", "", ""],
            [school, "", "", "", "", "", "", "36.1", ""]);
        var refused = await AsDistrictAsync(world, (_, zones) => zones.ImportAsync(id, "zones.xlsx", bad, bad.Length));
        Assert.False(refused!.Ok);
        var named = refused.Errors.Select(e => (e.Row, e.Column)).ToHashSet();
        Assert.Contains((3, "学校标识码"), named); // unknown school
        Assert.Contains((4, "学校标识码"), named); // a private school has no zone
        Assert.Contains((5, "小区"), named); // the same compound again (spaces ignored)
        Assert.Contains("第 2 行", refused.Errors.Single(e => e.Row == 5).Message, StringComparison.Ordinal);
        Assert.Contains((6, "终止门牌号"), named);
        Assert.Contains((6, "单双号"), named);
        Assert.Contains((7, "小区"), named); // neither compound nor street
        Assert.Contains((7, "纬度"), named); // half a coordinate
        var lines = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().ZoneLines.Where(l => l.SeasonId == id).ToListAsync());
        Assert.Equal(3, lines.Count); // the good list stays whole
        Assert.Contains(lines, l => l.Compound == "海信花园" && l.Latitude == 36.06 && l.Longitude == 120.38);
        Assert.Contains(lines, l => l.Street == "香港中路" && l.Parity == NumberParity.Even && l.FromNumber == 2 && l.ToNumber == 98);
    }

    [Fact]
    public async Task A_gb18030_csv_zone_list_is_read_and_a_street_range_two_schools_share_is_refused()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var id = await SeasonWithSchoolsAsync(world);
        var csv = $"学校标识码,学校名称,小区,街道,起始门牌号,终止门牌号,单双号\r\n{world.ZoneSchoolCode},实验小学,百通馨苑,,,,\r\n{world.ZoneSchoolCode},实验小学,,延安三路,1,49,\r\n";
        using var gb = new MemoryStream(TextEncodings.Gb18030.GetBytes(csv));
        var imported = await AsDistrictAsync(world, (_, zones) => zones.ImportAsync(id, "学区.csv", gb, gb.Length));
        Assert.True(imported!.Ok);
        Assert.Contains("百通馨苑", await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().ZoneLines.Where(l => l.SeasonId == id).Select(l => l.Compound).ToListAsync()));

        // Make the second school public: a range overlapping the first school's is two zones for one home.
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            (await db.SeasonSchools.SingleAsync(s => s.SeasonId == id && s.SchoolId == world.OtherSchoolId)).IsPrivate = false;
            return await db.SaveChangesAsync();
        });
        var otherCode = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Id == world.OtherSchoolId).Select(o => o.Code).SingleAsync());
        var overlapping = csv + $"{otherCode},另一所,,延安三路,41,99,单号\r\n";
        using var utf8 = new MemoryStream(Encoding.UTF8.GetBytes(overlapping));
        var refused = await AsDistrictAsync(world, (_, zones) => zones.ImportAsync(id, "学区.csv", utf8, utf8.Length));
        Assert.Equal((4, "街道"), (refused!.Errors.Single().Row, refused.Errors.Single().Column));
    }

    [Fact]
    public async Task Zones_are_fixed_once_the_window_opens()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var id = await SeasonWithSchoolsAsync(world);
        await OpenAsync(id, world);
        using var file = Workbook([world.ZoneSchoolCode, "", "海信花园", "", "", "", "", "", ""]);
        var refused = await AsDistrictAsync(world, (_, zones) => zones.ImportAsync(id, "zones.xlsx", file, file.Length));
        Assert.NotNull(refused!.FileProblem);
        Assert.Equal(0, await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().ZoneLines.CountAsync(l => l.SeasonId == id)));
    }

    [Theory]
    [InlineData(false, "招生季代码")]
    [InlineData(true, "Season code")]
    public async Task The_new_season_page_refuses_a_bad_code_in_the_officers_language(bool english, string named)
    {
        // English in a session of its own: the shared one stays Chinese.
        var client = english ? await app.SignInAsync("shinan.admin") : await app.ClientAsync("shinan.admin");
        if (english)
        {
            (await client.GetAsync("/culture?c=en&returnUrl=%2Fadmissions")).Dispose();
        }
        var fields = new Dictionary<string, string>
        {
            ["Basics.Code"] = "坏代码", ["Basics.Name"] = "测试", ["Basics.Stage"] = "PrimaryOne", ["Basics.Mechanism"] = "PublicByZone",
            ["Basics.Opens"] = "2027-06-10T09:00", ["Basics.Closes"] = "2027-07-10T17:00", ["Basics.BornFrom"] = "2020-09-01",
            ["Basics.BornTo"] = "2021-08-31", ["Basics.MaxPrivateChoices"] = "0", ["Basics.AcceptDays"] = "7", ["Basics.AppealDays"] = "5",
            ["Basics.RetentionDays"] = "180",
        };
        using var refused = await PageForms.SubmitAsync(client, "/admissions/seasons/new", "basics", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(named, (await refused.FieldErrorsAsync())["code"], StringComparison.Ordinal);
        Assert.False(await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Seasons.AnyAsync(s => s.Code == "坏代码")));
    }

    [Fact]
    public async Task The_zone_list_downloads_as_a_workbook_the_import_reads()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var client = await app.ClientAsync("shinan.admin");
        using var response = await client.GetAsync($"/admissions/seasons/{world.SeasonId}/zones.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TableFormats.XlsxMediaType, response.Content.Headers.ContentType?.MediaType);
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
            using var reader = TableReader.Open(path, TableFormat.Xlsx, (key, _) => key);
            Assert.Equal(ZoneListImport.Columns.Select(c => c.Zh), reader.Header);
            var compounds = new List<string>();
            while (reader.Read())
            {
                compounds.Add(reader.Cells[2]);
            }
            Assert.Contains("测试花园", compounds);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
