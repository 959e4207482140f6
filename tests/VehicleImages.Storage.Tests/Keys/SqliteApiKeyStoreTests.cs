using VehicleImages.Storage.Keys;
using VehicleImages.Storage.Keys.Sqlite;

namespace VehicleImages.Storage.Tests.Keys;

public sealed class SqliteApiKeyStoreTests : ApiKeyStoreContract
{
    private readonly TempDirectory _folder = new("vi-keys");

    protected override async Task<IApiKeyStore> OpenEmptyAsync() => await SqliteApiKeyStore.OpenAsync(_folder.Combine("catalog.db"), Cancel);

    protected override ValueTask CloseAsync()
    {
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
