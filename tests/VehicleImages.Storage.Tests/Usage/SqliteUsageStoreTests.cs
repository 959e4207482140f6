using VehicleImages.Storage.Usage;
using VehicleImages.Storage.Usage.Sqlite;

namespace VehicleImages.Storage.Tests.Usage;

public sealed class SqliteUsageStoreTests : UsageStoreContract
{
    private readonly TempDirectory _folder = new("vi-usage");

    protected override async Task<IUsageStore> OpenEmptyAsync() => await SqliteUsageStore.OpenAsync(_folder.Combine("catalog.db"), Cancel);

    protected override ValueTask CloseAsync()
    {
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
