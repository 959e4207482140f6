using VehicleImages.Storage.Sessions;
using VehicleImages.Storage.Sessions.Postgres;
using VehicleImages.Storage.Tests.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Sessions;

public sealed class PostgresAdminSessionStoreTests(PostgresServer server) : AdminSessionStoreContract
{
    private OpenDatabase? _database;

    protected override async Task<IAdminSessionStore> OpenEmptyAsync()
    {
        _database = await OpenDatabase.CreateAsync(server, Cancel);
        return new PostgresAdminSessionStore(_database.Database);
    }

    protected override async ValueTask CloseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
