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
    /// <summary>The PostgreSQL database that Storage:Catalog names, or else catalog.db in the data folder; a bad setting throws with its reason.</summary>
    public static async Task<ICatalog> OpenCatalogAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return UsesPostgres(options)
            ? new PostgresCatalog(await OpenPostgresAsync(options, cancellationToken))
            : await SqliteCatalog.OpenAsync(options.CatalogPath, cancellationToken);
    }

    public static async Task<ICatalogCuration> OpenCurationAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return UsesPostgres(options)
            ? new PostgresCatalogCuration(await OpenPostgresAsync(options, cancellationToken))
            : await SqliteCatalogCuration.OpenAsync(options.CatalogPath, cancellationToken);
    }

    public static async Task<IAuditLog> OpenAuditLogAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return UsesPostgres(options)
            ? new PostgresAuditLog(await OpenPostgresAsync(options, cancellationToken))
            : await SqliteAuditLog.OpenAsync(options.CatalogPath, cancellationToken);
    }

    public static async Task<IAdminSessionStore> OpenAdminSessionsAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return UsesPostgres(options)
            ? new PostgresAdminSessionStore(await OpenPostgresAsync(options, cancellationToken))
            : await SqliteAdminSessionStore.OpenAsync(options.CatalogPath, cancellationToken);
    }

    public static async Task<IApiKeyStore> OpenKeysAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return UsesPostgres(options)
            ? new PostgresApiKeyStore(await OpenPostgresAsync(options, cancellationToken))
            : await SqliteApiKeyStore.OpenAsync(options.CatalogPath, cancellationToken);
    }

    public static async Task<IUsageStore> OpenUsageAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return UsesPostgres(options)
            ? new PostgresUsageStore(await OpenPostgresAsync(options, cancellationToken))
            : await SqliteUsageStore.OpenAsync(options.CatalogPath, cancellationToken);
    }

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
    private static bool UsesPostgres(StorageOptions options) => !string.IsNullOrWhiteSpace(options.Catalog);

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
