using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Postgres;
using VehicleImages.Storage.Tests.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Catalog;

public sealed class PostgresCatalogTests(PostgresServer server) : CatalogContract
{
    private OpenDatabase? _database;

    protected override async Task<ICatalog> OpenEmptyAsync()
    {
        _database = await OpenDatabase.CreateAsync(server, Cancel);
        return new PostgresCatalog(_database.Database);
    }

    protected override async ValueTask CloseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
