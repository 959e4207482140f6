using Npgsql;

namespace VehicleImages.Storage.Postgres;

/// <summary>
/// A PostgreSQL database holding the catalog, the API keys and the usage counts: one pooled data source, its schema
/// brought up to date on open. Open one per process and give it to every store that lives there.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>
    /// Connections one process keeps at most, unless the connection string says otherwise. Npgsql's own default
    /// (100) lets two processes under load exhaust PostgreSQL's default max_connections (100) and be refused with
    /// 53300; 20 serve one process's queries (they are short) and leave room for several processes and the tools.
    /// </summary>
    public const int DefaultMaxPoolSize = 20;

    private static readonly string[] PoolSizeKeywords = ["Maximum Pool Size", "Max Pool Size", "MaxPoolSize", "MaximumPoolSize"];

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _server;

    private PostgresDatabase(NpgsqlDataSource dataSource, string server)
    {
        _dataSource = dataSource;
        _server = server;
    }

    /// <summary>
    /// Connects with Npgsql keywords or a postgres:// URL and applies any migrations not yet applied; throws
    /// <see cref="StorageUnavailableException"/> when the server cannot be reached.
    /// </summary>
    public static async Task<PostgresDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        RowMapping.EnsureConfigured();
        var normalised = PostgresConnectionString.Normalise(connectionString);
        var keywords = new NpgsqlConnectionStringBuilder(normalised);
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = normalised };
        if (!PoolSizeKeywords.Any(written.ContainsKey))
        {
            keywords.MaxPoolSize = DefaultMaxPoolSize;
        }

        var database = new PostgresDatabase(NpgsqlDataSource.Create(keywords), $"{keywords.Host}:{keywords.Port}/{keywords.Database}");
        try
        {
            await database.RunOnceAsync(connection => PostgresMigrator.MigrateAsync(connection, cancellationToken), cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the pool's connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// Runs work that is safe to repeat on a pooled connection. When the connection turns out to be dead (the server
    /// restarted since it was pooled) the work runs once more on a fresh one, so a restart costs callers nothing.
    /// </summary>
    internal Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, attempts: 2, cancellationToken);

    /// <summary>Runs work that must not run twice (it adds to counts) on a pooled connection.</summary>
    internal Task<T> RunOnceAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, attempts: 1, cancellationToken);

    /// <summary>Runs <see cref="RunOnceAsync{T}"/> for work with no result.</summary>
    internal Task RunOnceAsync(Func<NpgsqlConnection, Task> work, CancellationToken cancellationToken) =>
        RunOnceAsync(async connection =>
        {
            await work(connection);
            return true;
        }, cancellationToken);

    /// <summary>Streams rows read on a pooled connection, reporting an outage as <see cref="StorageUnavailableException"/>.</summary>
    internal async IAsyncEnumerable<T> StreamAsync<T>(
        string sql, Func<NpgsqlDataReader, T> read, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // No retry: rows already handed out cannot be taken back.
        await using var connection = await Translated(() => _dataSource.OpenConnectionAsync(cancellationToken).AsTask());
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await Translated(() => command.ExecuteReaderAsync(cancellationToken));
        while (await Translated(() => reader.ReadAsync(cancellationToken)))
        {
            yield return read(reader);
        }
    }

    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, int attempts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                return await work(connection);
            }
            catch (NpgsqlException failure) when (PostgresFailures.IsUnavailable(failure))
            {
                var unavailable = Unavailable(failure);
                if (attempt >= attempts || !PostgresFailures.IsConnectionLost(failure))
                {
                    throw unavailable;
                }
            }
        }
    }

    private async Task<T> Translated<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (NpgsqlException failure) when (PostgresFailures.IsUnavailable(failure))
        {
            throw Unavailable(failure);
        }
    }

    private StorageUnavailableException Unavailable(NpgsqlException failure)
    {
        // Idle pooled connections outlive a server restart and fail only when next used. Dropping them all at the
        // first failure means that later calls connect afresh once the server is back, instead of each meeting one
        // dead connection in turn.
        _dataSource.Clear();
        return new StorageUnavailableException($"PostgreSQL at {_server} is unavailable: {failure.Message}", failure);
    }
}
