namespace VehicleImages.Storage.Sessions;

/// <summary>Admin UI sessions by the hash of their token, shared by every API process. Same contract tests for every backend.</summary>
public interface IAdminSessionStore
{
    Task AddAsync(AdminSession session, CancellationToken cancellationToken);

    Task<AdminSession?> FindAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Marks the session ended (signed out); false when there is no such session or it had already ended.</summary>
    Task<bool> EndAsync(string tokenHash, DateTimeOffset endedAt, CancellationToken cancellationToken);

    /// <summary>Ends every live session opened with this key (its secret was rotated); how many.</summary>
    Task<int> EndAllOfKeyAsync(Guid keyId, DateTimeOffset endedAt, CancellationToken cancellationToken);

    /// <summary>Deletes sessions that expired or ended before <paramref name="cutoff"/>; how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
