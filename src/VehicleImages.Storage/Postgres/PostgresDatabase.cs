using Npgsql;

namespace VehicleImages.Storage.Postgres;

/// <summary>
/// A PostgreSQL database holding the catalog, the API keys and the usage counts: one pooled data source, its schema
/// brought up to date on open. Open one per process and give it to every store that lives there.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private PostgresDatabase(NpgsqlDataSource dataSource) => DataSource = dataSource;

    internal NpgsqlDataSource DataSource { get; }

    /// <summary>Connects with Npgsql keywords or a postgres:// URL and applies any migrations not yet applied.</summary>
    public static async Task<PostgresDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        RowMapping.EnsureConfigured();
        var dataSource = NpgsqlDataSource.Create(PostgresConnectionString.Normalise(connectionString));
        try
        {
            await PostgresMigrator.MigrateAsync(dataSource, cancellationToken);
            return new PostgresDatabase(dataSource);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the pool's connections.</summary>
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
