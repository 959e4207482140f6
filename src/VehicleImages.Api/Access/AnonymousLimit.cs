using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Api.Http;
using VehicleImages.Application.Access;

namespace VehicleImages.Api.Access;

/// <summary>
/// Limits, per client address, every request that no key answers for: those to keyed endpoints that present no
/// key (or conflicting ones), and every request to an open endpoint or an unknown path. A request that presents a
/// key to a keyed endpoint is left to its key's plan and to the lockout on guessing; so are the addresses listed as
/// exempt (a CDN's, whose origin pulls carry many users' requests). Refusals are 429 with
/// Retry-After in the family's envelope, never cached, since a CDN would otherwise serve one client's refusal to all.
/// </summary>
internal static class AnonymousLimit
{
    /// <summary>Added after routing and the forwarded-headers middleware, so the endpoint and the client's own address are known.</summary>
    public static WebApplication UseAnonymousLimit(this WebApplication app)
    {
        var limiter = app.Services.GetRequiredService<AnonymousLimiter>();
        if (!limiter.Enabled)
        {
            return app;
        }

        var envelopes = app.Services.GetRequiredService<FamilyEnvelopes>();
        var exempt = app.Services.GetRequiredService<AccessOptions>().AnonymousLimitExempt.Select(Network).ToArray();
        app.Use(async (http, next) =>
        {
            if (PresentsAKey(http) || IsExempt(http, exempt) || limiter.TryTake(ClientAddresses.ClientOf(http.Connection.RemoteIpAddress)) is not { Allowed: false } refused)
            {
                await next(http);
                return;
            }

            var seconds = (long)Math.Max(1, Math.Ceiling(refused.RetryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers.CacheControl = "no-store";
            var message = $"Too many requests without an API key from this address; retry after {seconds} s, or send a key.";
            await envelopes.For(http.Request.Path).Envelope(http, StatusCodes.Status429TooManyRequests, message).ExecuteAsync(http);
        });
        return app;
    }

    private static IPNetwork Network(string entry) => ClientAddresses.TryParseRange(entry, out var network)
        ? network
        : throw new InvalidOperationException($"{AccessOptions.Section}:AnonymousLimitExempt: '{entry}' is neither an address nor a network such as 10.0.0.0/8.");

    private static bool IsExempt(HttpContext http, IPNetwork[] exempt) =>
        exempt.Length > 0 && http.Connection.RemoteIpAddress is { } address
        && exempt.Any(network => network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));

    private static bool PresentsAKey(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<KeyChecked>() is { } keyed && keyed.PresentedKey(http.Request).Secret is not null;
}
