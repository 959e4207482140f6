using Microsoft.AspNetCore.Http;
using VehicleImages.Application.Media;

namespace VehicleImages.Api.Http;

/// <summary>Makes root-relative links absolute, with the configured public base URL or the request's own.</summary>
internal static class AbsoluteUrls
{
    public static string Of(HttpRequest request, MediaOptions options, string relative)
    {
        var root = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');
        return root + relative;
    }
}
