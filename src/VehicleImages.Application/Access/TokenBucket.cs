namespace VehicleImages.Application.Access;

/// <summary>What a bucket said: whether the request may go, what is left, and when to try again if not.</summary>
public readonly record struct BucketAnswer(bool Allowed, int Remaining, TimeSpan RetryAfter);

/// <summary>
/// A token bucket: holds up to <c>capacity</c> tokens, refills at <c>rate</c> per second, and a request takes
/// one. Capacity and rate come with each call, so a plan changed in configuration applies at the next request.
/// </summary>
public sealed class TokenBucket(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private double _tokens = double.NaN;
    private long _updated;

    /// <summary>Takes a token if there is one.</summary>
    public BucketAnswer TryTake(double rate, double capacity) => Look(rate, capacity, take: true);

    /// <summary>Whether a token is there, without taking it.</summary>
    public BucketAnswer Peek(double rate, double capacity) => Look(rate, capacity, take: false);

    /// <summary>Whether the bucket has refilled completely, so forgetting it would change nothing.</summary>
    public bool IsFull(double rate, double capacity)
    {
        lock (_lock)
        {
            Refill(rate, capacity);
            return _tokens >= capacity;
        }
    }

    private BucketAnswer Look(double rate, double capacity, bool take)
    {
        lock (_lock)
        {
            Refill(rate, capacity);
            if (_tokens < 1)
            {
                return new BucketAnswer(false, 0, TimeSpan.FromSeconds((1 - _tokens) / rate));
            }

            if (take)
            {
                _tokens -= 1;
            }

            return new BucketAnswer(true, (int)_tokens, TimeSpan.Zero);
        }
    }

    private void Refill(double rate, double capacity)
    {
        var now = clock.GetTimestamp();

        // A new bucket starts full: a client's first burst is allowed.
        _tokens = double.IsNaN(_tokens) ? capacity : Math.Min(capacity, _tokens + (clock.GetElapsedTime(_updated, now).TotalSeconds * rate));
        _updated = now;
    }
}
