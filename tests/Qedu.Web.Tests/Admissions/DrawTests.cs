using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Features.Allocation;
using Qedu.Admissions.Features.Review;
using Qedu.Admissions.Features.Setup;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Web;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>
/// The public draw of a season: its commitment on a public page before the draw (no seed), one draw with the committed
/// seed, a second refused and audited, and a package anyone downloads without signing in, whose seed matches the
/// commitment and on which <c>qedu allocate</c>, run with the README's own command line, writes the published result
/// byte for byte, the same as the placements stored; nothing in it names a child; a family finds its line by the code
/// its status page shows.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DrawTests(WebApp app)
{
    [Fact]
    public async Task A_draw_is_committed_before_run_once_and_re_run_by_anyone_from_its_public_package()
    {
        var world = await new AdmissionsWorld(app).CreateAsync(zoneSeats: 5, privateSeats: 1);
        var (parentClient, phone) = await Parents.SignInAsync(app);
        var signedIn = (await app.AsSystemAsync(sp => sp.GetRequiredService<ParentAccounts>().FindByPhoneAsync(phone)))!.Id;
        // Four families choose the private school (one seat) first, so the lottery decides; the losers fall back to the zone school.
        var families = new List<(Guid Parent, long Id, string ResidentId, string Number)>();
        for (var i = 0; i < 4; i++)
        {
            var parent = i == 0 ? signedIn : Guid.NewGuid();
            var residentId = AdmissionsWorld.Child(new DateOnly(2019, 10, 1).AddDays(i * 9));
            var form = world.Form(residentId);
            form.ChildName = $"抽签儿童{i}";
            form.PrivateChoice = world.OtherSchoolId.ToString(CultureInfo.InvariantCulture);
            var id = (await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, form))).Value;
            Assert.True((await world.AsParentAsync(parent, (p, _) => p.SubmitAsync(id))).IsOk);
            Assert.True((await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.DecideAsync(id, ReviewDecision.Approve, null))).IsOk);
            var number = (await world.AsParentAsync(parent, (p, _) => p.FindAsync(id)))!.Number;
            families.Add((parent, id, residentId, number));
        }
        world.Clock.SetUtcNow(AdmissionsWorld.ClosesAt.AddHours(1));
        var anonymous = app.Anonymous();
        var page = $"/admissions/draws/{world.SeasonCode}";

        // Before the draw: the commitment is public, the seed is not, and there is no package yet.
        string commitment;
        using (var before = await anonymous.GetAsync(page))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            var html = await before.TextAsync();
            commitment = TestId(html, "commitment");
            Assert.Matches("^[0-9a-f]{64}$", commitment);
            Assert.Contains("data-testid=\"not-drawn\"", html, StringComparison.Ordinal);
            var season = await SeasonAsync(world);
            Assert.Equal(commitment, season.DrawCommitment);
            Assert.DoesNotContain(season.DrawSeed!, html, StringComparison.Ordinal);
        }
        using (var early = await anonymous.GetAsync(page + "/package.zip"))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }

        // The family's status page shows its draw code and the way to the public page.
        var salt = (await SeasonAsync(world)).DrawSalt!;
        var ownCode = SeasonDraw.ApplicantCode(salt, families[0].Id);
        using (var status = await parentClient.GetAsync($"/parent/admissions/{families[0].Id}"))
        {
            var html = await status.TextAsync();
            Assert.Equal(ownCode, TestId(html, "my-draw-code"));
            Assert.Contains($"{page}?code={ownCode}", html, StringComparison.Ordinal);
        }

        // The draw runs once with the committed seed; a second attempt is refused and written to the audit log.
        var drawn = await world.AsDistrictAsync(sp => Allocation(sp, world).RunAsync(world.SeasonId));
        Assert.True(drawn.IsOk, drawn.Message);
        var again = await world.AsDistrictAsync(sp => Allocation(sp, world).RunAsync(world.SeasonId));
        Assert.Equal(OutcomeKind.Conflict, again.Kind);
        Assert.True(await app.KernelAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == "admissions.draw-refused" && e.EntityKey == world.SeasonCode && e.Outcome == AuditOutcome.Denied)));
        var stored = await SeasonAsync(world);
        Assert.Equal(drawn.Value, stored.DrawRunId);
        Assert.NotNull(stored.DrawnAt);
        Assert.Equal(1, await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Runs.CountAsync(r => r.SeasonId == world.SeasonId)));

        // Anyone downloads the package; the seed in it matches the commitment published before the draw.
        using var download = await anonymous.GetAsync(page + "/package.zip");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        // It never changes once drawn: caches may keep it, and revalidating costs no zipping.
        Assert.True(download.Headers.CacheControl?.Public, download.Headers.CacheControl?.ToString());
        var tag = download.Headers.ETag!;
        using (var revalidate = new HttpRequestMessage(HttpMethod.Get, page + "/package.zip"))
        {
            revalidate.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(tag.Tag, isWeak: true));
            using var unchanged = await anonymous.SendAsync(revalidate);
            Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        }
        var files = Unzip(await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(["README.txt", "applicants.csv", "audit.json", "priorities.csv", "programs.csv", "result.csv"], files.Keys.Order(StringComparer.Ordinal));
        var readme = Encoding.UTF8.GetString(files["README.txt"]);
        var seed = stored.DrawSeed!;
        Assert.Contains(seed, readme, StringComparison.Ordinal);
        Assert.Equal(commitment, Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(seed))));

        // Nothing in it names a child: no names, resident IDs, guardians or application numbers.
        foreach (var (name, bytes) in files)
        {
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var (_, _, residentId, number) in families)
            {
                Assert.DoesNotContain(residentId, text, StringComparison.Ordinal);
                Assert.DoesNotContain(number, text, StringComparison.Ordinal);
            }
            Assert.DoesNotContain("抽签儿童", text, StringComparison.Ordinal);
            Assert.DoesNotContain("张伟", text, StringComparison.Ordinal);
        }

        // `qedu allocate` with the README's command line, in the unpacked folder, writes the same result and audit record.
        var folder = Directory.CreateTempSubdirectory("qedu-draw-");
        try
        {
            foreach (var (name, bytes) in files)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder.FullName, name), bytes);
            }
            var command = readme.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("qedu allocate ", StringComparison.Ordinal));
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(a => a.EndsWith(".csv", StringComparison.Ordinal) || a.EndsWith(".json", StringComparison.Ordinal) ? Path.Combine(folder.FullName, a) : a)
                .ToArray();
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(0, await Qedu.Cli.Program.RunAsync(args, output, error));
            Assert.Equal(files["result.csv"], await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "check-result.csv")));
            Assert.Equal(files["audit.json"], await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "check-audit.json")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        // The published result is the placements stored: each application's line, by its code.
        var lines = Encoding.UTF8.GetString(files["result.csv"]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
        var placements = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Placements.AsNoTracking().Where(p => p.RunId == drawn.Value).ToListAsync());
        Assert.Equal(families.Count, placements.Count);
        Assert.Equal(families.Count, lines.Count);
        foreach (var p in placements)
        {
            Assert.Equal(p.SchoolId?.ToString(CultureInfo.InvariantCulture) ?? "", lines[SeasonDraw.ApplicantCode(salt, p.ApplicationId)]);
        }
        Assert.Equal(1, placements.Count(p => p.SchoolId == world.OtherSchoolId));

        // After the draw the page shows the seed, and a family's code finds its line; in English when asked.
        var ownSchoolId = placements.Single(p => p.ApplicationId == families[0].Id).SchoolId!.Value;
        var ownSchool = await app.KernelAsync(db => db.OrgUnits.Where(o => o.Id == ownSchoolId).Select(o => o.Name).SingleAsync());
        using (var after = await anonymous.GetAsync($"{page}?code={ownCode}"))
        {
            var html = await after.TextAsync();
            Assert.Equal(seed, TestId(html, "seed"));
            Assert.Equal(ownSchool, TestId(html, "my-school"));
            Assert.Contains("电脑随机派位公示", html, StringComparison.Ordinal);
        }
        using (var unknown = await anonymous.GetAsync($"{page}?code=0123456789abcdef"))
        {
            Assert.Contains("data-testid=\"no-line\"", await unknown.TextAsync(), StringComparison.Ordinal);
        }
        using (var english = await app.Anonymous().GetAsync($"{page}?culture=en"))
        {
            var html = await english.TextAsync();
            Assert.Contains("Public draw", html, StringComparison.Ordinal);
            Assert.Contains("Seed commitment", html, StringComparison.Ordinal);
            Assert.DoesNotContain("电脑随机派位公示", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Two_draws_at_once_run_one_and_refuse_the_other()
    {
        var world = await new AdmissionsWorld(app).CreateAsync(zoneSeats: 5, privateSeats: 1);
        for (var i = 0; i < 3; i++)
        {
            var parent = Guid.NewGuid();
            var form = world.Form(AdmissionsWorld.Child(new DateOnly(2019, 11, 1).AddDays(i * 5)));
            form.PrivateChoice = world.OtherSchoolId.ToString(CultureInfo.InvariantCulture);
            var id = (await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, form))).Value;
            Assert.True((await world.AsParentAsync(parent, (p, _) => p.SubmitAsync(id))).IsOk);
            Assert.True((await world.AsReviewerAsync(world.ZoneSchoolId, false, r => r.DecideAsync(id, ReviewDecision.Approve, null))).IsOk);
        }
        world.Clock.SetUtcNow(AdmissionsWorld.ClosesAt.AddHours(1));

        // The season has no commitment yet: both draws make it lazily at the same moment, and agree on one seed.
        var draws = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => world.AsDistrictAsync(sp => Allocation(sp, world).RunAsync(world.SeasonId))));

        Assert.Single(draws, d => d.IsOk);
        Assert.Single(draws, d => d.Kind == OutcomeKind.Conflict);
        var runs = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Runs.AsNoTracking().Where(r => r.SeasonId == world.SeasonId).ToListAsync());
        var season = await SeasonAsync(world);
        Assert.Equal(runs.Single().Id, season.DrawRunId);
        Assert.Equal(season.DrawSeed, runs.Single().Seed);
        Assert.Equal(SeasonDraw.CommitmentOf(season.DrawSeed!), season.DrawCommitment);
        Assert.True(await app.KernelAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "admissions.draw-refused" && e.EntityKey == world.SeasonCode)));
    }

    [Fact]
    public async Task A_season_that_does_not_exist_has_no_draw_page_or_package()
    {
        using var page = await app.Anonymous().GetAsync("/admissions/draws/NO-SUCH-SEASON");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using var package = await app.Anonymous().GetAsync("/admissions/draws/NO-SUCH-SEASON/package.zip");
        Assert.Equal(HttpStatusCode.NotFound, package.StatusCode);
    }

    [Fact]
    public async Task A_new_season_is_committed_when_it_is_created_and_its_commitment_is_never_replaced()
    {
        // The commitment is SHA-256 of the seed's 32 bytes, not of its hex text (the known digest of 32 zero bytes).
        Assert.Equal("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925", SeasonDraw.CommitmentOf(new string('0', 64)));

        var world = await new AdmissionsWorld(app).CreateAsync();
        var form = new SeasonForm
        {
            Code = $"D{Guid.NewGuid():N}"[..14], Name = "派位承诺测试", BureauId = world.DistrictId.ToString(CultureInfo.InvariantCulture),
            Stage = nameof(SeasonStage.PrimaryOne), Mechanism = nameof(SeasonMechanism.PublicAndPrivate),
            Opens = "2027-06-10T09:00", Closes = "2027-07-10T17:00", BornFrom = "2020-09-01", BornTo = "2021-08-31",
        };
        var id = (await world.AsDistrictAsync(sp => ActivatorUtilities.CreateInstance<SeasonSetup>(sp, world.Clock).CreateAsync(form))).Value;
        var season = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Seasons.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(SeasonDraw.CommitmentOf(season.DrawSeed!), season.DrawCommitment);
        Assert.Matches("^[0-9a-f]{64}$", season.DrawSalt!);
        Assert.Equal(world.Clock.GetUtcNow(), season.DrawCommittedAt);
        Assert.Null(season.DrawnAt);

        // Committing again (or reading it lazily) keeps the seed: nothing replaces a published commitment.
        var first = season.DrawSeed;
        SeasonDraw.Commit(season, AdmissionsWorld.Now.AddDays(1));
        Assert.Equal(first, season.DrawSeed);
        var read = await app.AsSystemAsync(sp => sp.GetRequiredService<SeasonDraw>().EnsureCommitmentAsync(id, AdmissionsWorld.Now.AddDays(2)));
        Assert.Equal(first, read!.DrawSeed);

        // Codes are stable per application, and differ between applications and between salts.
        Assert.Equal(SeasonDraw.ApplicantCode(season.DrawSalt!, 42), SeasonDraw.ApplicantCode(season.DrawSalt!, 42));
        Assert.NotEqual(SeasonDraw.ApplicantCode(season.DrawSalt!, 42), SeasonDraw.ApplicantCode(season.DrawSalt!, 43));
        Assert.NotEqual(SeasonDraw.ApplicantCode(season.DrawSalt!, 42), SeasonDraw.ApplicantCode(new string('1', 64), 42));
        Assert.True(SeasonDraw.IsCode(SeasonDraw.ApplicantCode(season.DrawSalt!, 42)));
    }

    private static SeasonAllocation Allocation(IServiceProvider sp, AdmissionsWorld world) =>
        ActivatorUtilities.CreateInstance<SeasonAllocation>(sp, world.Clock);

    private Task<Season> SeasonAsync(AdmissionsWorld world) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Seasons.AsNoTracking().SingleAsync(s => s.Id == world.SeasonId));

    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[entry.FullName] = buffer.ToArray();
        }
        return files;
    }

    /// <summary>The text of the element with this data-testid (the page's markup, decoded).</summary>
    private static string TestId(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</", RegexOptions.Singleline);
        Assert.True(match.Success, $"No element {testId} on the page.");
        return match.Groups[1].Value.Trim();
    }
}
