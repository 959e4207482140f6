namespace VehicleImages.Application.Access;

/// <summary>
/// Limits unknown keys per client address, so keys cannot be guessed at speed: each address may present a set
/// number of unknown keys a minute (all at once, or spread out); past that, its unknown keys are refused as guessing
/// until its allowance refills. Only unknown keys count, and only they are refused: a known key is never judged by
/// what others behind the same address (a NAT, a proxy) have guessed.
/// </summary>
public sealed class FailedAttempts(AccessOptions options, TimeProvider clock)
{
    private const int MaxAddresses = 10_000;

    private readonly AddressBuckets _addresses = new(MaxAddresses, clock);
    private readonly double _capacity = Math.Max(1, options.FailedKeyAttemptsPerMinute);

    /// <summary>
    /// Counts an unknown key presented from the address: allowed while the address is within its allowance, not
    /// allowed (with how long until it is) once the address has used it up.
    /// </summary>
    public BucketAnswer Count(string address) => _addresses.TryTake(address, _capacity / 60, _capacity);
}
