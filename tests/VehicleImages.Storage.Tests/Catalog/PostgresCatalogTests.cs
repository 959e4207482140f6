using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Postgres;
using VehicleImages.Storage.Tests.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Catalog;

public sealed class PostgresCatalogTests(PostgresServer server) : CatalogContract
{
    private readonly TestDatabases _databases = new(server);

    protected override async Task<ICatalog> OpenEmptyAsync() => new PostgresCatalog(await _databases.OpenAsync(Cancel));

    protected override ValueTask CloseAsync() => _databases.DisposeAsync();
}
