using VehicleImages.Domain.Keys;

namespace VehicleImages.Storage.Keys;

/// <summary>API keys by the hash of their secret. Same contract tests for every backend.</summary>
public interface IApiKeyStore
{
    Task AddAsync(ApiKey key, CancellationToken cancellationToken);

    Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken);

    Task<ApiKey?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Marks the key revoked; false when there is no such key. Revoking twice keeps the first time.</summary>
    Task<bool> RevokeAsync(Guid id, DateTimeOffset revokedAt, CancellationToken cancellationToken);

    /// <summary>Gives a live key a new secret; the old one stops working. False when there is no such live key.</summary>
    Task<bool> ReplaceSecretAsync(Guid id, string prefix, string secretHash, CancellationToken cancellationToken);

    /// <summary>Moves a key to another plan; false when there is no such key.</summary>
    Task<bool> SetPlanAsync(Guid id, string plan, CancellationToken cancellationToken);
}
