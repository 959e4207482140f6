namespace VehicleImages.Application.Access;

/// <summary>
/// The API key a request presents, wherever and however often it presents it: none, one (an identical key sent
/// twice is still one key), or different keys at once.
/// </summary>
public readonly record struct PresentedKey
{
    private PresentedKey(string? secret, bool conflicting)
    {
        Secret = secret;
        Conflicting = conflicting;
    }

    /// <summary>The one key presented, trimmed; null when there is none or when the presentations disagree.</summary>
    public string? Secret { get; }

    /// <summary>Whether different keys were presented at once, so none of them can be taken for the request's.</summary>
    public bool Conflicting { get; }

    /// <summary>Whether the request presents no key at all.</summary>
    public bool IsNone => Secret is null && !Conflicting;

    /// <summary>The key that every non-blank presentation agrees on, or a conflict when they differ.</summary>
    public static PresentedKey Among(IEnumerable<string?> presentations)
    {
        ArgumentNullException.ThrowIfNull(presentations);
        string? agreed = null;
        foreach (var presentation in presentations)
        {
            if (string.IsNullOrWhiteSpace(presentation))
            {
                continue;
            }

            var secret = presentation.Trim();
            if (agreed is not null && !string.Equals(agreed, secret, StringComparison.Ordinal))
            {
                return new PresentedKey(null, conflicting: true);
            }

            agreed = secret;
        }

        return new PresentedKey(agreed, conflicting: false);
    }

    /// <summary>A key presented once (or none, for null or blank).</summary>
    public static PresentedKey FromSecret(string? secret) => Among([secret]);

    /// <summary>A key presented once, as a single secret is.</summary>
    public static implicit operator PresentedKey(string? secret) => FromSecret(secret);
}
