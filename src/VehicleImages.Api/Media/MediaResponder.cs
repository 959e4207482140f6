using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using VehicleImages.Api.Http;
using VehicleImages.Application.Media;
using VehicleImages.Application.Renditions;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Storage.Blobs;

namespace VehicleImages.Api.Media;

/// <summary>
/// Answers with an image's bytes once a link has been checked: the original or a rendition (made now if missing),
/// with a strong ETag, Range support, and caching for as long as the link is valid.
/// </summary>
public sealed class MediaResponder(IBlobStore blobs, RenditionService renditions, RenditionMemory memory, TimeProvider clock)
{
    /// <summary>The answer to a checked link that expires at <paramref name="expires"/> (unix seconds), or never when null.</summary>
    public async Task<IResult> RespondAsync(HttpContext context, VehicleImage image, MediaVariant media, long? expires, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(media);

        var headers = context.Response.Headers;
        headers.CacheControl = CacheControl(expires);
        headers.XContentTypeOptions = "nosniff";

        if (media.IsOriginal)
        {
            var original = await blobs.OpenReadAsync(BlobKeys.Original(image.Hash), cancellationToken);
            return original is null
                ? Problems.NotFound("The image's original is missing from the blob store.")
                : Results.Stream(original, image.Format.MimeType(), entityTag: new EntityTagHeaderValue($"\"{image.Hash.Hex[..32]}\""), enableRangeProcessing: true);
        }

        var keepAlpha = media.Background == Background.Cutout || (image.HasAlpha && media.Background == Background.Transparent);
        var format = media.Format ?? FormatNegotiation.Choose(context.Request.Headers.Accept, keepAlpha);
        if (media.Format is null)
        {
            headers.Vary = HeaderNames.Accept;
        }

        var spec = new RenditionSpec(media.Size!.Value, media.Background, format, media.Framed);
        if (!memory.TryGet(image.Hash, spec, out var served))
        {
            RenditionBlob rendition;
            try
            {
                rendition = await renditions.EnsureAsync(image, spec, cancellationToken);
            }
            catch (RenderQueueFullException e)
            {
                headers.RetryAfter = "1";
                return Problems.Unavailable(e.Message);
            }

            // A rendition is at most a few megabytes and usually a few dozen kilobytes: read whole, written in one go.
            var bytes = await blobs.GetAsync(rendition.Key, cancellationToken);
            if (bytes is null)
            {
                return Problems.NotFound("The rendition disappeared while it was being served; retry.");
            }

            served = new ServedRendition(rendition, bytes, EntityTag(rendition.Key));
            memory.Remember(image.Hash, spec, served);
        }

        return Results.Bytes(served.Bytes, served.Blob.Spec.Format.MimeType(), lastModified: served.Blob.LastModified, entityTag: served.EntityTag, enableRangeProcessing: true);
    }

    // An expiring URL is signed for one variant until its expiry, so its content never changes: caches may keep it that
    // long. A permanent photo name ({vin}-{n}) is the n-th photo of a gallery that an ingest or a curator can reorder:
    // caches keep it a day, then revalidate with the ETag.
    private string CacheControl(long? expires)
    {
        if (expires is not { } until)
        {
            return PermanentCacheControl;
        }

        var maxAge = Math.Clamp(until - clock.GetUtcNow().ToUnixTimeSeconds(), 0, (long)TimeSpan.FromDays(365).TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture, $"public, max-age={maxAge}, immutable");
    }

    private const string PermanentCacheControl = "public, max-age=86400";

    // A rendition's bytes are fixed by its key (content hash, spec, encoder version) and written once, so the key
    // itself identifies the bytes: a strong validator without hashing the file on every request.
    private static EntityTagHeaderValue EntityTag(string key) =>
        new($"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32]}\"");
}
