using System.Collections.Concurrent;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Application.Access;

/// <summary>
/// Per-key rate limits: one token bucket per key, sized by the key's plan divided across the API processes
/// (each process enforces its share, so N processes together allow the plan's rate).
/// </summary>
public sealed class RateLimiter(AccessOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, TokenBucket> _buckets = new();
    private readonly int _processes = Math.Max(1, options.ApiProcesses);

    public BucketAnswer TryTake(Guid keyId, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var bucket = _buckets.GetOrAdd(keyId, static (_, clock) => new TokenBucket(clock), clock);
        return bucket.TryTake(plan.RequestsPerSecond / _processes, Math.Max(1.0, (double)plan.Burst / _processes));
    }
}
