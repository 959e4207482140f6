using System.Collections.Concurrent;

namespace VehicleImages.Application.Access;

/// <summary>
/// Limits unknown keys per client address, so keys cannot be guessed at speed: each address may present a set
/// number of unknown keys a minute (all at once, or spread out); past that, its unknown keys are refused as guessing
/// until its allowance refills. Only unknown keys count, and only they are refused: a known key is never judged by
/// what others behind the same address (a NAT, a proxy) have guessed.
/// </summary>
public sealed class FailedAttempts(AccessOptions options, TimeProvider clock)
{
    // Past this many tracked addresses, full buckets (addresses that stopped failing) are forgotten.
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, TokenBucket> _addresses = new(StringComparer.Ordinal);
    private readonly double _capacity = Math.Max(1, options.FailedKeyAttemptsPerMinute);

    private double Rate => _capacity / 60;

    /// <summary>
    /// Counts an unknown key presented from the address: allowed while the address is within its allowance, not
    /// allowed (with how long until it is) once the address has used it up.
    /// </summary>
    public BucketAnswer Count(string address)
    {
        if (_addresses.Count > PruneAbove)
        {
            Prune();
        }

        return _addresses.GetOrAdd(address, static (_, clock) => new TokenBucket(clock), clock).TryTake(Rate, _capacity);
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
