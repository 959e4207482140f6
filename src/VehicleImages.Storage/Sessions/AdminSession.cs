namespace VehicleImages.Storage.Sessions;

/// <summary>A browser session of the admin UI, opened with an admin key. The token itself is never stored, only its hash.</summary>
public sealed record AdminSession(string TokenHash, Guid KeyId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? EndedAt = null)
{
    /// <summary>Neither signed out of nor past its expiry.</summary>
    public bool IsLiveAt(DateTimeOffset now) => EndedAt is null && now < ExpiresAt;
}
