using System.Collections.Concurrent;

namespace VehicleImages.Application.Access;

/// <summary>
/// Limits failed key attempts per client address, so keys cannot be guessed at speed: each address may present
/// a set number of unknown keys a minute (all at once, or spread out), then is refused until its allowance refills.
/// </summary>
public sealed class FailedAttempts(AccessOptions options, TimeProvider clock)
{
    // Past this many tracked addresses, full buckets (addresses that stopped failing) are forgotten.
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, TokenBucket> _addresses = new(StringComparer.Ordinal);
    private readonly double _capacity = Math.Max(1, options.FailedKeyAttemptsPerMinute);

    private double Rate => _capacity / 60;

    /// <summary>Whether the address may try a key now; when not, how long until it may.</summary>
    public BucketAnswer Check(string address) =>
        _addresses.TryGetValue(address, out var bucket) ? bucket.Peek(Rate, _capacity) : new BucketAnswer(true, (int)_capacity, TimeSpan.Zero);

    /// <summary>Counts an unknown key presented from the address.</summary>
    public void Record(string address)
    {
        if (_addresses.Count > PruneAbove)
        {
            Prune();
        }

        _addresses.GetOrAdd(address, static (_, clock) => new TokenBucket(clock), clock).TryTake(Rate, _capacity);
    }

    private void Prune()
    {
        foreach (var (address, bucket) in _addresses)
        {
            if (bucket.IsFull(Rate, _capacity))
            {
                _addresses.TryRemove(address, out _);
            }
        }
    }
}
