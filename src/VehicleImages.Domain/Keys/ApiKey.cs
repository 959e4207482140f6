namespace VehicleImages.Domain.Keys;

/// <summary>What an API key may do.</summary>
[Flags]
public enum KeyScopes
{
    None = 0,

    /// <summary>The image APIs of every family.</summary>
    Api = 1,

    /// <summary>The admin API and UI.</summary>
    Admin = 2,
}

/// <summary>An API key as stored: its secret is never kept, only a hash of it and a prefix to recognise it by.</summary>
public sealed record ApiKey
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The first characters of the secret, safe to show in listings ("vik_Q2xh").</summary>
    public required string Prefix { get; init; }

    /// <summary>SHA-256 of the whole secret, lowercase hex: the lookup key.</summary>
    public required string SecretHash { get; init; }

    public string Plan { get; init; } = "default";

    public KeyScopes Scopes { get; init; } = KeyScopes.Api;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public bool IsRevoked => RevokedAt is not null;
}
