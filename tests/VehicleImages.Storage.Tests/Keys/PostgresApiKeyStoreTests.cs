using VehicleImages.Storage.Keys;
using VehicleImages.Storage.Keys.Postgres;
using VehicleImages.Storage.Tests.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Keys;

public sealed class PostgresApiKeyStoreTests(PostgresServer server) : ApiKeyStoreContract
{
    private readonly TestDatabases _databases = new(server);

    protected override async Task<IApiKeyStore> OpenEmptyAsync() => new PostgresApiKeyStore(await _databases.OpenAsync(Cancel));

    protected override ValueTask CloseAsync() => _databases.DisposeAsync();
}
