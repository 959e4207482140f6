using VehicleImages.Domain.Images;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Application.Answers;

/// <summary>
/// The catalog, advancing <see cref="CatalogChanges"/> after every write (ingest's <c>AddAsync</c>), so that no writer
/// has to remember to. The generation moves after the write is committed: an answer read before it is then older
/// than the generation it was made in, never the other way round.
/// </summary>
public sealed class ChangeSignallingCatalog(ICatalog inner, CatalogChanges changes) : ICatalog
{
    public async Task<IReadOnlyList<bool>> AddAsync(IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.AddAsync(entries, cancellationToken);
        }
        finally
        {
            // Also on failure: a commit whose acknowledgement was lost has changed the catalog all the same.
            changes.Advance();
        }
    }

    public Task<bool> ContainsAsync(ContentHash hash, CancellationToken cancellationToken) => inner.ContainsAsync(hash, cancellationToken);

    public Task<VehicleImage?> FindImageAsync(ImageId id, CancellationToken cancellationToken) => inner.FindImageAsync(id, cancellationToken);

    public Task<VehicleConfiguration?> FindConfigurationAsync(Guid id, CancellationToken cancellationToken) => inner.FindConfigurationAsync(id, cancellationToken);

    public Task<IReadOnlyList<ImageMatch>> SearchAsync(ImageSearch search, CancellationToken cancellationToken) => inner.SearchAsync(search, cancellationToken);

    public Task<IReadOnlyList<VehicleImage>> FindByVinAsync(string vin, CancellationToken cancellationToken) => inner.FindByVinAsync(vin, cancellationToken);

    public Task<IReadOnlyList<ConfigurationSummary>> SummariseAsync(ConfigurationSearch search, CancellationToken cancellationToken) =>
        inner.SummariseAsync(search, cancellationToken);

    public Task<IReadOnlyList<VehicleImage>> FindByConfigurationAsync(Guid configuration, IReadOnlyCollection<View> views, CancellationToken cancellationToken) =>
        inner.FindByConfigurationAsync(configuration, views, cancellationToken);

    public Task<IReadOnlyList<VehicleImage>> FindByRegistrationAsync(string registration, CancellationToken cancellationToken) =>
        inner.FindByRegistrationAsync(registration, cancellationToken);

    public IAsyncEnumerable<(ImageId Id, ulong Hash)> PerceptualHashesAsync(CancellationToken cancellationToken) => inner.PerceptualHashesAsync(cancellationToken);

    public Task<CatalogCounts> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
}
