using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;

namespace VehicleImages.Api.Http;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address. <c>Http:TrustedProxies</c> lists the proxies
/// (addresses, or networks as 10.0.0.0/8) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed, so the
/// client's own address is the one limited for guessing keys. Nobody else's forwarding headers are read: a client
/// could otherwise pick any address it liked.
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "Http:TrustedProxies";

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var listed = app.Configuration.GetSection(Setting).Get<string[]>() ?? [];
        if (listed.Length == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in listed)
        {
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            }
            else
            {
                options.KnownProxies.Add(IPAddress.Parse(entry));
            }
        }

        app.UseForwardedHeaders(options);
        return app;
    }
}
