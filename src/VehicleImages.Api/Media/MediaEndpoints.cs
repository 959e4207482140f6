using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using VehicleImages.Api.Http;
using VehicleImages.Application.Media;
using VehicleImages.Application.Renditions;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Api.Media;

/// <summary>
/// Serves every image link the APIs hand out: signed and expiring, cacheable (strong ETag, Cache-Control), with
/// Range support, in the requested or negotiated format.
/// </summary>
public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder routes)
    {
        routes.MapGet($"{MediaLinks.Prefix}/{{id}}/{{variant}}", ServeAsync)
            .WithName("Media")
            .WithTags("Media")
            .WithSummary("An image file behind a signed, expiring link returned by the APIs.");
        return routes;
    }

    private static async Task<IResult> ServeAsync(
        string id, string variant, long? exp, string? sig, HttpContext context,
        LinkSigner signer, ICatalog catalog, IBlobStore blobs, RenditionService renditions, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Validate: a path that cannot be one of our links is simply not found.
        if (!ImageId.TryParse(id, out var imageId) || !MediaVariant.TryParse(variant, out var media))
        {
            return Problems.NotFound("No such media.");
        }

        // Authorise before any lookup, so forged links learn nothing about which images exist.
        var now = clock.GetUtcNow();
        if (exp is not { } expires || !signer.Verify(MediaLinks.PathOf(imageId, media), expires, sig, now))
        {
            return Problems.Forbidden("The link's signature is missing, wrong or expired; ask the API for a fresh link.");
        }

        var image = await catalog.FindImageAsync(imageId, cancellationToken);
        if (image is null)
        {
            return Problems.NotFound("No such image.");
        }

        // The URL is signed for one variant until its expiry, so its content never changes: caches may keep it that long.
        var maxAge = Math.Clamp(expires - now.ToUnixTimeSeconds(), 0, (long)TimeSpan.FromDays(365).TotalSeconds);
        var headers = context.Response.Headers;
        headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={maxAge}, immutable");
        headers.XContentTypeOptions = "nosniff";

        if (media.IsOriginal)
        {
            var original = await blobs.OpenReadAsync(BlobKeys.Original(image.Hash), cancellationToken);
            return original is null
                ? Problems.NotFound("The image's original is missing from the blob store.")
                : Results.Stream(original, image.Format.MimeType(), entityTag: new EntityTagHeaderValue($"\"{image.Hash.Hex[..32]}\""), enableRangeProcessing: true);
        }

        var keepAlpha = image.HasAlpha && media.Background == Background.Transparent;
        var format = media.Format ?? FormatNegotiation.Choose(context.Request.Headers.Accept, keepAlpha);
        if (media.Format is null)
        {
            headers.Vary = HeaderNames.Accept;
        }

        RenditionBlob rendition;
        try
        {
            rendition = await renditions.EnsureAsync(image, new RenditionSpec(media.Size!.Value, media.Background, format), cancellationToken);
        }
        catch (RenderQueueFullException e)
        {
            headers.RetryAfter = "1";
            return Problems.Unavailable(e.Message);
        }

        var stream = await blobs.OpenReadAsync(rendition.Key, cancellationToken);
        return stream is null
            ? Problems.NotFound("The rendition disappeared while it was being served; retry.")
            : Results.Stream(stream, rendition.Spec.Format.MimeType(), lastModified: rendition.LastModified, entityTag: EntityTag(rendition.Key), enableRangeProcessing: true);
    }

    // A rendition's bytes are fixed by its key (content hash, spec, encoder version) and written once, so the key
    // itself identifies the bytes: a strong validator without hashing the file on every request.
    private static EntityTagHeaderValue EntityTag(string key) =>
        new($"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32]}\"");
}
