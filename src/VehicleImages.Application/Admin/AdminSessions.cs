using System.Security.Cryptography;
using System.Text;
using VehicleImages.Application.Access;
using VehicleImages.Domain.Keys;
using VehicleImages.Storage.Keys;
using VehicleImages.Storage.Sessions;

namespace VehicleImages.Application.Admin;

/// <summary>A session just opened: the token for the browser's cookie (shown this once) and its anti-forgery token.</summary>
public sealed record OpenedSession(AdminSession Session, ApiKey Key, string Token, string CsrfToken);

/// <summary>A live session and the admin key behind it.</summary>
public sealed record ActiveSession(AdminSession Session, ApiKey Key, string CsrfToken);

/// <summary>
/// Browser sessions of the admin UI. Signing in checks an admin key the way every request checks keys (admin scope,
/// plan, failed-attempt limits) and hands back a random session token in place of the key, so the key itself is
/// never kept by the browser. The store keeps only the token's hash; every use re-checks that the session is live
/// and its key still has the admin scope, so revoking the key or signing out ends the session on every process.
/// </summary>
public sealed class AdminSessions(IAdminSessionStore store, IApiKeyStore keys, KeyAccess access, AdminOptions options, TimeProvider clock)
{
    /// <summary>Session tokens start with this, so a key pasted where a token belongs is told apart at once.</summary>
    public const string TokenMarker = "vis_";

    private const int RandomCharacters = 43; // 256 bits of base62
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Opens a session for an admin key, or says why the key is refused.</summary>
    public async Task<(OpenedSession? Opened, Admission Admission)> SignInAsync(string? secret, string clientAddress, CancellationToken cancellationToken)
    {
        var admission = await access.AdmitAsync(secret, ApiFamily.Native, KeyScopes.Admin, clientAddress, cancellationToken);
        if (!admission.Admitted)
        {
            return (null, admission);
        }

        var now = clock.GetUtcNow();
        await store.PurgeAsync(now, cancellationToken);
        var token = TokenMarker + RandomNumberGenerator.GetString(Alphabet, RandomCharacters);
        var session = new AdminSession(Hash(token), admission.Key!.Id, now, now + options.SessionLifetime);
        await store.AddAsync(session, cancellationToken);

        // Keys are remembered for a moment, so the secret may have been rotated (by another process) since it was
        // checked, and the rotation may already have ended the sessions it found: a session opened with an old secret
        // must not outlive it.
        if ((await keys.FindAsync(session.KeyId, cancellationToken))?.SecretHash != KeySecrets.Hash(secret!))
        {
            await store.EndAsync(session.TokenHash, now, cancellationToken);
            return (null, Admission.Refused(RefusalReason.InvalidKey, "The API key is not valid."));
        }

        return (new OpenedSession(session, admission.Key, token, CsrfTokenOf(token)), admission);
    }

    /// <summary>The live session a token names, with its key; null when the token is unknown, expired, signed out, or its key lost the admin scope.</summary>
    public async Task<ActiveSession?> ResolveAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is not { Length: > 0 } || !token.StartsWith(TokenMarker, StringComparison.Ordinal) || token.Length != TokenMarker.Length + RandomCharacters)
        {
            return null;
        }

        var session = await store.FindAsync(Hash(token), cancellationToken);
        if (session is null || !session.IsLiveAt(clock.GetUtcNow()))
        {
            return null;
        }

        var key = await keys.FindAsync(session.KeyId, cancellationToken);
        return key is { IsRevoked: false } && key.Scopes.HasFlag(KeyScopes.Admin) ? new ActiveSession(session, key, CsrfTokenOf(token)) : null;
    }

    /// <summary>Ends the session the token names; false when it was not live.</summary>
    public async Task<bool> SignOutAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return await store.EndAsync(Hash(token), clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Whether a presented anti-forgery token is the one that belongs to the session token.</summary>
    public static bool CsrfMatches(string token, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(CsrfTokenOf(token)), Encoding.UTF8.GetBytes(presented));

    // Derived from the session token, which the page's scripts cannot read (the cookie is HttpOnly): the page
    // learns it from the session answer, a forging site cannot learn it at all, and nothing more is stored.
    private static string CsrfTokenOf(string token) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), "csrf"u8)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string token) => KeySecrets.Hash(token);
}
