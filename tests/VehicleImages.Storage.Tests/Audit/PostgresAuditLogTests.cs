using VehicleImages.Storage.Audit;
using VehicleImages.Storage.Audit.Postgres;
using VehicleImages.Storage.Tests.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Audit;

public sealed class PostgresAuditLogTests(PostgresServer server) : AuditLogContract
{
    private OpenDatabase? _database;

    protected override async Task<IAuditLog> OpenEmptyAsync()
    {
        _database = await OpenDatabase.CreateAsync(server, Cancel);
        return new PostgresAuditLog(_database.Database);
    }

    protected override async ValueTask CloseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
