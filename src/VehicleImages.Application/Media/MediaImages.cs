using System.Collections.Concurrent;
using VehicleImages.Domain.Images;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Application.Media;

/// <summary>
/// The images the media endpoint serves, kept in memory once found. A catalog row never changes after ingest (the
/// catalog only adds images, and an ID is a hash of the content), so a found image is reused without asking the
/// catalog again: reading and mapping the row was most of a warm media request. An unknown ID is asked every time,
/// since an ingest may add it.
/// </summary>
public sealed class MediaImages(ICatalog catalog)
{
    // About 1 KB per image: a bound of some megabytes. Dropping the whole set now and then costs some re-reads.
    private const int Limit = 20_000;
    private readonly ConcurrentDictionary<ImageId, VehicleImage> _found = new();

    public async Task<VehicleImage?> FindAsync(ImageId id, CancellationToken cancellationToken)
    {
        if (_found.TryGetValue(id, out var known))
        {
            return known;
        }

        var image = await catalog.FindImageAsync(id, cancellationToken);
        if (image is not null)
        {
            if (_found.Count >= Limit)
            {
                _found.Clear();
            }

            _found[id] = image;
        }

        return image;
    }
}
