using Microsoft.Playwright;
using Qedu.Testing;

namespace Qedu.Browser.Tests;

/// <summary>
/// One web host on Kestrel (<see cref="QeduServer"/>) and one Chromium for the whole browser suite: both take seconds
/// to start, while a fresh browser context per test (see <see cref="BrowserTest"/>) already isolates cookies and storage.
/// </summary>
public sealed class BrowserFixture : QeduServer
{
    /// <summary>Debian's Chromium; QEDU_CHROMIUM points elsewhere (Playwright's own builds cannot be downloaded here).</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("QEDU_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not initialised yet.");

    public override async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: install Debian's 'chromium' package or set QEDU_CHROMIUM.");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", // tests run as root, where Chromium's sandbox refuses to start
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                // No calls home: the machine has no network beyond loopback, and they would only slow start-up.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        });
        await base.InitializeAsync(); // the database, then the host with its migrations and demo seed
    }

    /// <summary>Called by QeduApp's own disposal before it drops the database.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }
        _playwright?.Dispose();
        _playwright = null;
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
