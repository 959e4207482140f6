using VehicleImages.Domain.Images;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Storage.Catalog;

/// <summary>An image to record together with the configuration it depicts.</summary>
public sealed record CatalogEntry(VehicleConfiguration Configuration, VehicleImage Image);

/// <summary>How much the catalog holds.</summary>
public sealed record CatalogCounts(long Configurations, long Images, long GoodImages);

/// <summary>
/// The library's metadata: vehicle configurations and their images. Every backend passes the same contract tests;
/// SQL dialect stays inside each backend.
/// </summary>
public interface ICatalog
{
    /// <summary>Records entries in one transaction. An image whose content is already catalogued is skipped; the result says which were added.</summary>
    Task<IReadOnlyList<bool>> AddAsync(IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken);

    Task<bool> ContainsAsync(ContentHash hash, CancellationToken cancellationToken);

    Task<VehicleImage?> FindImageAsync(ImageId id, CancellationToken cancellationToken);

    Task<VehicleConfiguration?> FindConfigurationAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Images of the make and model, filtered and ordered exactly as <see cref="ImageRanking"/> orders them.</summary>
    Task<IReadOnlyList<ImageMatch>> SearchAsync(ImageSearch search, CancellationToken cancellationToken);

    /// <summary>
    /// The photos of one vehicle, in gallery order: by source, then by sequence (photos without one after), then
    /// exterior before interior and engine, then by ID.
    /// </summary>
    Task<IReadOnlyList<VehicleImage>> FindByVinAsync(string vin, CancellationToken cancellationToken);

    /// <summary>
    /// Configurations matching the search that have good images, each with the view and colour pairs those images
    /// show; newest years first.
    /// </summary>
    Task<IReadOnlyList<ConfigurationSummary>> SummariseAsync(ConfigurationSearch search, CancellationToken cancellationToken);

    /// <summary>The good images of one configuration showing any of the views.</summary>
    Task<IReadOnlyList<VehicleImage>> FindByConfigurationAsync(Guid configuration, IReadOnlyCollection<View> views, CancellationToken cancellationToken);

    /// <summary>Images ingested with this registration mark (compared without spaces, upper case).</summary>
    Task<IReadOnlyList<VehicleImage>> FindByRegistrationAsync(string registration, CancellationToken cancellationToken);

    /// <summary>Every image's perceptual hash, for the near-duplicate index.</summary>
    IAsyncEnumerable<(ImageId Id, ulong Hash)> PerceptualHashesAsync(CancellationToken cancellationToken);

    Task<CatalogCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>Throws when the catalog cannot be reached; for readiness checks.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
