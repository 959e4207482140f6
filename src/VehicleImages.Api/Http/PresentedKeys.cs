using Microsoft.AspNetCore.Http;

namespace VehicleImages.Api.Http;

/// <summary>Where clients put their API key, family by family.</summary>
internal static class PresentedKeys
{
    /// <summary>auto.dev's ways: <c>Authorization: Bearer KEY</c>, <c>X-API-Key: KEY</c>, or <c>?apiKey=KEY</c>.</summary>
    public static string? AutoDev(HttpRequest request) => Headers(request) ?? request.Query["apiKey"].FirstOrDefault();

    /// <summary>
    /// The admin API's ways, headers only: <c>Authorization: Bearer KEY</c> or <c>X-API-Key: KEY</c>. Never the URL,
    /// which ends up in access logs, proxies and browser history.
    /// </summary>
    public static string? Headers(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..];
        }

        return request.Headers["X-API-Key"].FirstOrDefault();
    }

    /// <summary>The native API takes any family's way, CarsXE's <c>?key=</c> included.</summary>
    public static string? Any(HttpRequest request) => AutoDev(request) ?? request.Query["key"].FirstOrDefault();
}
