using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Registry.Data;
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
