using System.Diagnostics;

namespace Qedu.Architecture.Tests;

/// <summary>
/// The test command refuses a build with a known-vulnerable package (scripts/audit-packages): checked here on saved
/// reports of `dotnet list package --vulnerable`, since this machine's package source gives no vulnerability data.
/// </summary>
public sealed class PackageAuditTests
{
    private const string Vulnerable = """
        The following sources were used:
           https://api.nuget.org/v3/index.json

        Project `Qedu.Kernel` has the following vulnerable packages
           [net10.0]:
           Top-level Package      Requested   Resolved   Severity   Advisory URL
           > Newtonsoft.Json      12.0.1      12.0.1     High       https://github.com/advisories/GHSA-5crp-9r3c-p9vr

        The given project `Qedu.Web` has no vulnerable packages given the current sources.
        """;

    private const string Clean = """
        The following sources were used:
           https://api.nuget.org/v3/index.json

        The given project `Qedu.Kernel` has no vulnerable packages given the current sources.
        The given project `Qedu.Web` has no vulnerable packages given the current sources.
        """;

    [Fact]
    public async Task A_vulnerable_package_fails_the_check_and_is_named()
    {
        var (exit, output) = await AuditAsync(Vulnerable);

        Assert.Equal(1, exit);
        Assert.Contains("Newtonsoft.Json", output, StringComparison.Ordinal);
        Assert.Contains("GHSA-5crp-9r3c-p9vr", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_report_passes() => Assert.Equal(0, (await AuditAsync(Clean)).Exit);

    [Fact]
    public void The_test_command_runs_the_check() =>
        Assert.Contains("scripts/audit-packages", File.ReadAllText(Path.Combine(Root(), "scripts", "test")), StringComparison.Ordinal);

    private static async Task<(int Exit, string Output)> AuditAsync(string report)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, report);
            using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Root(), "scripts", "audit-packages"), "--report", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Qedu.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Not inside the repository.");
    }
}
