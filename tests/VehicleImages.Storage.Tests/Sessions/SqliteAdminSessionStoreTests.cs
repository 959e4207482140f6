using VehicleImages.Storage.Sessions;
using VehicleImages.Storage.Sessions.Sqlite;

namespace VehicleImages.Storage.Tests.Sessions;

public sealed class SqliteAdminSessionStoreTests : AdminSessionStoreContract
{
    private readonly TempDirectory _folder = new("vi-sessions");

    protected override async Task<IAdminSessionStore> OpenEmptyAsync() => await SqliteAdminSessionStore.OpenAsync(_folder.Combine("catalog.db"), Cancel);

    protected override ValueTask CloseAsync()
    {
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
