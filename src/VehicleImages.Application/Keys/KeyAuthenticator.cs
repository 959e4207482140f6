using System.Collections.Concurrent;
using VehicleImages.Domain.Keys;
using VehicleImages.Storage.Keys;

namespace VehicleImages.Application.Keys;

/// <summary>What checking a presented key found.</summary>
public enum KeyStatus
{
    Missing,
    Unknown,
    Revoked,
    Valid,
}

/// <summary>The outcome of a key check; <see cref="Key"/> is set for known keys, revoked or not.</summary>
public sealed record KeyCheck(KeyStatus Status, ApiKey? Key = null);

/// <summary>
/// Checks presented API keys against the key store. Known keys are cached for a second, so a request costs a hash
/// and a dictionary lookup, not a query: a key revoked, rotated or moved to another plan through this process
/// changes at once, through another process (the CLI, a second API process) within that second.
/// </summary>
public sealed class KeyAuthenticator(IApiKeyStore keys, TimeProvider clock)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, (ApiKey? Key, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<KeyCheck> CheckAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return new KeyCheck(KeyStatus.Missing);
        }

        var hash = KeySecrets.Hash(secret.Trim());
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(hash, out var cached) || cached.Until < now)
        {
            cached = (await keys.FindBySecretHashAsync(hash, cancellationToken), now + CacheLifetime);

            // Only keys that exist are cached: caching misses would let anyone grow the cache with random guesses.
            if (cached.Key is not null)
            {
                _cache[hash] = cached;
            }
        }

        return cached.Key switch
        {
            null => new KeyCheck(KeyStatus.Unknown),
            { IsRevoked: true } revoked => new KeyCheck(KeyStatus.Revoked, revoked),
            var valid => new KeyCheck(KeyStatus.Valid, valid),
        };
    }

    /// <summary>Forgets cached keys, so a key just revoked is seen as it now is.</summary>
    public void Forget() => _cache.Clear();
}
