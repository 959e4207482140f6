using System.Globalization;
using Dapper;
using VehicleImages.Storage.Sqlite;

namespace VehicleImages.Storage.Audit.Sqlite;

/// <summary>The audit log in the SQLite file beside the catalog.</summary>
public sealed class SqliteAuditLog : IAuditLog
{
    private const string Columns = "id, at, actor_key_id, actor_name, actor_prefix, action, subject, before, after";

    private readonly SqliteConnections _connections;

    private SqliteAuditLog(SqliteConnections connections) => _connections = connections;

    public static async Task<SqliteAuditLog> OpenAsync(string path, CancellationToken cancellationToken) =>
        new(await SqliteDatabase.OpenAsync(path, cancellationToken));

    public async Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO audit_log (at, actor_key_id, actor_name, actor_prefix, action, subject, before, after) " +
            "VALUES (@At, @ActorKeyId, @ActorName, @ActorPrefix, @Action, @Subject, @Before, @After); SELECT last_insert_rowid()",
            Row.From(entry), cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM audit_log WHERE (@subject IS NULL OR subject = @subject) AND (@before IS NULL OR id < @before) ORDER BY id DESC LIMIT @limit",
            new { subject = query.Subject, before = query.BeforeId, limit = query.Limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToEntry())];
    }

    /// <summary>The audit_log table as Dapper reads and writes it.</summary>
    private sealed class Row
    {
        public long Id { get; set; }

        public string At { get; set; } = "";

        public string ActorKeyId { get; set; } = "";

        public string ActorName { get; set; } = "";

        public string ActorPrefix { get; set; } = "";

        public string Action { get; set; } = "";

        public string Subject { get; set; } = "";

        public string? Before { get; set; }

        public string? After { get; set; }

        public static Row From(AuditEntry entry) => new()
        {
            At = entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ActorKeyId = entry.ActorKeyId.ToString(),
            ActorName = entry.ActorName,
            ActorPrefix = entry.ActorPrefix,
            Action = entry.Action,
            Subject = entry.Subject,
            Before = entry.Before,
            After = entry.After,
        };

        public AuditEntry ToEntry() => new(
            Id, DateTimeOffset.Parse(At, CultureInfo.InvariantCulture), Guid.Parse(ActorKeyId), ActorName, ActorPrefix, Action, Subject, Before, After);
    }
}
