using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Sqlite;

namespace VehicleImages.Storage.Tests.Catalog;

public sealed class SqliteCatalogSearchTests : CatalogSearchContract
{
    private readonly TempDirectory _folder = new("vi-search");

    protected override async Task<ICatalog> OpenEmptyAsync() => await SqliteCatalog.OpenAsync(_folder.Combine("catalog.db"), Cancel);

    protected override ValueTask CloseAsync()
    {
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
