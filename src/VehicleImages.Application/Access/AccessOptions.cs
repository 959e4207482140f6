using VehicleImages.Domain.Keys;

namespace VehicleImages.Application.Access;

/// <summary>
/// Configuration section "Access": the plans keys may name, and how requests are limited. Plans are re-read when
/// the configuration changes, so editing a plan applies to running processes without a restart.
/// </summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>Plans by name. A "default" plan exists even when none is configured.</summary>
    public Dictionary<string, PlanSettings> Plans { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// False serves the image APIs to anyone, with no key, limit or metering: only for a server reachable solely
    /// through a gateway that authenticates and limits on its own. The admin API and /v1/usage always need a key.
    /// </summary>
    public bool RequireKeys { get; set; } = true;

    /// <summary>
    /// How many API processes share the traffic. Rate limits are kept per process, so each enforces its share of a
    /// plan's rate and burst; quotas are shared through the usage store.
    /// </summary>
    public int ApiProcesses { get; set; } = 1;

    /// <summary>Unknown keys a client address may present per minute before its unknown keys are refused as guessing.</summary>
    public int FailedKeyAttemptsPerMinute { get; set; } = 30;

    /// <summary>
    /// Requests a client address may make per second without a key (open endpoints included: health, docs, the admin
    /// UI's login, media links, unknown paths); 0 turns the limit off. Generous, as a browser loading a page of media
    /// links or the admin UI makes many at once, and users behind one NAT share an address.
    /// </summary>
    public double AnonymousRequestsPerSecond { get; set; } = 100;

    /// <summary>Requests without a key a client address may make at once before its rate applies.</summary>
    public int AnonymousBurst { get; set; } = 1000;

    /// <summary>
    /// Addresses or networks (10.0.0.0/8) the anonymous limit does not apply to: a CDN's origin pulls for media
    /// links come from a few of its addresses on behalf of many users, and it limits them itself.
    /// </summary>
    public List<string> AnonymousLimitExempt { get; } = [];

    /// <summary>How many client addresses the anonymous limit keeps a bucket for; past that, new addresses share one.</summary>
    public int AnonymousAddressesTracked { get; set; } = 100_000;

    /// <summary>How often usage counts are written to the store; also the most a hard crash can lose.</summary>
    public TimeSpan UsageFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws, saying which setting to fix, when the anonymous limit's settings are unusable.</summary>
    public void Validate()
    {
        if (AnonymousRequestsPerSecond < 0 || AnonymousBurst < 1 || AnonymousAddressesTracked < 1)
        {
            throw new InvalidOperationException(
                $"{Section}:AnonymousRequestsPerSecond must be 0 (off) or more, {Section}:AnonymousBurst and {Section}:AnonymousAddressesTracked at least 1.");
        }
    }
}

/// <summary>One plan as configured.</summary>
public sealed class PlanSettings
{
    public double RequestsPerSecond { get; set; } = 20;

    public int Burst { get; set; } = 40;

    /// <summary>Chargeable requests per calendar month (UTC); 0 for no quota.</summary>
    public long MonthlyQuota { get; set; }

    /// <summary>The families the plan includes (CarsXe, AutoDev, OneAuto, Native); none listed means all.</summary>
    public List<string> Families { get; } = [];

    /// <summary>The plan this configures, or why the settings are unusable.</summary>
    public Plan ToPlan(string name)
    {
        if (RequestsPerSecond <= 0 || Burst < 1 || MonthlyQuota < 0)
        {
            throw new InvalidOperationException($"Plan '{name}': RequestsPerSecond must be above 0, Burst at least 1 and MonthlyQuota 0 or more.");
        }

        var families = new HashSet<ApiFamily>();
        foreach (var family in Families)
        {
            if (!Enum.TryParse<ApiFamily>(family, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                throw new InvalidOperationException($"Plan '{name}': unknown family '{family}'; use {string.Join(", ", Enum.GetNames<ApiFamily>())}.");
            }

            families.Add(parsed);
        }

        return new Plan(name, RequestsPerSecond, Burst, MonthlyQuota, families.Count == 0 ? [.. Enum.GetValues<ApiFamily>()] : families);
    }
}
