using System.Globalization;
using Dapper;
using VehicleImages.Storage.Sqlite;

namespace VehicleImages.Storage.Sessions.Sqlite;

/// <summary>Admin UI sessions in the SQLite file beside the catalog.</summary>
public sealed class SqliteAdminSessionStore : IAdminSessionStore
{
    private readonly SqliteConnections _connections;

    private SqliteAdminSessionStore(SqliteConnections connections) => _connections = connections;

    public static async Task<SqliteAdminSessionStore> OpenAsync(string path, CancellationToken cancellationToken) =>
        new(await SqliteDatabase.OpenAsync(path, cancellationToken));

    public async Task AddAsync(AdminSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO admin_sessions (token_hash, key_id, created_at, expires_at, ended_at) VALUES (@TokenHash, @KeyId, @CreatedAt, @ExpiresAt, @EndedAt)",
            Row.From(session), cancellationToken: cancellationToken));
    }

    public async Task<AdminSession?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT token_hash, key_id, created_at, expires_at, ended_at FROM admin_sessions WHERE token_hash = @tokenHash",
            new { tokenHash }, cancellationToken: cancellationToken));
        return row?.ToSession();
    }

    public async Task<bool> EndAsync(string tokenHash, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE admin_sessions SET ended_at = @endedAt WHERE token_hash = @tokenHash AND ended_at IS NULL",
            new { tokenHash, endedAt = Time(endedAt) }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<int> EndAllOfKeyAsync(Guid keyId, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE admin_sessions SET ended_at = @endedAt WHERE key_id = @keyId AND ended_at IS NULL",
            new { keyId = keyId.ToString(), endedAt = Time(endedAt) }, cancellationToken: cancellationToken));
    }

    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // Times are stored as UTC round-trip strings, which sort as the instants they name.
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM admin_sessions WHERE expires_at < @cutoff OR ended_at < @cutoff",
            new { cutoff = Time(cutoff) }, cancellationToken: cancellationToken));
    }

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The admin_sessions table as Dapper reads and writes it.</summary>
    private sealed class Row
    {
        public string TokenHash { get; set; } = "";

        public string KeyId { get; set; } = "";

        public string CreatedAt { get; set; } = "";

        public string ExpiresAt { get; set; } = "";

        public string? EndedAt { get; set; }

        public static Row From(AdminSession session) => new()
        {
            TokenHash = session.TokenHash,
            KeyId = session.KeyId.ToString(),
            CreatedAt = Time(session.CreatedAt),
            ExpiresAt = Time(session.ExpiresAt),
            EndedAt = session.EndedAt is { } ended ? Time(ended) : null,
        };

        public AdminSession ToSession() => new(
            TokenHash, Guid.Parse(KeyId), Parse(CreatedAt), Parse(ExpiresAt), EndedAt is null ? null : Parse(EndedAt));

        private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }
}
