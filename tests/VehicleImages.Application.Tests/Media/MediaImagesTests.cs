using Microsoft.Data.Sqlite;
using VehicleImages.Application.Media;
using VehicleImages.Domain.Images;
using VehicleImages.Storage;
using VehicleImages.Storage.Catalog;
using VehicleImages.Testing;

namespace VehicleImages.Application.Tests.Media;

public sealed class MediaImagesTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly StorageOptions _storage;
    private readonly ManualClock _clock = new(DateTimeOffset.UnixEpoch);

    public MediaImagesTests() => _storage = new StorageOptions { DataDirectory = _folder.Path };

    [Fact]
    public async Task Finds_the_catalog_image_by_id()
    {
        var catalog = await OpenAsync();
        var image = await AddAsync(catalog, "one");

        var found = await new MediaImages(catalog, _clock).FindAsync(image.Id, TestContext.Current.CancellationToken);

        Assert.NotNull(found);
        Assert.Equal(image.Hash, found.Hash);
        Assert.Equal(image.Renditions, found.Renditions);
    }

    [Fact]
    public async Task An_unknown_id_is_found_once_an_ingest_adds_it()
    {
        var catalog = await OpenAsync();
        var images = new MediaImages(catalog, _clock);
        var later = SampleImages.Image(SampleImages.Configuration(), "later");

        Assert.Null(await images.FindAsync(later.Id, TestContext.Current.CancellationToken));
        await catalog.AddAsync([new CatalogEntry(SampleImages.Configuration(), later)], TestContext.Current.CancellationToken);

        Assert.NotNull(await images.FindAsync(later.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_found_image_is_answered_from_memory_afterwards()
    {
        var catalog = await OpenAsync();
        var images = new MediaImages(catalog, _clock);
        var image = await AddAsync(catalog, "kept");
        Assert.NotNull(await images.FindAsync(image.Id, TestContext.Current.CancellationToken));

        // Behind the catalog's back, as another process's delete would be: memory answers for a moment, then not.
        await DeleteRowAsync(image.Id);

        Assert.Null(await catalog.FindImageAsync(image.Id, TestContext.Current.CancellationToken));
        Assert.Equal(image.Hash, (await images.FindAsync(image.Id, TestContext.Current.CancellationToken))?.Hash);
        _clock.Advance(MediaImages.Lifetime);
        Assert.Null(await images.FindAsync(image.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_forgotten_image_is_asked_of_the_catalog_again()
    {
        var catalog = await OpenAsync();
        var images = new MediaImages(catalog, _clock);
        var image = await AddAsync(catalog, "deleted");
        Assert.NotNull(await images.FindAsync(image.Id, TestContext.Current.CancellationToken));
        await DeleteRowAsync(image.Id);

        images.Forget(image.Id);

        Assert.Null(await images.FindAsync(image.Id, TestContext.Current.CancellationToken));
    }

    private async Task DeleteRowAsync(ImageId id)
    {
        await using var connection = new SqliteConnection($"Data Source={_storage.CatalogPath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM images WHERE id = $id";
        delete.Parameters.AddWithValue("$id", id.Value);
        Assert.Equal(1, await delete.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        _folder.Dispose();
    }

    private Task<ICatalog> OpenAsync() => StorageFactory.OpenCatalogAsync(_storage, TestContext.Current.CancellationToken);

    private static async Task<VehicleImage> AddAsync(ICatalog catalog, string seed)
    {
        var configuration = SampleImages.Configuration();
        var image = SampleImages.Image(configuration, seed);
        await catalog.AddAsync([new CatalogEntry(configuration, image)], TestContext.Current.CancellationToken);
        return image;
    }
}
