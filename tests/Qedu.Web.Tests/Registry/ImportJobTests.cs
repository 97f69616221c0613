using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Features.Import;
using Qedu.Registry.Records;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Registry;

/// <summary>Background imports (the import page's progress bar): started at once, watched until done, seen by their uploader only.</summary>
[Collection(WebCollection.Name)]
public sealed class ImportJobTests(WebApp app)
{
    private const string ClassHeader = "学校标识码,班级代码,班级名称,年级,入学年份,班主任教职工号\n";

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static async Task<JsonElement> WaitAsync(HttpClient client, string location)
    {
        for (var i = 0; i < 200; i++)
        {
            var job = await (await client.GetAsync(location)).JsonAsync();
            if (job.GetProperty("done").GetBoolean())
            {
                return job;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"{location} did not finish");
    }

    [Fact]
    public async Task A_background_import_answers_at_once_reports_progress_and_writes_when_done()
    {
        var client = await app.ClientAsync("school.admin");
        var code = $"BG-{Guid.NewGuid():N}"[..12];
        var csv = ClassHeader + $"{TestWorld.AnchorSchool},{code},后台导入班,P1,2026,\n";

        using var started = await client.PostAsync("/api/registry/import/classes?background=true&fileName=c.csv", Csv(csv));

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        Assert.StartsWith("/api/registry/import-jobs/", location, StringComparison.Ordinal);
        var job = await WaitAsync(client, location);
        Assert.True(job.GetProperty("ok").GetBoolean());
        Assert.Equal(1.0, job.GetProperty("fraction").GetDouble());
        Assert.Equal(1, job.GetProperty("report").GetProperty("written").GetProperty("SchoolClass").GetInt64());
        Assert.True(await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Classes.AnyAsync(c => c.Code == code)));

        // Someone else, even with the same rights over the same school, cannot watch it.
        var other = await app.ClientAsync("shinan.admin");
        using var refused = await other.GetAsync(location);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_refused_background_import_keeps_its_report_for_the_page_and_as_a_spreadsheet()
    {
        var client = await app.ClientAsync("school.admin");
        var csv = ClassHeader + $"{TestWorld.AnchorSchool},BAD-GRADE-1,坏班,P9,2026,\n";

        using var started = await client.PostAsync("/api/registry/import/classes?background=true&fileName=broken.csv", Csv(csv));
        var job = await WaitAsync(client, started.Headers.Location!.ToString());

        Assert.False(job.GetProperty("ok").GetBoolean());
        var error = Assert.Single(job.GetProperty("report").GetProperty("errors").EnumerateArray());
        Assert.Equal(("broken.csv", 2, "年级", "P9"),
            (error.GetProperty("file").GetString(), error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("value").GetString()));
        using var xlsx = await client.GetAsync($"{started.Headers.Location}/report.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.False(await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().Classes.AnyAsync(c => c.Code == "BAD-GRADE-1")));
    }

    [Fact]
    public async Task A_job_lives_in_the_database_so_any_node_answers_its_poll_with_the_report_encrypted_there()
    {
        var client = await app.ClientAsync("school.admin");
        var grade = $"Z{Guid.NewGuid():N}"[..8];
        using var started = await client.PostAsync("/api/registry/import/classes?background=true&fileName=nodes.csv",
            Csv(ClassHeader + $"{TestWorld.AnchorSchool},BAD-NODE-1,坏班,{grade},2026,\n"));
        var id = Guid.Parse((await WaitAsync(client, started.Headers.Location!.ToString())).GetProperty("id").GetString()!);

        // Another node has a memory of its own: an ImportJobs made afresh reads the job the first one ran.
        var row = await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
        var otherNode = ActivatorUtilities.CreateInstance<ImportJobs>(app.Services);
        var view = otherNode.View(row, app.Services.GetRequiredService<IStringLocalizer<RecordText>>());
        Assert.True(view.Done);
        Assert.Equal(grade, Assert.Single(view.Report!.Errors).Value);
        // The value that was wrong (a child's data, in a real file) is not in the row as text.
        Assert.DoesNotContain(grade, Encoding.UTF8.GetString(row.Report!), StringComparison.Ordinal);
        Assert.Equal("done", row.Phase);
    }

    [Fact]
    public async Task A_job_whose_node_went_away_shows_as_stopped_and_one_past_its_hour_is_gone()
    {
        var client = await app.ClientAsync("school.admin");
        using var started = await client.PostAsync("/api/registry/import/classes?background=true&fileName=owner.csv",
            Csv(ClassHeader + $"{TestWorld.AnchorSchool},BAD-NODE-2,坏班,P9,2026,\n"));
        var owner = Guid.Parse((await WaitAsync(client, started.Headers.Location!.ToString())).GetProperty("id").GetString()!);
        var ownerKey = await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().ImportJobs.Where(j => j.Id == owner).Select(j => j.OwnerKey).SingleAsync());

        // A job its node stopped writing three minutes ago (the node crashed mid-validation), and one started two hours ago.
        var now = DateTimeOffset.UtcNow;
        ImportJobRow Row(DateTimeOffset started, DateTimeOffset heard) => new()
        {
            Id = Guid.NewGuid(), OwnerKey = ownerKey, Kind = "students", FileName = "lost.xlsx", StartedAt = started, UpdatedAt = heard,
            Phase = "validate", Rows = 4000, Fraction = 0.2,
        };
        var (lost, old) = (Row(now.AddMinutes(-5), now.AddMinutes(-3)), Row(now.AddHours(-2), now.AddHours(-2)));
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            db.ImportJobs.AddRange(lost, old);
            return await db.SaveChangesAsync();
        });

