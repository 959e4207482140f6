using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging;
using VehicleImages.Imaging.Analysis;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Application.Quality;

/// <summary>
/// Fingerprints of images for confirming near-duplicates. A fingerprint is always taken from the image's smallest
/// stored rendition, whether the image was ingested a moment ago or years ago, so the same pair always compares
/// the same way and a resumed ingest judges exactly as a clean one.
/// </summary>
public sealed class FingerprintSource(ICatalog catalog, IBlobStore blobs, ImageProcessor imaging)
{
    private readonly Dictionary<ImageId, byte[]> _known = [];

    /// <summary>The fingerprint of a rendition's encoded bytes.</summary>
    public byte[] Of(byte[] renditionBytes)
    {
        var decoded = imaging.Decode(renditionBytes, RenditionSize.Thumbnail.LongEdge()!.Value);
        return ImageAnalysis.Fingerprint(decoded.Pixels());
    }

    public void Remember(ImageId id, byte[] fingerprint) => _known[id] = fingerprint;

    /// <summary>The fingerprint of a catalogued image, read from its smallest rendition; null if that cannot be read.</summary>
    public async Task<byte[]?> GetAsync(ImageId id, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(id, out var known))
        {
            return known;
        }

        if (await catalog.FindImageAsync(id, cancellationToken) is not { } image || Smallest(image.Renditions) is not { } smallest)
        {
            return null;
        }

        var bytes = await blobs.GetAsync(BlobKeys.Rendition(image.Hash, smallest.Spec), cancellationToken);
        if (bytes is null)
        {
            return null;
        }

        var fingerprint = Of(bytes);
        _known[id] = fingerprint;
        return fingerprint;
    }

    public static StoredRendition? Smallest(IEnumerable<StoredRendition> renditions) =>
        renditions.OrderBy(r => (long)r.Width * r.Height).ThenBy(r => r.Spec.Size).FirstOrDefault();
}
