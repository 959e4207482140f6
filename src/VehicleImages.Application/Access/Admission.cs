using VehicleImages.Domain.Keys;

namespace VehicleImages.Application.Access;

/// <summary>Why a request was turned away; each family words and codes these in its own envelope.</summary>
public enum RefusalReason
{
    MissingKey,

    /// <summary>Different keys presented at once (say, one in a header and another in the query); none is looked up.</summary>
    ConflictingKeys,
    InvalidKey,
    RevokedKey,

    /// <summary>The key's plan (or scope) does not include what was asked for.</summary>
    NotEnabled,

    /// <summary>Too many unknown keys from this client address.</summary>
    TooManyFailedAttempts,
    RateLimited,
    QuotaExceeded,
}

/// <summary>A key's monthly quota: chargeable requests so far and the limit (null when the plan has none).</summary>
public sealed record QuotaUsage(long Current, long? Limit)
{
    public long? Remaining => Limit is { } limit ? Math.Max(0, limit - Current) : null;
}

/// <summary>The verdict on a request's key: admitted with what it has left, or refused and why.</summary>
public sealed record Admission
{
    /// <summary>The key, when it is known (also for most refusals, so they can be metered).</summary>
    public ApiKey? Key { get; init; }

    public Plan? Plan { get; init; }

    public RefusalReason? Refusal { get; init; }

    /// <summary>A human explanation of the refusal.</summary>
    public string Message { get; init; } = "";

    /// <summary>When trying again can succeed; set for every refusal that passes with time.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Requests left in the key's rate bucket after this one.</summary>
    public int RateRemaining { get; init; }

    public QuotaUsage? Quota { get; init; }

    public bool Admitted => Refusal is null;

    public static Admission Refused(RefusalReason reason, string message, ApiKey? key = null, TimeSpan? retryAfter = null) =>
        new() { Refusal = reason, Message = message, Key = key, RetryAfter = retryAfter };
}
