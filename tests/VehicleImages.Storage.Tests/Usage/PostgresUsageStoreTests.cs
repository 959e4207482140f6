using VehicleImages.Domain.Usage;
using VehicleImages.Storage.Postgres;
using VehicleImages.Storage.Tests.Postgres;
using VehicleImages.Storage.Usage;
using VehicleImages.Storage.Usage.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Usage;

public sealed class PostgresUsageStoreTests(PostgresServer server) : UsageStoreContract
{
    private readonly TestDatabases _databases = new(server);

    protected override async Task<IUsageStore> OpenEmptyAsync() => new PostgresUsageStore(await _databases.OpenAsync(Cancel));

    protected override ValueTask CloseAsync() => _databases.DisposeAsync();

    [Fact]
    public async Task Two_processes_flushing_the_same_counters_at_once_lose_nothing()
    {
        const int Flushes = 40;
        var day = new DateOnly(2026, 11, 21);
        var keys = Enumerable.Range(1, 25).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();

        // A second pool on the same database, as a second API process has. Each flush touches every counter, one
        // process listing them in one order and the other in the reverse: the shape in which lock-order deadlocks
        // and lost updates happen.
        await using var otherProcess = await PostgresDatabase.OpenAsync(_databases.Last.ConnectionString, Cancel);
        var stores = new[] { Usage, new PostgresUsageStore(otherProcess) };
        await Task.WhenAll(stores.Select((store, s) => Task.Run(async () =>
        {
            for (var flush = 1; flush <= Flushes; flush++)
            {
                var counts = keys.Select(key => new UsageCount(key, day, "/images", Chargeable: true, flush));
                await store.AddAsync([.. s == 0 ? counts : counts.Reverse()], Cancel);
            }
        }, Cancel)));

        var totals = await Usage.QueryAsync(null, day, day, Cancel);
        Assert.Equal(keys.Order(), totals.Select(t => t.KeyId).Order());
        Assert.All(totals, total => Assert.Equal(2 * Flushes * (Flushes + 1) / 2, total.Count));
    }
}
