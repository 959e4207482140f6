using System.Collections.Concurrent;
using VehicleImages.Domain.Images;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Application.Media;

/// <summary>
/// The images the media endpoint serves, kept in memory for a moment once found: reading and mapping the catalog row
/// was most of a warm media request, and a popular image is asked for many times a second. What the media endpoint
/// reads of a row (content hash, format, renditions) never changes after ingest; only a curator's delete ends it, and
/// the curator forgets the image here at once. Another process's delete is seen within <see cref="Lifetime"/>, the
/// same bound as a revoked key. An unknown ID is asked every time, since an ingest may add it.
/// </summary>
public sealed class MediaImages(ICatalog catalog, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    // About 1 KB per image: a bound of some megabytes. Dropping the whole set now and then costs some re-reads.
    private const int Limit = 20_000;
    private readonly ConcurrentDictionary<ImageId, (VehicleImage Image, DateTimeOffset Until)> _found = new();

    public async Task<VehicleImage?> FindAsync(ImageId id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_found.TryGetValue(id, out var known) && known.Until > now)
        {
            return known.Image;
        }

        var image = await catalog.FindImageAsync(id, cancellationToken);
        if (image is null)
        {
            _found.TryRemove(id, out _);
            return null;
        }

        if (_found.Count >= Limit)
        {
            _found.Clear();
        }

        _found[id] = (image, now + Lifetime);
        return image;
    }

    /// <summary>The image was deleted: its links stop working from the next request.</summary>
    public void Forget(ImageId id) => _found.TryRemove(id, out _);
}
