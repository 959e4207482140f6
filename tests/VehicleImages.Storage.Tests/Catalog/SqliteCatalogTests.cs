using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Sqlite;

namespace VehicleImages.Storage.Tests.Catalog;

public sealed class SqliteCatalogTests : CatalogContract
{
    private readonly TempDirectory _folder = new("vi-sqlite");

    private string DatabasePath => _folder.Combine("catalog.db");

    protected override async Task<ICatalog> OpenEmptyAsync() => await SqliteCatalog.OpenAsync(DatabasePath, Cancel);

    protected override ValueTask CloseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Images_survive_closing_and_reopening_the_file()
    {
        var configuration = SampleImages.Configuration();
        var image = SampleImages.Image(configuration, "durable");
        await Catalog.AddAsync([new(configuration, image)], Cancel);

        var reopened = await SqliteCatalog.OpenAsync(DatabasePath, Cancel);

        Assert.Equivalent(image, await reopened.FindImageAsync(image.Id, Cancel), strict: true);
    }
}
