using VehicleImages.Domain.Usage;
using VehicleImages.Storage.Usage;

namespace VehicleImages.Storage.Tests.Usage;

/// <summary>What every usage store must do.</summary>
public abstract class UsageStoreContract : IAsyncLifetime
{
    private static readonly Guid Alice = Guid.Parse("0197a000-0000-7000-8000-00000000000a");
    private static readonly Guid Bob = Guid.Parse("0197a000-0000-7000-8000-00000000000b");
    private static readonly DateOnly Day = new(2026, 11, 21);

    protected IUsageStore Usage { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract Task<IUsageStore> OpenEmptyAsync();

    public async ValueTask InitializeAsync() => Usage = await OpenEmptyAsync();

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await CloseAsync();
    }

    protected virtual ValueTask CloseAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Counts_for_the_same_key_day_endpoint_and_chargeability_add_up()
    {
        await Usage.AddAsync([new(Alice, Day, "/images", true, 3), new(Alice, Day, "/images", false, 1)], Cancel);
        await Usage.AddAsync([new(Alice, Day, "/images", true, 4)], Cancel);

        Assert.Equal(
            [new UsageCount(Alice, Day, "/images", false, 1), new UsageCount(Alice, Day, "/images", true, 7)],
            await Usage.QueryAsync(Alice, Day, Day, Cancel));
    }

    [Fact]
    public async Task Repeated_counters_in_one_batch_add_up()
    {
        await Usage.AddAsync([new(Alice, Day, "/images", true, 2), new(Bob, Day, "/images", true, 1), new(Alice, Day, "/images", true, 3)], Cancel);

        Assert.Equal([new UsageCount(Alice, Day, "/images", true, 5)], await Usage.QueryAsync(Alice, Day, Day, Cancel));
    }

    [Fact]
    public async Task A_query_keeps_to_its_key_and_days()
    {
        await Usage.AddAsync(
        [
            new(Alice, Day.AddDays(-1), "/images", true, 1),
            new(Alice, Day, "/photos/{vin}", true, 2),
            new(Bob, Day, "/images", true, 5),
            new(Alice, Day.AddDays(1), "/images", true, 9),
        ], Cancel);

        Assert.Equal([new UsageCount(Alice, Day, "/photos/{vin}", true, 2)], await Usage.QueryAsync(Alice, Day, Day, Cancel));
        Assert.Equal(2, (await Usage.QueryAsync(null, Day, Day, Cancel)).Count);
        Assert.Equal(3, (await Usage.QueryAsync(Alice, Day.AddDays(-1), Day.AddDays(1), Cancel)).Count);
    }

    [Fact]
    public async Task Monthly_totals_count_only_chargeable_requests_of_that_calendar_month()
    {
        await Usage.AddAsync(
        [
            new(Alice, new DateOnly(2026, 10, 31), "/images", true, 100),
            new(Alice, new DateOnly(2026, 11, 1), "/images", true, 2),
            new(Alice, new DateOnly(2026, 11, 30), "/photos/{vin}", true, 3),
            new(Alice, Day, "/images", false, 50),
            new(Bob, Day, "/images", true, 7),
            new(Bob, new DateOnly(2026, 12, 1), "/images", true, 1000),
        ], Cancel);

        Assert.Equal(new Dictionary<Guid, long> { [Alice] = 5, [Bob] = 7 }, await Usage.ChargeableInMonthAsync(null, Day, Cancel));
        Assert.Equal(new Dictionary<Guid, long> { [Alice] = 5 }, await Usage.ChargeableInMonthAsync(Alice, Day, Cancel));
        Assert.Empty(await Usage.ChargeableInMonthAsync(Alice, new DateOnly(2026, 9, 15), Cancel));
    }

    [Fact]
    public async Task Adding_nothing_is_harmless()
    {
        await Usage.AddAsync([], Cancel);

        Assert.Empty(await Usage.QueryAsync(null, DateOnly.MinValue, DateOnly.MaxValue, Cancel));
    }
}
