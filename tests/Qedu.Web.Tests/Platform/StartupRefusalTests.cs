using System.Diagnostics;

namespace Qedu.Web.Tests.Platform;

/// <summary>
/// A setting that cannot work stops the start with a line naming it, rather than a node that runs and fails later (an
/// issuer other nodes disagree with, files no other node can read). The built application runs as a real process.
/// </summary>
public sealed class StartupRefusalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qedu-refusal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("--Oidc:Issuer=qedu.example.edu.cn", "Oidc:Issuer: 'qedu.example.edu.cn' is not an absolute http(s) address")]
    [InlineData("--Oidc:Issuer=ftp://qedu.example.edu.cn/", "Oidc:Issuer: 'ftp://qedu.example.edu.cn/' is not an absolute http(s) address")]
    [InlineData("--Files:Store=s3", "Files:Store: 's3' is neither 'disk' nor 'database'.")]
    [InlineData("--Files:Store=database", "Files:Store: 'database' needs PostgreSQL; with SQLite files are kept on disk.")]
    public async Task A_setting_that_cannot_work_stops_the_start_naming_it(string setting, string message)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            Path.Combine(ContentRootTests.ApplicationOutput(), "Qedu.Web.dll"), "--urls", "http://127.0.0.1:0", "--db", Path.Combine(_dir, "qedu.db"),
            "--Security:RequireHttps=false", $"--Security:KeyDirectory={Path.Combine(_dir, "keys")}", $"--Files:WorkDirectory={Path.Combine(_dir, "work")}",
            setting,
        })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Qedu started with {setting}:\n{await output}\n{await error}");
        }

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains(message, await output + await error, StringComparison.Ordinal);
    }
}
