using Microsoft.AspNetCore.Http;
using VehicleImages.Application.Media;

namespace VehicleImages.Api.Http;

/// <summary>Makes root-relative links absolute, with the configured public base URL or the request's own.</summary>
internal static class AbsoluteUrls
{
    public static string Of(HttpRequest request, MediaOptions options, string relative) => Root(request, options) + relative;

    /// <summary>What every absolute link of an answer to this request starts with.</summary>
    public static string Root(HttpRequest request, MediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');
    }
}
