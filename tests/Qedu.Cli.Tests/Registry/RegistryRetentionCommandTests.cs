using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Testing;

namespace Qedu.Cli.Tests.Registry;

/// <summary><c>qedu registry retention</c>: background import jobs (their encrypted reports name children) go after their hour even when no import follows.</summary>
public class RegistryRetentionCommandTests : CliTest
{
    [Fact]
    public async Task Import_jobs_started_more_than_an_hour_ago_are_deleted_and_newer_ones_kept()
    {
        Assert.Equal(0, (await Cli.RunAsync("db", "migrate", "--db", Database.Connection)).ExitCode);
        await using var services = KernelHost.Build(Database.Settings);
        var now = DateTimeOffset.UtcNow;
        ImportJobRow Row(DateTimeOffset started) => new()
        {
            Id = Guid.NewGuid(), OwnerKey = "user:retention", Kind = "students", FileName = "学生.xlsx", StartedAt = started,
            UpdatedAt = started, Phase = "done", Done = true, Report = [1, 2, 3],
        };
        var (old, recent) = (Row(now.AddMinutes(-61)), Row(now.AddMinutes(-50)));
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("test"));
            var db = scope.ServiceProvider.GetRequiredService<RegistryDb>();
            db.ImportJobs.AddRange(old, recent);
            await db.SaveChangesAsync();
        }

        var run = await Cli.RunAsync("registry", "retention", "--db", Database.Connection);
        var again = await Cli.RunAsync("registry", "retention", "--db", Database.Connection);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Retention: 1 import job(s) deleted.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Retention: 0 import job(s) deleted.", again.Output, StringComparison.Ordinal);
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("test"));
            var left = await scope.ServiceProvider.GetRequiredService<RegistryDb>().ImportJobs.Select(j => j.Id).ToListAsync();
            Assert.Equal([recent.Id], left);
        }
    }
}
