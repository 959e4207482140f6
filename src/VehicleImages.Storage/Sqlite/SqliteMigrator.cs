using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace VehicleImages.Storage.Sqlite;

/// <summary>Applies the embedded Sqlite.NNNN_name.sql scripts in order, each once, each in a transaction.</summary>
internal static class SqliteMigrator
{
    public static Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        MigrateAsync(connection, long.MaxValue, cancellationToken);

    /// <summary>Applies the scripts up to and including <paramref name="lastVersion"/>: a file as an older release left it, for upgrade tests.</summary>
    public static async Task MigrateAsync(SqliteConnection connection, long lastVersion, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();

        foreach (var (version, name, sql) in MigrationScripts.Load("Sqlite").Where(s => s.Version <= lastVersion))
        {
            if (applied.Contains(version))
            {
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @now)",
                new { version, name, now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
