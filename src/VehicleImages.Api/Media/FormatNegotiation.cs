using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using VehicleImages.Domain.Images;

namespace VehicleImages.Api.Media;

/// <summary>Picks the output format for an "auto" media link from the Accept header.</summary>
internal static class FormatNegotiation
{
    /// <summary>
    /// AVIF, then WebP, when the client accepts them (q &gt; 0); otherwise PNG for a transparent image (JPEG has no
    /// alpha) or JPEG. A missing or wildcard-only Accept header gets the universally supported formats.
    /// </summary>
    public static ImageFormat Choose(StringValues accept, bool keepAlpha)
    {
        var accepted = MediaTypeHeaderValue.TryParseList(accept, out var types) ? types : [];
        bool Accepts(string mediaType) => accepted.Any(t =>
            t.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) && (t.Quality ?? 1) > 0);

        if (Accepts("image/avif"))
        {
            return ImageFormat.Avif;
        }

        if (Accepts("image/webp"))
        {
            return ImageFormat.WebP;
        }

        return keepAlpha ? ImageFormat.Png : ImageFormat.Jpeg;
    }
}
