using VehicleImages.Application.Keys;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Application.Access;

/// <summary>
/// Decides whether a request may go ahead: one known, live key, whose scope and plan include what is asked, within
/// its plan's rate and monthly quota. Unknown keys count against their address, which is refused as guessing once
/// it has presented too many. Cheap enough for every request: a hash, a few dictionary lookups and a
/// lock-free-or-brief bucket update.
/// </summary>
public sealed class KeyAccess(KeyAuthenticator keys, PlanBook plans, RateLimiter rates, FailedAttempts failures, UsageMeter usage, TimeProvider clock)
{
    /// <summary>Admits a request to a family's API (the key needs the Api scope and a plan with the family).</summary>
    public ValueTask<Admission> AdmitAsync(PresentedKey presented, ApiFamily family, string clientAddress, CancellationToken cancellationToken) =>
        AdmitAsync(presented, family, KeyScopes.Api, clientAddress, cancellationToken);

    /// <summary>Admits a request that needs a scope, within the limits of a family's plan.</summary>
    public async ValueTask<Admission> AdmitAsync(PresentedKey presented, ApiFamily family, KeyScopes scope, string clientAddress, CancellationToken cancellationToken)
    {
        // Refused before any lookup, so the answer says nothing about either key and is no guess: counting it would
        // put a valid key presented beside a stale one toward its address's lockout.
        if (presented.Conflicting)
        {
            return Admission.Refused(RefusalReason.ConflictingKeys, "The request presents different API keys; send one.");
        }

        if (presented.Secret is not { } secret)
        {
            return Admission.Refused(RefusalReason.MissingKey, "An API key is required.");
        }

        // The key is looked up before the address's allowance: the lockout holds back guessing, not the address, so
        // a known key is judged on its own even when others behind the same NAT or proxy have been guessing. That
        // gives a guesser nothing to use: a key has 190 random bits, which no rate of guessing finds. The lockout
        // makes a guessing client back off, and its guesses cost what any unknown key does: a hash and one lookup.
        var check = await keys.CheckAsync(secret, cancellationToken);
        if (check.Status == KeyStatus.Unknown)
        {
            return failures.Count(clientAddress) is { Allowed: false } guessing
                ? Admission.Refused(RefusalReason.TooManyFailedAttempts, "Too many invalid API keys from this address; try again later.", retryAfter: guessing.RetryAfter)
                : Admission.Refused(RefusalReason.InvalidKey, "The API key is not valid.");
        }

        var key = check.Key!;
        if (check.Status == KeyStatus.Revoked)
        {
            return Admission.Refused(RefusalReason.RevokedKey, "The API key has been revoked.", key);
        }

        if (!key.Scopes.HasFlag(scope))
        {
            return Admission.Refused(RefusalReason.NotEnabled, $"The API key does not have the {scope.ToString().ToLowerInvariant()} scope.", key);
        }

        if (plans.Find(key.Plan) is not { } plan)
        {
            return Admission.Refused(RefusalReason.NotEnabled, $"The API key's plan '{key.Plan}' is not configured.", key);
        }

        if (scope == KeyScopes.Api && !plan.Families.Contains(family))
        {
            return Admission.Refused(RefusalReason.NotEnabled, $"The API key's plan '{plan.Name}' does not include the {FamilyNames.Of(family)} API.", key) with { Plan = plan };
        }

        var rate = rates.TryTake(key.Id, plan);
        if (!rate.Allowed)
        {
            return Admission.Refused(RefusalReason.RateLimited, $"Rate limit of {plan.RequestsPerSecond:0.##} requests per second exceeded.", key, rate.RetryAfter) with
            {
                Plan = plan,
                Quota = await QuotaOfAsync(key, plan, cancellationToken),
            };
        }

        var quota = await QuotaOfAsync(key, plan, cancellationToken);
        if (quota.Remaining == 0)
        {
            return Admission.Refused(RefusalReason.QuotaExceeded, $"Monthly quota of {plan.MonthlyQuota} requests used up.", key, UntilNextMonth()) with
            {
                Plan = plan,
                Quota = quota,
            };
        }

        return new Admission { Key = key, Plan = plan, RateRemaining = rate.Remaining, Quota = quota };
    }

    private async ValueTask<QuotaUsage> QuotaOfAsync(ApiKey key, Plan plan, CancellationToken cancellationToken) =>
        new(await usage.ChargeableThisMonthAsync(key.Id, cancellationToken), plan.HasQuota ? plan.MonthlyQuota : null);

    private TimeSpan UntilNextMonth()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1) - now;
    }
}
