using VehicleImages.Domain.Images;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Storage.Curation;

/// <summary>
/// The library as its curators see it: browse with facets, relabel, remove. Kept apart from <see cref="ICatalog"/>,
/// which serves the image APIs. Every backend passes the same contract tests.
/// </summary>
public interface ICatalogCuration
{
    Task<LibraryFacets> FacetsAsync(LibraryFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// Matching images by make, model, newest years, trim, view and ID, skipping <paramref name="offset"/> and
    /// taking at most <paramref name="limit"/>, with the number that match in all.
    /// </summary>
    Task<LibraryPage> BrowseAsync(LibraryFilter filter, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the labels of <paramref name="updated"/> (configuration, view, photo type, colour, licence, quality
    /// verdict), their origins and its vision prediction over those of <paramref name="current"/>, recording a new
    /// configuration and removing one left without images. Other fields are not written. False, with nothing changed,
    /// when the image is gone or its labels, origins or prediction's models are no longer those of
    /// <paramref name="current"/>: someone else changed it meanwhile.
    /// </summary>
    Task<bool> ReplaceLabelsAsync(VehicleImage current, CatalogEntry updated, CancellationToken cancellationToken);

    /// <summary>
    /// Every image in order of <see cref="ImageId.Value"/>, starting after <paramref name="after"/> (from the first when
    /// null), read a page at a time; a walk that stopped resumes from the last ID it saw.
    /// </summary>
    IAsyncEnumerable<VehicleImage> AllImagesAsync(ImageId? after, CancellationToken cancellationToken);

    /// <summary>Removes the image's row, and its configuration if no image is left in it; the removed image, or null when there was none.</summary>
    Task<VehicleImage?> RemoveAsync(ImageId id, CancellationToken cancellationToken);
}
