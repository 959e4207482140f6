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

    public MediaImagesTests() => _storage = new StorageOptions { DataDirectory = _folder.Path };

    [Fact]
    public async Task Finds_the_catalog_image_by_id()
    {
        var catalog = await OpenAsync();
        var image = await AddAsync(catalog, "one");

        var found = await new MediaImages(catalog).FindAsync(image.Id, TestContext.Current.CancellationToken);

        Assert.NotNull(found);
        Assert.Equal(image.Hash, found.Hash);
        Assert.Equal(image.Renditions, found.Renditions);
    }

    [Fact]
    public async Task An_unknown_id_is_found_once_an_ingest_adds_it()
    {
        var catalog = await OpenAsync();
        var images = new MediaImages(catalog);
        var later = SampleImages.Image(SampleImages.Configuration(), "later");

        Assert.Null(await images.FindAsync(later.Id, TestContext.Current.CancellationToken));
        await catalog.AddAsync([new CatalogEntry(SampleImages.Configuration(), later)], TestContext.Current.CancellationToken);

        Assert.NotNull(await images.FindAsync(later.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_found_image_is_answered_from_memory_afterwards()
    {
        var catalog = await OpenAsync();
        var images = new MediaImages(catalog);
        var image = await AddAsync(catalog, "kept");
        Assert.NotNull(await images.FindAsync(image.Id, TestContext.Current.CancellationToken));

        // Behind the catalog's back (the service never deletes rows): only memory can still answer.
        await using (var connection = new SqliteConnection($"Data Source={_storage.CatalogPath};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM images WHERE id = $id";
            delete.Parameters.AddWithValue("$id", image.Id.Value);
            Assert.Equal(1, await delete.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        Assert.Null(await catalog.FindImageAsync(image.Id, TestContext.Current.CancellationToken));
        Assert.Equal(image.Hash, (await images.FindAsync(image.Id, TestContext.Current.CancellationToken))?.Hash);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
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
