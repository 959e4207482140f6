using VehicleImages.Storage.Audit;
using VehicleImages.Storage.Audit.Postgres;
using VehicleImages.Storage.Tests.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Audit;

public sealed class PostgresAuditLogTests(PostgresServer server) : AuditLogContract
{
    private readonly TestDatabases _databases = new(server);

    protected override async Task<IAuditLog> OpenEmptyAsync() => new PostgresAuditLog(await _databases.OpenAsync(Cancel));

    protected override ValueTask CloseAsync() => _databases.DisposeAsync();
}
