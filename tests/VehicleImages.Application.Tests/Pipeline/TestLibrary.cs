using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Fetching;
using VehicleImages.Application.Ingest.Sources;
using VehicleImages.Application.Vins;
using VehicleImages.Imaging;
using VehicleImages.Storage;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Application.Tests.Pipeline;

/// <summary>A library in a temp folder (SQLite + blob folder) with an ingest pipeline over it.</summary>
public sealed class TestLibrary : IAsyncDisposable
{
    private static readonly Lazy<ImageProcessor> SharedImaging = new(() => new ImageProcessor(new ImagingOptions()));

    private readonly TempDirectory _folder;

    private TestLibrary(TempDirectory folder, StorageOptions storage, ICatalog catalog, IBlobStore blobs, VinDecoder vins)
    {
        _folder = folder;
        Storage = storage;
        Catalog = catalog;
        Blobs = blobs;
        Pipeline = new IngestPipeline(catalog, blobs, Imaging, vins, FetchAddressPolicy.PublicOnly, TimeProvider.System);
    }

    public static ImageProcessor Imaging => SharedImaging.Value;

    /// <summary>VIN decoding without vPIC: what the service does when the data is not installed.</summary>
    public static VinDecoder WithoutVpic { get; } = new(null);

    public StorageOptions Storage { get; }

    public ICatalog Catalog { get; }

    public IBlobStore Blobs { get; }

    public IngestPipeline Pipeline { get; }

    public static async Task<TestLibrary> CreateAsync(VinDecoder? vins = null)
    {
        var folder = new TempDirectory("vi-library");
        var storage = new StorageOptions { DataDirectory = folder.Path };
        return new TestLibrary(folder, storage, await StorageFactory.OpenCatalogAsync(storage, CancellationToken.None), StorageFactory.OpenBlobStore(storage), vins ?? WithoutVpic);
    }

    public Task<IngestSummary> IngestAsync(IEnumerable<string> paths, IngestOptions? options = null) =>
        IngestAsync(IngestSources.Expand(paths).ToList(), options);

    public Task<IngestSummary> IngestAsync(IReadOnlyList<IngestItem> items, IngestOptions? options = null) =>
        Pipeline.RunAsync(items, options ?? new IngestOptions(), progress: null, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
