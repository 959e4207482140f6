using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Application.Media;

namespace VehicleImages.Api.AdminUi;

/// <summary>
/// The headers every admin page carries: a content security policy that runs only our own scripts and styles (no
/// inline script, so injected markup cannot run), images from here or the media base URL, no framing, no sniffing.
/// </summary>
internal static class AdminUiHeaders
{
    public static void Apply(HttpResponse response)
    {
        var media = response.HttpContext.RequestServices.GetRequiredService<MediaOptions>();
        var headers = response.Headers;
        headers.ContentSecurityPolicy = Policy(media.PublicBaseUrl);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
    }

    // Media links point at the configured public base URL (a CDN) when there is one, so images may come from there.
    private static string Policy(string? publicBaseUrl)
    {
        var media = Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) ? $" {uri.GetLeftPart(UriPartial.Authority)}" : "";
        return $"default-src 'self'; img-src 'self' data:{media}; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; " +
               "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
