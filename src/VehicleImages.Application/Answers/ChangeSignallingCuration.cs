using VehicleImages.Domain.Images;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Curation;

namespace VehicleImages.Application.Answers;

/// <summary>The curation store, advancing <see cref="CatalogChanges"/> after every relabel and delete, as <see cref="ChangeSignallingCatalog"/> does after ingest.</summary>
public sealed class ChangeSignallingCuration(ICatalogCuration inner, CatalogChanges changes) : ICatalogCuration
{
    public Task<LibraryFacets> FacetsAsync(LibraryFilter filter, CancellationToken cancellationToken) => inner.FacetsAsync(filter, cancellationToken);

    public Task<LibraryPage> BrowseAsync(LibraryFilter filter, int offset, int limit, CancellationToken cancellationToken) =>
        inner.BrowseAsync(filter, offset, limit, cancellationToken);

    public async Task<bool> ReplaceLabelsAsync(VehicleImage current, CatalogEntry updated, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.ReplaceLabelsAsync(current, updated, cancellationToken);
        }
        finally
        {
            changes.Advance();
        }
    }

    public IAsyncEnumerable<VehicleImage> AllImagesAsync(ImageId? after, CancellationToken cancellationToken) => inner.AllImagesAsync(after, cancellationToken);

    public async Task<VehicleImage?> RemoveAsync(ImageId id, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.RemoveAsync(id, cancellationToken);
        }
        finally
        {
            changes.Advance();
        }
    }
}
