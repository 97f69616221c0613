using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Qedu.Web.Hosting;

/// <summary>
/// Qedu usually runs behind a reverse proxy (nginx, a load balancer). The client's address and scheme then arrive in
/// X-Forwarded-For / X-Forwarded-Proto, and they count only when the connection comes from a proxy we trust: the
/// loopback (a proxy on the same machine) and the addresses or networks listed in <c>Security:TrustedProxies</c>.
/// Without this the sign-in limit and the audit log would see every user as the proxy; trusting everyone would let a
/// client choose its own address.
/// </summary>
internal static class ProxyHeaders
{
    public const string Section = "Security:TrustedProxies";

    public static IServiceCollection AddQeduProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var entries = configuration.GetSection(Section).Get<string[]>() ?? [];
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                // Refuse to start: a proxy silently not trusted would put every user behind one address.
                throw new InvalidOperationException($"{Section}: '{entry}' is neither an IP address nor a network (CIDR, e.g. 10.0.0.0/8).");
            }
        }
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        return services;
    }
}
