using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Application.Access;
using VehicleImages.Domain.Keys;
using VehicleImages.Domain.Usage;

namespace VehicleImages.Api.Access;

/// <summary>
/// Admits or refuses each request to a keyed endpoint, and meters the answer: chargeable or not by the family's
/// rule, under the endpoint's route pattern. Runs before the handler, so a refused request costs no lookup.
/// </summary>
internal sealed class AccessFilter(
    ApiFamily family, KeyScopes scope, Func<HttpRequest, PresentedKey> presentedKey, RefusalEnvelope refuse, KeyAccess access, UsageMeter meter)
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        var admission = await access.AdmitAsync(presentedKey(http.Request), family, scope, ClientAddress(http), http.RequestAborted);
        var endpoint = EndpointName(http);
        if (!admission.Admitted)
        {
            if (admission.Key is { } known)
            {
                meter.Record(known.Id, endpoint, chargeable: false);
            }

            AccessHeaders.Refused(http.Response, admission);
            return refuse(http, admission);
        }

        // Handlers that report on the key (GET /v1/usage) find the admission here.
        http.Features.Set(admission);
        var keyId = admission.Key!.Id;
        object? result;
        try
        {
            result = await next(invocation);
        }
        catch (Exception) when (!http.RequestAborted.IsCancellationRequested)
        {
            meter.Record(keyId, endpoint, chargeable: false);
            throw;
        }

        var chargeable = Chargeable.Is(family, StatusOf(result, http));
        meter.Record(keyId, endpoint, chargeable);
        AccessHeaders.Admitted(http.Response, admission, chargeable);
        return result;
    }

    // The status the answer will have: results carry it; anything else has set it on the response.
    private static int StatusOf(object? result, HttpContext http) =>
        result is IStatusCodeHttpResult answer ? answer.StatusCode ?? StatusCodes.Status200OK : http.Response.StatusCode;

    private static string EndpointName(HttpContext http) => (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";

    private static string ClientAddress(HttpContext http) => ClientAddresses.ClientOf(http.Connection.RemoteIpAddress);
}
