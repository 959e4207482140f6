using Npgsql;
using VehicleImages.Domain.Keys;
using VehicleImages.Domain.Usage;
using VehicleImages.Storage.Audit.Postgres;
using VehicleImages.Storage.Audit.Sqlite;
using VehicleImages.Storage.Catalog.Postgres;
using VehicleImages.Storage.Catalog.Sqlite;
using VehicleImages.Storage.Curation.Postgres;
using VehicleImages.Storage.Curation.Sqlite;
using VehicleImages.Storage.Keys.Postgres;
using VehicleImages.Storage.Keys.Sqlite;
using VehicleImages.Storage.Sessions.Postgres;
using VehicleImages.Storage.Sessions.Sqlite;
using VehicleImages.Storage.Usage.Postgres;
using VehicleImages.Storage.Usage.Sqlite;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Postgres;

/// <summary>Storage:Catalog picks PostgreSQL for everything but the blobs; without it all of it stays in SQLite.</summary>
public sealed class PostgresSelectionTests(PostgresServer server) : IAsyncLifetime
{
    private readonly TempDirectory _data = new("vi-selection");
    private ScratchDatabase _database = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await server.CreateEmptyDatabaseAsync(Cancel);

    public async ValueTask DisposeAsync()
    {
        _data.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Without_a_catalog_setting_everything_stays_in_sqlite_in_the_data_folder()
    {
        var options = new StorageOptions { DataDirectory = _data.Path };

        Assert.IsType<SqliteCatalog>(await StorageFactory.OpenCatalogAsync(options, Cancel));
        Assert.IsType<SqliteApiKeyStore>(await StorageFactory.OpenKeysAsync(options, Cancel));
        Assert.IsType<SqliteUsageStore>(await StorageFactory.OpenUsageAsync(options, Cancel));
        Assert.IsType<SqliteCatalogCuration>(await StorageFactory.OpenCurationAsync(options, Cancel));
        Assert.IsType<SqliteAuditLog>(await StorageFactory.OpenAuditLogAsync(options, Cancel));
        Assert.IsType<SqliteAdminSessionStore>(await StorageFactory.OpenAdminSessionsAsync(options, Cancel));
        Assert.True(File.Exists(options.CatalogPath));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("postgresql")]
    [InlineData("keywords")]
    public async Task A_postgres_setting_puts_every_store_but_the_blobs_in_that_one_database(string notation)
    {
        var options = new StorageOptions { DataDirectory = _data.Path, Catalog = Setting(notation) };

        var catalog = Assert.IsType<PostgresCatalog>(await StorageFactory.OpenCatalogAsync(options, Cancel));
        var keys = Assert.IsType<PostgresApiKeyStore>(await StorageFactory.OpenKeysAsync(options, Cancel));
        var usage = Assert.IsType<PostgresUsageStore>(await StorageFactory.OpenUsageAsync(options, Cancel));
        Assert.IsType<PostgresCatalogCuration>(await StorageFactory.OpenCurationAsync(options, Cancel));
        Assert.IsType<PostgresAuditLog>(await StorageFactory.OpenAuditLogAsync(options, Cancel));
        Assert.IsType<PostgresAdminSessionStore>(await StorageFactory.OpenAdminSessionsAsync(options, Cancel));
        var (key, _) = KeySecrets.Create("shared", KeyScopes.Api, "default", DateTimeOffset.UtcNow);
        await keys.AddAsync(key, Cancel);
        await usage.AddAsync([new UsageCount(key.Id, new DateOnly(2026, 11, 21), "/images", true, 3)], Cancel);

        Assert.False(File.Exists(options.CatalogPath));
        Assert.Equal(0, (await catalog.CountAsync(Cancel)).Images);
        Assert.Equal(
            (1L, 3L),
            await CountInDatabaseAsync("SELECT (SELECT COUNT(*) FROM api_keys), (SELECT SUM(count)::bigint FROM usage)"));
    }

    [Theory]
    [InlineData("/srv/vehicle-images/catalog.db")]
    [InlineData("mysql://app@db/images")]
    public async Task A_catalog_setting_that_is_not_postgres_is_refused_with_what_it_takes(string setting)
    {
        var failure = await Assert.ThrowsAsync<FormatException>(
            () => StorageFactory.OpenCatalogAsync(new StorageOptions { DataDirectory = _data.Path, Catalog = setting }, Cancel));

        Assert.Contains("Storage:Catalog", failure.Message, StringComparison.Ordinal);
        Assert.Contains("postgres://", failure.Message, StringComparison.Ordinal);
    }

    private string Setting(string notation)
    {
        var keywords = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        return notation == "keywords"
            ? _database.ConnectionString
            : $"{notation}://{keywords.Username}@{keywords.Host}:{keywords.Port}/{keywords.Database}";
    }

    private async Task<(long, long)> CountInDatabaseAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        await reader.ReadAsync(Cancel);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
