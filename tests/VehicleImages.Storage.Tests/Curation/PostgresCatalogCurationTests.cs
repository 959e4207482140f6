using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Postgres;
using VehicleImages.Storage.Curation;
using VehicleImages.Storage.Curation.Postgres;
using VehicleImages.Storage.Tests.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Curation;

public sealed class PostgresCatalogCurationTests(PostgresServer server) : CatalogCurationContract
{
    private OpenDatabase? _database;

    protected override async Task<(ICatalog Catalog, ICatalogCuration Curation)> OpenEmptyAsync()
    {
        _database = await OpenDatabase.CreateAsync(server, Cancel);
        return (new PostgresCatalog(_database.Database), new PostgresCatalogCuration(_database.Database));
    }

    protected override async ValueTask CloseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
