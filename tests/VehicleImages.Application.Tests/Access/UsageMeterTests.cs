using VehicleImages.Application.Access;
using VehicleImages.Domain.Usage;
using VehicleImages.Storage.Usage;
using VehicleImages.Storage.Usage.Sqlite;

namespace VehicleImages.Application.Tests.Access;

public sealed class UsageMeterTests : IAsyncLifetime
{
    private static readonly Guid Key = Guid.Parse("0197a000-0000-7000-8000-0000000000aa");
    private readonly TempDirectory _folder = new("vi-meter");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
    private SqliteUsageStore _store = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Day => new(2026, 11, 21);

    public async ValueTask InitializeAsync() => _store = await SqliteUsageStore.OpenAsync(_folder.Combine("catalog.db"), Cancel);

    public ValueTask DisposeAsync()
    {
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Counts_reach_the_store_only_when_flushed_and_then_exactly()
    {
        using var meter = new UsageMeter(_store, _clock);
        meter.Record(Key, "/images", chargeable: true);
        meter.Record(Key, "/images", chargeable: true);
        meter.Record(Key, "/images", chargeable: false);

        Assert.Empty(await _store.QueryAsync(Key, Day, Day, Cancel));
        await meter.FlushAsync(Cancel);
        await meter.FlushAsync(Cancel);

        Assert.Equal(
            [new UsageCount(Key, Day, "/images", false, 1), new UsageCount(Key, Day, "/images", true, 2)],
            await _store.QueryAsync(Key, Day, Day, Cancel));
    }

    [Fact]
    public async Task Counting_from_many_threads_while_flushing_loses_and_doubles_nothing()
    {
        using var meter = new UsageMeter(_store, _clock);
        using var done = new CancellationTokenSource();
        var flusher = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                await meter.FlushAsync(Cancel);
            }
        }, Cancel);

        Parallel.For(0, 40_000, i => meter.Record(Key, i % 4 == 0 ? "/photos/{vin}" : "/images", chargeable: i % 2 == 0));
        await done.CancelAsync();
        await flusher;
        await meter.FlushAsync(Cancel);

        var counts = await _store.QueryAsync(Key, Day, Day, Cancel);
        Assert.Equal(40_000, counts.Sum(c => c.Count));
        Assert.Equal(20_000, counts.Where(c => c.Chargeable).Sum(c => c.Count));
        Assert.Equal(10_000, counts.Where(c => c.Endpoint == "/photos/{vin}").Sum(c => c.Count));
        Assert.Equal(20_000, await meter.ChargeableThisMonthAsync(Key, Cancel));
    }

    [Fact]
    public async Task The_monthly_figure_adds_unflushed_counts_and_sees_other_processes_after_a_flush()
    {
        await _store.AddAsync([new UsageCount(Key, Day.AddDays(-20), "/images", true, 100), new UsageCount(Key, Day.AddDays(-30), "/images", true, 1000)], Cancel);
        using var here = new UsageMeter(_store, _clock);
        using var elsewhere = new UsageMeter(_store, _clock);

        here.Record(Key, "/images", chargeable: true);
        here.Record(Key, "/images", chargeable: false);
        Assert.Equal(101, await here.ChargeableThisMonthAsync(Key, Cancel));

        elsewhere.Record(Key, "/images", chargeable: true);
        await elsewhere.FlushAsync(Cancel);
        Assert.Equal(101, await here.ChargeableThisMonthAsync(Key, Cancel));

        await here.FlushAsync(Cancel);
        Assert.Equal(102, await here.ChargeableThisMonthAsync(Key, Cancel));
    }

    [Fact]
    public async Task A_new_month_starts_from_nothing()
    {
        using var meter = new UsageMeter(_store, _clock);
        meter.Record(Key, "/images", chargeable: true);
        await meter.FlushAsync(Cancel);
        Assert.Equal(1, await meter.ChargeableThisMonthAsync(Key, Cancel));

        _clock.Advance(TimeSpan.FromDays(10));
        meter.Record(Key, "/images", chargeable: true);

        Assert.Equal(1, await meter.ChargeableThisMonthAsync(Key, Cancel));
        await meter.FlushAsync(Cancel);
        Assert.Equal(1, await meter.ChargeableThisMonthAsync(Key, Cancel));
    }

    [Fact]
    public async Task Counts_a_failed_flush_could_not_write_go_out_with_the_next()
    {
        var flaky = new FlakyStore(_store);
        using var meter = new UsageMeter(flaky, _clock);
        meter.Record(Key, "/images", chargeable: true);

        flaky.FailNext = true;
        await Assert.ThrowsAsync<IOException>(() => meter.FlushAsync(Cancel));
        Assert.Equal(1, await meter.ChargeableThisMonthAsync(Key, Cancel));
        meter.Record(Key, "/images", chargeable: true);
        await meter.FlushAsync(Cancel);

        Assert.Equal([new UsageCount(Key, Day, "/images", true, 2)], await _store.QueryAsync(Key, Day, Day, Cancel));
        Assert.Equal(2, await meter.ChargeableThisMonthAsync(Key, Cancel));
    }

    /// <summary>The real store, made to fail one write the way a full disk would.</summary>
    private sealed class FlakyStore(IUsageStore inner) : IUsageStore
    {
        public bool FailNext { get; set; }

        public Task AddAsync(IReadOnlyCollection<UsageCount> counts, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new IOException("disk full");
            }

            return inner.AddAsync(counts, cancellationToken);
        }

        public Task<IReadOnlyList<UsageCount>> QueryAsync(Guid? keyId, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken) =>
            inner.QueryAsync(keyId, firstDay, lastDay, cancellationToken);

        public Task<IReadOnlyDictionary<Guid, long>> ChargeableInMonthAsync(Guid? keyId, DateOnly day, CancellationToken cancellationToken) =>
            inner.ChargeableInMonthAsync(keyId, day, cancellationToken);
    }
}
