using Dapper;
using VehicleImages.Storage.Postgres;

namespace VehicleImages.Storage.Audit.Postgres;

/// <summary>The audit log in the PostgreSQL database beside the catalog, shared by every API process.</summary>
public sealed class PostgresAuditLog : IAuditLog
{
    private const string Columns = "id, at, actor_key_id, actor_name, actor_prefix, action, subject, before, after";

    private readonly PostgresDatabase _database;

    public PostgresAuditLog(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    // Not repeated after a lost connection: had the first insert committed, the entry would be logged twice.
    public Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _database.RunOnceAsync(connection => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO audit_log (at, actor_key_id, actor_name, actor_prefix, action, subject, before, after) " +
            "VALUES (@At, @ActorKeyId, @ActorName, @ActorPrefix, @Action, @Subject, @Before, @After) RETURNING id",
            new
            {
                // timestamptz keeps the instant, not the offset, and Npgsql writes only UTC values to it.
                At = entry.At.ToUniversalTime(),
                entry.ActorKeyId,
                entry.ActorName,
                entry.ActorPrefix,
                entry.Action,
                entry.Subject,
                entry.Before,
                entry.After,
            },
            cancellationToken: cancellationToken)),
            cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);

        // Each condition is written only when asked for, so the planner sees a plain index range on (subject, id).
        var parameters = new DynamicParameters(new { limit = query.Limit });
        var where = new List<string> { "TRUE" };
        if (query.Subject is { } subject)
        {
            parameters.Add("subject", subject);
            where.Add("subject = @subject");
        }

        if (query.BeforeId is { } before)
        {
            parameters.Add("before", before);
            where.Add("id < @before");
        }

        return _database.RunAsync<IReadOnlyList<AuditEntry>>(async connection =>
            [.. (await connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM audit_log WHERE {string.Join(" AND ", where)} ORDER BY id DESC LIMIT @limit",
                parameters, cancellationToken: cancellationToken))).Select(row => row.ToEntry())],
            cancellationToken);
    }

    /// <summary>The audit_log table as Dapper reads it.</summary>
    private sealed class Row
    {
        public long Id { get; set; }

        public DateTimeOffset At { get; set; }

        public Guid ActorKeyId { get; set; }

        public string ActorName { get; set; } = "";

        public string ActorPrefix { get; set; } = "";

        public string Action { get; set; } = "";

        public string Subject { get; set; } = "";

        public string? Before { get; set; }

        public string? After { get; set; }

        public AuditEntry ToEntry() => new(Id, At, ActorKeyId, ActorName, ActorPrefix, Action, Subject, Before, After);
    }
}
