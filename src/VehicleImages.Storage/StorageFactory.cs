using VehicleImages.Storage.Audit;
using VehicleImages.Storage.Audit.Postgres;
using VehicleImages.Storage.Audit.Sqlite;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Blobs.FileSystem;
using VehicleImages.Storage.Blobs.S3;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Postgres;
using VehicleImages.Storage.Catalog.Sqlite;
using VehicleImages.Storage.Curation;
using VehicleImages.Storage.Curation.Postgres;
using VehicleImages.Storage.Curation.Sqlite;
using VehicleImages.Storage.Keys;
using VehicleImages.Storage.Keys.Postgres;
using VehicleImages.Storage.Keys.Sqlite;
using VehicleImages.Storage.Postgres;
using VehicleImages.Storage.Sessions;
using VehicleImages.Storage.Sessions.Postgres;
using VehicleImages.Storage.Sessions.Sqlite;
using VehicleImages.Storage.Usage;
using VehicleImages.Storage.Usage.Postgres;
using VehicleImages.Storage.Usage.Sqlite;

namespace VehicleImages.Storage;

/// <summary>Opens the catalog, curation, audit, key, session, usage and blob stores that the options name.</summary>
public static class StorageFactory
{
    /// <summary>
    /// Closes the pooled SQLite connections of this process, so their files can be deleted or copied. Use it rather
    /// than <c>SqliteConnection.ClearAllPools</c>: touching Microsoft.Data.Sqlite before any store is opened loads
    /// SQLite the runtime's way, which can crash the process later (see SqliteNativeLibrary).
    /// </summary>
    public static void CloseSqliteConnections()
    {
        Sqlite.SqliteProvider.EnsureReady();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>The PostgreSQL database that Storage:Catalog names, or else catalog.db in the data folder; a bad setting throws with its reason.</summary>
    public static Task<ICatalog> OpenCatalogAsync(StorageOptions options, CancellationToken cancellationToken) =>
        OpenAsync<ICatalog>(options, database => new PostgresCatalog(database), async path => await SqliteCatalog.OpenAsync(path, cancellationToken), cancellationToken);

    public static Task<ICatalogCuration> OpenCurationAsync(StorageOptions options, CancellationToken cancellationToken) =>
        OpenAsync<ICatalogCuration>(options, database => new PostgresCatalogCuration(database), async path => await SqliteCatalogCuration.OpenAsync(path, cancellationToken), cancellationToken);

    public static Task<IAuditLog> OpenAuditLogAsync(StorageOptions options, CancellationToken cancellationToken) =>
        OpenAsync<IAuditLog>(options, database => new PostgresAuditLog(database), async path => await SqliteAuditLog.OpenAsync(path, cancellationToken), cancellationToken);

    public static Task<IAdminSessionStore> OpenAdminSessionsAsync(StorageOptions options, CancellationToken cancellationToken) =>
        OpenAsync<IAdminSessionStore>(options, database => new PostgresAdminSessionStore(database), async path => await SqliteAdminSessionStore.OpenAsync(path, cancellationToken), cancellationToken);

    public static Task<IApiKeyStore> OpenKeysAsync(StorageOptions options, CancellationToken cancellationToken) =>
        OpenAsync<IApiKeyStore>(options, database => new PostgresApiKeyStore(database), async path => await SqliteApiKeyStore.OpenAsync(path, cancellationToken), cancellationToken);

    public static Task<IUsageStore> OpenUsageAsync(StorageOptions options, CancellationToken cancellationToken) =>
        OpenAsync<IUsageStore>(options, database => new PostgresUsageStore(database), async path => await SqliteUsageStore.OpenAsync(path, cancellationToken), cancellationToken);

    /// <summary>The S3 bucket that Storage:Blobs names, or else the blobs/ folder; a bad S3 URL throws with its reason.</summary>
    public static IBlobStore OpenBlobStore(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Blobs)
            ? new FileSystemBlobStore(options.BlobDirectory)
            : new S3BlobStore(S3BlobUrl.Parse(options.Blobs));
    }

    // Everything but the blobs follows the catalog: every API process on one PostgreSQL database must see the same
    // keys, sessions and audit log and add to the same totals, and a single machine keeps it all in one SQLite file.
    private static async Task<T> OpenAsync<T>(
        StorageOptions options, Func<PostgresDatabase, T> postgres, Func<string, Task<T>> sqlite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Catalog)
            ? await sqlite(options.CatalogPath)
            : postgres(await OpenPostgresAsync(options, cancellationToken));
    }

    private static async Task<PostgresDatabase> OpenPostgresAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await SharedDatabases.OpenAsync(options.Catalog!, cancellationToken);
        }
        catch (FormatException e)
        {
            throw new FormatException(
                $"Storage:Catalog must be a postgres:// URL or Npgsql keywords (Host=…;Database=…), or be left unset to keep the catalog in the data folder. {e.Message}", e);
        }
    }
}
