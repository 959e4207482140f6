using VehicleImages.Storage.Sessions;
using VehicleImages.Storage.Sessions.Postgres;
using VehicleImages.Storage.Tests.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Sessions;

public sealed class PostgresAdminSessionStoreTests(PostgresServer server) : AdminSessionStoreContract
{
    private readonly TestDatabases _databases = new(server);

    protected override async Task<IAdminSessionStore> OpenEmptyAsync() => new PostgresAdminSessionStore(await _databases.OpenAsync(Cancel));

    protected override ValueTask CloseAsync() => _databases.DisposeAsync();
}
