using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Sources;
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

    private TestLibrary(TempDirectory folder, StorageOptions storage, ICatalog catalog, IBlobStore blobs)
    {
        _folder = folder;
        Storage = storage;
        Catalog = catalog;
        Blobs = blobs;
        Pipeline = new IngestPipeline(catalog, blobs, Imaging, TimeProvider.System);
    }

    public static ImageProcessor Imaging => SharedImaging.Value;

    public StorageOptions Storage { get; }

    public ICatalog Catalog { get; }

    public IBlobStore Blobs { get; }

    public IngestPipeline Pipeline { get; }

    public static async Task<TestLibrary> CreateAsync()
    {
        var folder = new TempDirectory("vi-library");
        var storage = new StorageOptions { DataDirectory = folder.Path };
        return new TestLibrary(folder, storage, await StorageFactory.OpenCatalogAsync(storage, CancellationToken.None), StorageFactory.OpenBlobStore(storage));
    }

    public Task<IngestSummary> IngestAsync(IEnumerable<string> paths, IngestOptions? options = null) =>
        IngestAsync(IngestSources.Expand(paths).ToList(), options);

    public Task<IngestSummary> IngestAsync(IReadOnlyList<IngestItem> items, IngestOptions? options = null) =>
        Pipeline.RunAsync(items, options ?? new IngestOptions(), progress: null, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
