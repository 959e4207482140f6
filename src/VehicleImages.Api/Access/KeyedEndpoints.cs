using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Application.Access;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Access;

/// <summary>How a family says no: the refusal in its own envelope and status codes.</summary>
internal delegate IResult RefusalEnvelope(HttpContext context, Admission refusal);

/// <summary>Puts endpoints behind API keys, plans, rate limits, quotas and usage metering.</summary>
internal static class KeyedEndpoints
{
    /// <summary>
    /// Every request must present a key where <paramref name="presentedKey"/> reads it; refusals answer in the
    /// family's envelope, and every answer to a known key is metered under the endpoint's route. An image API
    /// is left open when the operator has turned keys off (Access:RequireKeys); endpoints about keys never are.
    /// </summary>
    public static TBuilder RequireKey<TBuilder>(
        this TBuilder builder, ApiFamily family, Func<HttpRequest, PresentedKey> presentedKey, RefusalEnvelope refuse, KeyScopes scope = KeyScopes.Api, bool aboutTheKey = false)
        where TBuilder : IEndpointConventionBuilder
    {
        bool ChecksKeys(IServiceProvider services) =>
            scope != KeyScopes.Api || aboutTheKey || services.GetRequiredService<AccessOptions>().RequireKeys;

        builder.Add(endpoint =>
        {
            if (ChecksKeys(endpoint.ApplicationServices))
            {
                endpoint.Metadata.Add(new KeyChecked(presentedKey));
            }
        });
        return builder.AddEndpointFilterFactory((factory, next) =>
        {
            var services = factory.ApplicationServices;
            if (!ChecksKeys(services))
            {
                return next;
            }

            var filter = new AccessFilter(
                family, scope, presentedKey, refuse, services.GetRequiredService<KeyAccess>(), services.GetRequiredService<UsageMeter>());
            return invocation => filter.InvokeAsync(invocation, next);
        });
    }
}

/// <summary>Marks an endpoint whose requests are admitted by the key they present, read where <see cref="PresentedKey"/> says.</summary>
internal sealed record KeyChecked(Func<HttpRequest, PresentedKey> PresentedKey);
