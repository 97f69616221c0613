using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Qedu.Testing;

/// <summary>
/// <see cref="QeduApp"/> served by Kestrel on a real TCP port, for clients that cannot use the in-memory
/// TestServer (a browser). It listens on 127.0.0.1 only, on a port the OS picks, so parallel runs never clash and
/// nothing is reachable from outside the machine. Everything else (database, settings, demo seed) is QeduApp's.
/// </summary>
public class QeduServer : QeduApp
{
    private Uri? _baseAddress;

    public QeduServer() =>
        // Port 0: the OS hands out a free port when Kestrel binds; the real one is read back in StartHost.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>Where the running host answers, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The server has not started yet.");

    protected override void StartHost()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        // Kestrel reports the bound address with the port it actually got, not the 0 it was asked for.
        var address = addresses.Single();
        _baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
