using Dapper;
using VehicleImages.Storage.Postgres;

namespace VehicleImages.Storage.Sessions.Postgres;

/// <summary>Admin UI sessions in the PostgreSQL database beside the catalog, so every API process honours them.</summary>
public sealed class PostgresAdminSessionStore : IAdminSessionStore
{
    private readonly PostgresDatabase _database;

    public PostgresAdminSessionStore(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    // Not repeated after a lost connection: had the first insert committed, the second would fail on the token hash.
    public Task AddAsync(AdminSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _database.RunOnceAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO admin_sessions (token_hash, key_id, created_at, expires_at, ended_at) VALUES (@TokenHash, @KeyId, @CreatedAt, @ExpiresAt, @EndedAt)",
            new
            {
                session.TokenHash,
                session.KeyId,
                CreatedAt = session.CreatedAt.ToUniversalTime(),
                ExpiresAt = session.ExpiresAt.ToUniversalTime(),
                EndedAt = session.EndedAt?.ToUniversalTime(),
            },
            cancellationToken: cancellationToken)),
            cancellationToken);
    }

    public Task<AdminSession?> FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        _database.RunAsync(async connection => (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT token_hash, key_id, created_at, expires_at, ended_at FROM admin_sessions WHERE token_hash = @tokenHash",
            new { tokenHash }, cancellationToken: cancellationToken)))?.ToSession(),
            cancellationToken);

    // Not repeated after a lost connection: had the first run committed, the second would report the session as
    // already ended.
    public Task<bool> EndAsync(string tokenHash, DateTimeOffset endedAt, CancellationToken cancellationToken) =>
        _database.RunOnceAsync(async connection => await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE admin_sessions SET ended_at = @endedAt WHERE token_hash = @tokenHash AND ended_at IS NULL",
            new { tokenHash, endedAt = endedAt.ToUniversalTime() }, cancellationToken: cancellationToken)) > 0,
            cancellationToken);

    // Safe to repeat: a second run ends nothing more, and the count only informs.
    public Task<int> EndAllOfKeyAsync(Guid keyId, DateTimeOffset endedAt, CancellationToken cancellationToken) =>
        _database.RunAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE admin_sessions SET ended_at = @endedAt WHERE key_id = @keyId AND ended_at IS NULL",
            new { keyId, endedAt = endedAt.ToUniversalTime() }, cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        _database.RunOnceAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM admin_sessions WHERE expires_at < @cutoff OR ended_at < @cutoff",
            new { cutoff = cutoff.ToUniversalTime() }, cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>The admin_sessions table as Dapper reads it.</summary>
    private sealed class Row
    {
        public string TokenHash { get; set; } = "";

        public Guid KeyId { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }

        public DateTimeOffset? EndedAt { get; set; }

        public AdminSession ToSession() => new(TokenHash, KeyId, CreatedAt, ExpiresAt, EndedAt);
    }
}
