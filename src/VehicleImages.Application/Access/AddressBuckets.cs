using System.Collections.Concurrent;

namespace VehicleImages.Application.Access;

/// <summary>
/// A token bucket per client address, in a table of bounded size, so a flood from many addresses costs bounded
/// memory. Addresses whose buckets have refilled are forgotten (forgetting them changes nothing); when the table is
/// full of addresses still spending, newcomers share one overflow bucket until room is made, so the addresses already
/// known keep their own allowance and a flood from ever new addresses is limited as one.
/// </summary>
public sealed class AddressBuckets(int maxAddresses, TimeProvider clock)
{
    // Sweeping the table is linear in its size: done at most this often, so a flood of new addresses cannot make
    // every request pay for it.
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly TokenBucket _overflow = new(clock);
    private readonly int _maxAddresses = Math.Max(1, maxAddresses);
    private long _lastSweep = clock.GetTimestamp();

    /// <summary>How many addresses have a bucket of their own.</summary>
    public int Count => _buckets.Count;

    /// <summary>Takes a token from the address's bucket (refilling at <paramref name="rate"/> a second up to <paramref name="capacity"/>).</summary>
    public BucketAnswer TryTake(string address, double rate, double capacity)
    {
        if (_buckets.TryGetValue(address, out var bucket))
        {
            return bucket.TryTake(rate, capacity);
        }

        if (_buckets.Count >= _maxAddresses && !MadeRoom(rate, capacity))
        {
            return _overflow.TryTake(rate, capacity);
        }

        return _buckets.GetOrAdd(address, static (_, clock) => new TokenBucket(clock), clock).TryTake(rate, capacity);
    }

    private bool MadeRoom(double rate, double capacity)
    {
        var last = Interlocked.Read(ref _lastSweep);
        var now = clock.GetTimestamp();
        if (clock.GetElapsedTime(last, now) >= SweepInterval && Interlocked.CompareExchange(ref _lastSweep, now, last) == last)
        {
            foreach (var (address, bucket) in _buckets)
            {
                if (bucket.IsFull(rate, capacity))
                {
                    _buckets.TryRemove(address, out _);
                }
            }
        }

        return _buckets.Count < _maxAddresses;
    }
}
