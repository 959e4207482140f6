using Dapper;
using Npgsql;

namespace VehicleImages.Storage.Postgres;

/// <summary>Applies the embedded Postgres.NNNN_name.sql scripts in order, each once, all pending ones in one transaction.</summary>
internal static class PostgresMigrator
{
    // Advisory locks are per database and shared by every client of it, so the key is this project's own:
    // "vimigrat" in ASCII.
    private const long LockKey = 0x7669_6D69_6772_6174;

    public static Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        MigrateAsync(connection, long.MaxValue, cancellationToken);

    /// <summary>Applies the scripts up to and including <paramref name="lastVersion"/>: a database as an older release left it, for upgrade tests.</summary>
    public static async Task MigrateAsync(NpgsqlConnection connection, long lastVersion, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Two processes starting together would both find a version missing and both apply it. The lock makes the
        // second wait until the first commits, then read the versions afresh and find nothing left to do. It is
        // released with the transaction, so a crashed migration cannot leave it held.
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = LockKey }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            transaction: transaction, cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();

        foreach (var (version, name, sql) in MigrationScripts.Load("Postgres").Where(s => s.Version <= lastVersion && !applied.Contains(s.Version)))
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)",
                new { version, name }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
