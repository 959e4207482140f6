using VehicleImages.Storage.Keys;
using VehicleImages.Storage.Keys.Postgres;
using VehicleImages.Storage.Tests.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Keys;

public sealed class PostgresApiKeyStoreTests(PostgresServer server) : ApiKeyStoreContract
{
    private OpenDatabase? _database;

    protected override async Task<IApiKeyStore> OpenEmptyAsync()
    {
        _database = await OpenDatabase.CreateAsync(server, Cancel);
        return new PostgresApiKeyStore(_database.Database);
    }

    protected override async ValueTask CloseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
