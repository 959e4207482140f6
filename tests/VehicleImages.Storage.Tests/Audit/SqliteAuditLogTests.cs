using VehicleImages.Storage.Audit;
using VehicleImages.Storage.Audit.Sqlite;

namespace VehicleImages.Storage.Tests.Audit;

public sealed class SqliteAuditLogTests : AuditLogContract
{
    private readonly TempDirectory _folder = new("vi-audit");

    protected override async Task<IAuditLog> OpenEmptyAsync() => await SqliteAuditLog.OpenAsync(_folder.Combine("catalog.db"), Cancel);

    protected override ValueTask CloseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
