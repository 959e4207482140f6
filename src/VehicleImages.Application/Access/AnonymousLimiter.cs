namespace VehicleImages.Application.Access;

/// <summary>
/// Limits requests that no key answers for (no key presented, or an endpoint open to all) per client address, as
/// keys are limited by their plan: each process enforces its share of the configured rate and burst.
/// </summary>
public sealed class AnonymousLimiter(AccessOptions options, TimeProvider clock)
{
    private readonly AddressBuckets _addresses = new(options.AnonymousAddressesTracked, clock);
    private readonly double _rate = options.AnonymousRequestsPerSecond / Math.Max(1, options.ApiProcesses);
    private readonly double _burst = Math.Max(1.0, (double)options.AnonymousBurst / Math.Max(1, options.ApiProcesses));

    /// <summary>Whether anonymous requests are limited at all (a rate of 0 turns the limit off).</summary>
    public bool Enabled => _rate > 0;

    /// <summary>How many addresses are tracked now; never more than Access:AnonymousAddressesTracked.</summary>
    public int TrackedAddresses => _addresses.Count;

    /// <summary>Counts a request from the address: allowed, or refused with when to try again.</summary>
    public BucketAnswer TryTake(string address) => _addresses.TryTake(address, _rate, _burst);
}
