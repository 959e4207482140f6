using VehicleImages.Application.Access;

namespace VehicleImages.Application.Tests.Access;

public sealed class TokenBucketTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_new_bucket_allows_its_burst_then_refuses_with_the_wait_for_the_next_token()
    {
        var bucket = new TokenBucket(_clock);

        var answers = Enumerable.Range(0, 6).Select(_ => bucket.TryTake(rate: 2, capacity: 5)).ToList();

        Assert.Equal([4, 3, 2, 1, 0], answers.Take(5).Select(a => a.Remaining));
        Assert.All(answers.Take(5), a => Assert.True(a.Allowed));
        Assert.False(answers[5].Allowed);
        Assert.Equal(TimeSpan.FromSeconds(0.5), answers[5].RetryAfter);
    }

    [Fact]
    public void Tokens_come_back_at_the_rate_and_never_beyond_the_capacity()
    {
        var bucket = new TokenBucket(_clock);
        for (var i = 0; i < 5; i++)
        {
            bucket.TryTake(rate: 2, capacity: 5);
        }

        _clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.True(bucket.TryTake(rate: 2, capacity: 5).Allowed);
        Assert.False(bucket.TryTake(rate: 2, capacity: 5).Allowed);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.True(bucket.IsFull(rate: 2, capacity: 5));
        Assert.Equal(4, bucket.TryTake(rate: 2, capacity: 5).Remaining);
    }

    [Fact]
    public void A_smaller_capacity_applies_at_once_and_peeking_takes_nothing()
    {
        var bucket = new TokenBucket(_clock);
        bucket.TryTake(rate: 10, capacity: 100);

        Assert.Equal(2, bucket.Peek(rate: 10, capacity: 2).Remaining);
        Assert.Equal(2, bucket.Peek(rate: 10, capacity: 2).Remaining);
        Assert.Equal(1, bucket.TryTake(rate: 10, capacity: 2).Remaining);
    }
}
