using VehicleImages.Application.Access;

namespace VehicleImages.Application.Tests.Access;

public sealed class AddressBucketsTests
{
    private const int MaxAddresses = 100;
    private const double Rate = 1;
    private const double Burst = 3;

    [Fact]
    public void A_flood_from_ever_new_addresses_keeps_the_table_bounded_and_is_limited_as_one_while_known_addresses_keep_their_own()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var buckets = new AddressBuckets(MaxAddresses, clock);
        Assert.True(buckets.TryTake("192.0.2.1", Rate, Burst).Allowed);

        var allowed = 0;
        for (var i = 0; i < 100_000; i++)
        {
            allowed += buckets.TryTake($"flood-{i}", Rate, Burst).Allowed ? 1 : 0;
        }

        Assert.True(buckets.Count <= MaxAddresses, $"{buckets.Count} addresses tracked");

        // Those that found a bucket of their own, plus the one burst they shared once the table was full.
        Assert.Equal(MaxAddresses - 1 + (int)Burst, allowed);
        Assert.True(buckets.TryTake("192.0.2.1", Rate, Burst).Allowed, "an address known before the flood keeps its own bucket");

        // Once the flood stops and its buckets refill, the next newcomer makes room and gets a bucket of its own.
        clock.Advance(TimeSpan.FromSeconds(Burst / Rate));
        Assert.True(buckets.TryTake("198.51.100.9", Rate, Burst).Allowed);
        Assert.True(buckets.Count <= 2, $"{buckets.Count} addresses tracked after the sweep");
    }

    [Fact]
    public void A_full_table_of_the_default_size_takes_a_bounded_amount_of_memory()
    {
        const int Addresses = 100_000;
        var buckets = new AddressBuckets(Addresses, new ManualClock(DateTimeOffset.UtcNow));

        // Allocations on this thread: the buckets, the table as it grows (its outgrown arrays included) and the addresses.
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Addresses * 2; i++)
        {
            buckets.TryTake($"10.{i >> 16}.{(i >> 8) & 0xFF}.{i & 0xFF}", Rate, Burst);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(Addresses, buckets.Count);
        Assert.True(allocated < Addresses * 400L, $"{allocated / Addresses} bytes allocated per address");
    }
}
