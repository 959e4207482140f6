using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Sqlite;
using VehicleImages.Storage.Curation;
using VehicleImages.Storage.Curation.Sqlite;

namespace VehicleImages.Storage.Tests.Curation;

public sealed class SqliteCatalogCurationTests : CatalogCurationContract
{
    private readonly TempDirectory _folder = new("vi-curation");

    protected override async Task<(ICatalog Catalog, ICatalogCuration Curation)> OpenEmptyAsync()
    {
        var path = _folder.Combine("catalog.db");
        return (await SqliteCatalog.OpenAsync(path, Cancel), await SqliteCatalogCuration.OpenAsync(path, Cancel));
    }

    protected override ValueTask CloseAsync()
    {
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