        var zh = await (await client.GetAsync($"/api/registry/import-jobs/{lost.Id}")).JsonAsync();
        Assert.Equal((true, "done", 1.0), (zh.GetProperty("done").GetBoolean(), zh.GetProperty("phase").GetString(), zh.GetProperty("fraction").GetDouble()));
        Assert.Contains("导入已中断", zh.GetProperty("failure").GetString(), StringComparison.Ordinal);
        using var english = new HttpRequestMessage(HttpMethod.Get, $"/api/registry/import-jobs/{lost.Id}");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var en = await (await client.SendAsync(english)).JsonAsync();
        Assert.Contains("The import stopped", en.GetProperty("failure").GetString(), StringComparison.Ordinal);
        // The home page does not list a lost job as running.
        Assert.DoesNotContain("lost.xlsx", await client.GetStringAsync("/"), StringComparison.Ordinal);

        using var expired = await client.GetAsync($"/api/registry/import-jobs/{old.Id}");
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        // The next job's start deletes rows past their hour (their reports are children's data).
        using var next = await client.PostAsync("/api/registry/import/classes?background=true&fileName=next.csv",
            Csv(ClassHeader + $"{TestWorld.AnchorSchool},BAD-NODE-3,坏班,P9,2026,\n"));
        await WaitAsync(client, next.Headers.Location!.ToString());
        Assert.False(await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().ImportJobs.AnyAsync(j => j.Id == old.Id)));
        Assert.True(await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().ImportJobs.AnyAsync(j => j.Id == lost.Id)));
    }

    [Fact]
    public async Task An_ended_import_is_kept_in_the_history_and_the_home_page_lists_the_callers_imports_of_the_last_week()
    {
        // An account of its own: the home page shows a handful of lines, and other tests import too.
        var client = await app.ClientAsync(await app.NewAccountAsync("history", Qedu.Kernel.Access.Roles.SchoolAdmin));
        var fileName = $"refused-{Guid.NewGuid():N}"[..20] + ".csv";
        using var started = await client.PostAsync($"/api/registry/import/classes?background=true&fileName={fileName}",
            Csv(ClassHeader + $"{TestWorld.AnchorSchool},BAD-GRADE-4,坏班,P9,2026,\n"));
        var job = await WaitAsync(client, started.Headers.Location!.ToString());
        var id = Guid.Parse(job.GetProperty("id").GetString()!);

        var entry = await app.AsSystemAsync(sp => sp.GetRequiredService<RegistryDb>().ImportHistory.AsNoTracking().SingleAsync(h => h.Id == id));
        Assert.Equal(("classes", fileName, ImportOutcomes.Refused, 0L, false), (entry.Kind, entry.FileName, entry.Outcome, entry.RowsWritten, entry.DryRun));
        Assert.StartsWith("history.", entry.OwnerName, StringComparison.Ordinal);
        Assert.True(entry.FinishedAt >= entry.StartedAt);

        // Past the job's hour the history table still has them: three days ago is listed, eight days ago and someone else's are not.
        var now = DateTimeOffset.UtcNow;
        ImportHistoryEntry Line(string owner, string name, int daysAgo) => new()
        {
            Id = Guid.NewGuid(), OwnerKey = owner, OwnerName = entry.OwnerName, Kind = "students", FileName = name,
            StartedAt = now.AddDays(-daysAgo), FinishedAt = now.AddDays(-daysAgo).AddMinutes(1), Outcome = ImportOutcomes.Written, RowsWritten = 5,
        };
        var tag = Guid.NewGuid().ToString("N")[..8];
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegistryDb>();
            db.ImportHistory.AddRange(Line(entry.OwnerKey, $"three-days-{tag}.xlsx", 3), Line(entry.OwnerKey, $"eight-days-{tag}.xlsx", 8),
                Line("User:someone-else", $"not-mine-{tag}.xlsx", 1));
            return await db.SaveChangesAsync();
        });
        var home = await client.GetStringAsync("/");
        Assert.Contains(fileName, home, StringComparison.Ordinal);
        Assert.Contains($"three-days-{tag}.xlsx", home, StringComparison.Ordinal);
        Assert.DoesNotContain($"eight-days-{tag}.xlsx", home, StringComparison.Ordinal);
        Assert.DoesNotContain($"not-mine-{tag}.xlsx", home, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Uploads_wait_in_the_hosts_private_directory_and_are_gone_when_their_request_or_job_is_done()
    {
        var client = await app.ClientAsync("school.admin");
        var shared = Directory.GetFiles(Path.GetTempPath(), "qedu-*").Length;

        using var synchronous = await client.PostAsync("/api/registry/import/classes?fileName=s.csv", Csv(ClassHeader + $"{TestWorld.AnchorSchool},BAD-GRADE-2,坏班,P9,2026,\n"));
        using var started = await client.PostAsync("/api/registry/import/classes?background=true&fileName=b.csv", Csv(ClassHeader + $"{TestWorld.AnchorSchool},BAD-GRADE-3,坏班,P9,2026,\n"));
        await WaitAsync(client, started.Headers.Location!.ToString());
        using var bundle = await client.GetAsync($"/api/registry/oneroster.zip?school={TestWorld.AnchorSchool}&purpose=测试核对");

        Assert.Equal(HttpStatusCode.BadRequest, synchronous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(app.WorkDirectory));
        Assert.Empty(Directory.EnumerateFileSystemEntries(app.WorkDirectory));
        Assert.Equal(shared, Directory.GetFiles(Path.GetTempPath(), "qedu-*").Length); // nothing of a child's in the shared /tmp
    }
}
