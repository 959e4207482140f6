using VehicleImages.Application.Access;
using VehicleImages.Domain.Keys;
using VehicleImages.Storage.Keys;
using VehicleImages.Storage.Sessions;

namespace VehicleImages.Application.Keys;

/// <summary>A key management request that cannot be carried out, with a message fit for the operator.</summary>
public sealed class KeyManagementException(string message) : Exception(message);

/// <summary>
/// What operators do with keys, for the CLI and the admin API alike: create (the secret is returned this once),
/// list, revoke, rotate and move to another plan. Changes made here apply to this process's next request.
/// </summary>
public sealed class KeyManager(IApiKeyStore store, IAdminSessionStore sessions, KeyAuthenticator authenticator, PlanBook plans, TimeProvider clock)
{
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, string? plan, KeyScopes scopes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new KeyManagementException("A key needs a name saying who or what it is for.");
        }

        if (scopes == KeyScopes.None || (scopes & ~(KeyScopes.Api | KeyScopes.Admin)) != 0)
        {
            throw new KeyManagementException("A key needs the api scope, the admin scope, or both.");
        }

        var created = KeySecrets.Create(name, scopes, RequirePlan(plan ?? PlanBook.DefaultPlan), clock.GetUtcNow());
        await store.AddAsync(created.Key, cancellationToken);
        return created;
    }

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>The key with this ID, this whole secret, or this prefix when exactly one has it; null when none does.</summary>
    public async Task<ApiKey?> FindAsync(string idSecretOrPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idSecretOrPrefix);
        var given = idSecretOrPrefix.Trim();
        if (Guid.TryParse(given, out var id))
        {
            return await store.FindAsync(id, cancellationToken);
        }

        // Only the secret's hash is stored, so a whole secret is found the way a request's key is: by its hash.
        if (KeySecrets.IsSecretShaped(given))
        {
            return await store.FindBySecretHashAsync(KeySecrets.Hash(given), cancellationToken);
        }

        var prefix = given.TrimEnd('…');
        var matches = (await store.ListAsync(cancellationToken)).Where(k => k.Prefix.Equals(prefix, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new KeyManagementException($"{matches.Count} keys have the prefix {prefix}; use the key's ID or its whole secret."),
        };
    }

    /// <summary>Revokes the key: from now on every request with it is refused. Null when there is no such key.</summary>
    public async Task<ApiKey?> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await store.RevokeAsync(id, clock.GetUtcNow(), cancellationToken))
        {
            return null;
        }

        authenticator.Forget();
        return await store.FindAsync(id, cancellationToken);
    }

    /// <summary>
    /// Gives the key a new secret, keeping its ID, plan and usage; the old secret stops working, and so does every
    /// admin UI session opened with it. Null when there is no such live key.
    /// </summary>
    public async Task<(ApiKey Key, string Secret)?> RotateAsync(Guid id, CancellationToken cancellationToken)
    {
        var secret = KeySecrets.Generate();
        if (!await store.ReplaceSecretAsync(id, KeySecrets.PrefixOf(secret), KeySecrets.Hash(secret), cancellationToken))
        {
            return null;
        }

        // A rotation is what an operator does when a secret may have leaked: a browser signed in with it must not
        // keep the access the secret gave.
        await sessions.EndAllOfKeyAsync(id, clock.GetUtcNow(), cancellationToken);
        authenticator.Forget();
        return ((await store.FindAsync(id, cancellationToken))!, secret);
    }

    /// <summary>Moves the key to a configured plan; null when there is no such key.</summary>
    public async Task<ApiKey?> SetPlanAsync(Guid id, string plan, CancellationToken cancellationToken)
    {
        if (!await store.SetPlanAsync(id, RequirePlan(plan), cancellationToken))
        {
            return null;
        }

        authenticator.Forget();
        return await store.FindAsync(id, cancellationToken);
    }

    private string RequirePlan(string name) =>
        plans.Find(name)?.Name ?? throw new KeyManagementException($"No plan named '{name}'; configured plans: {string.Join(", ", plans.All.Select(p => p.Name).Order(StringComparer.Ordinal))}.");
}
