using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Qedu.Web.Hosting;

namespace Qedu.Web.Tests.Platform;

/// <summary>
/// Qedu started the way a service manager or an operator starts it (<c>dotnet /path/Qedu.Web.dll</c> from another
/// directory) reads its own appsettings.json: the content root is the application's folder, and the settings' log levels
/// hold (no per-request lines from ASP.NET Core). The built application runs as a real process, on an SQLite file of
/// its own.
/// </summary>
public sealed class ContentRootTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qedu-content-root-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_working_directory_with_the_settings_stays_and_one_without_gives_way_to_the_applications_folder()
    {
        var app = Path.Combine(_dir, "app");
        var elsewhere = Path.Combine(_dir, "elsewhere");
        Directory.CreateDirectory(app);
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(app, ContentRoot.SettingsFile), "{}");

        Assert.Equal(app, ContentRoot.Resolve([], elsewhere, app));
        Assert.Null(ContentRoot.Resolve([], app, app));
        // An explicit content root is the operator's choice; an application folder without settings changes nothing.
        Assert.Null(ContentRoot.Resolve(["--contentRoot", elsewhere], elsewhere, app));
        Assert.Null(ContentRoot.Resolve([], elsewhere, elsewhere));
    }

    [Fact]
    public async Task Started_from_another_directory_the_host_reads_its_own_settings()
    {
        var output = ApplicationOutput();
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            Path.Combine(output, "Qedu.Web.dll"), "--urls", $"http://127.0.0.1:{port}", "--db", Path.Combine(_dir, "qedu.db"),
            "--Database:AutoMigrate=true", "--Security:RequireHttps=false", $"--Security:KeyDirectory={Path.Combine(_dir, "keys")}",
            $"--Files:WorkDirectory={Path.Combine(_dir, "work")}",
        })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_CONTENTROOT");
        start.Environment.Remove("DOTNET_CONTENTROOT");

        using var process = Process.Start(start)!;
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var status = await HealthAsync(http, process, lines);
            Assert.Equal(HttpStatusCode.OK, status);
            for (var i = 0; i < 3; i++)
            {
                using var response = await http.GetAsync("/api/me");
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            await Task.Delay(500); // the console logger writes on a thread of its own

            var log = string.Join('\n', lines);
            Assert.Contains($"Content root path: {output.TrimEnd(Path.DirectorySeparatorChar)}", log, StringComparison.Ordinal);
            // appsettings.json sets Microsoft.AspNetCore to Warning: without it every request logs "Request starting".
            Assert.DoesNotContain("Request starting", log, StringComparison.Ordinal);
            Assert.DoesNotContain("Request finished", log, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<HttpStatusCode> HealthAsync(HttpClient http, Process process, IEnumerable<string> lines)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                Assert.Fail($"Qedu stopped (exit {process.ExitCode}):\n{string.Join('\n', lines)}");
            }
            try
            {
                using var response = await http.GetAsync("/health");
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }
        Assert.Fail($"Qedu did not answer in 3 minutes:\n{string.Join('\n', lines)}");
        return default;
    }

    /// <summary>The web application's build output beside these tests' (same configuration).</summary>
    internal static string ApplicationOutput()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (tests.Name, tests.Parent!.Name);
        var root = tests;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Qedu.slnx")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var output = Path.Combine(root.FullName, "src", "Qedu.Web", "bin", configuration, framework);
        Assert.True(File.Exists(Path.Combine(output, "Qedu.Web.dll")), $"no build at {output}");
        return output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
