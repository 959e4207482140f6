using VehicleImages.Storage.Audit;
using VehicleImages.Storage.Audit.Sqlite;

namespace VehicleImages.Storage.Tests.Audit;

public sealed class SqliteAuditLogTests : AuditLogContract
{
    private readonly TempDirectory _folder = new("vi-audit");

    protected override async Task<IAuditLog> OpenEmptyAsync() => await SqliteAuditLog.OpenAsync(_folder.Combine("catalog.db"), Cancel);

    protected override ValueTask CloseAsync()
    {
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
