using VehicleImages.Application.Renditions;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Storage.Blobs;

namespace VehicleImages.Application.Media;

/// <summary>
/// Links that fetch a rendition straight from the blob store, presigned and expiring, when the store can make them
/// (an S3 bucket can, a folder cannot). The rendition is made and stored first if the bucket lacks it, so a link
/// never points at nothing; the link then costs this service nothing more, however often it is fetched.
/// </summary>
public sealed class PresignedRenditionLinks(IBlobStore blobs, RenditionService renditions)
{
    /// <summary>A presigned GET link to the rendition, valid for <paramref name="lifetime"/>; null when the store cannot presign.</summary>
    public async Task<Uri?> ForAsync(VehicleImage image, RenditionSpec spec, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (blobs is not IPresignedLinks presigner)
        {
            return null;
        }

        var stored = await renditions.EnsureAsync(image, spec, cancellationToken);
        return await presigner.PresignGetAsync(stored.Key, lifetime, stored.Spec.Format.MimeType(), cancellationToken);
    }
}
