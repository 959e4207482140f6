using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Postgres;
using VehicleImages.Storage.Curation;
using VehicleImages.Storage.Curation.Postgres;
using VehicleImages.Storage.Tests.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Curation;

public sealed class PostgresCatalogCurationTests(PostgresServer server) : CatalogCurationContract
{
    private readonly TestDatabases _databases = new(server);

    protected override async Task<(ICatalog Catalog, ICatalogCuration Curation)> OpenEmptyAsync()
    {
        var database = await _databases.OpenAsync(Cancel);
        return (new PostgresCatalog(database), new PostgresCatalogCuration(database));
    }

    protected override ValueTask CloseAsync() => _databases.DisposeAsync();
}
