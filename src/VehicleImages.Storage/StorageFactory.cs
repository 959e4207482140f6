using VehicleImages.Storage.Audit;
using VehicleImages.Storage.Audit.Sqlite;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Blobs.FileSystem;
using VehicleImages.Storage.Blobs.S3;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Sqlite;
using VehicleImages.Storage.Curation;
using VehicleImages.Storage.Curation.Sqlite;
using VehicleImages.Storage.Keys;
using VehicleImages.Storage.Keys.Sqlite;
using VehicleImages.Storage.Sessions;
using VehicleImages.Storage.Sessions.Sqlite;
using VehicleImages.Storage.Usage;
using VehicleImages.Storage.Usage.Sqlite;

namespace VehicleImages.Storage;

/// <summary>Opens the catalog, curation, audit, key, session, usage and blob stores that the options name.</summary>
public static class StorageFactory
{
    public static async Task<ICatalog> OpenCatalogAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return await SqliteCatalog.OpenAsync(options.CatalogPath, cancellationToken);
    }

    public static async Task<ICatalogCuration> OpenCurationAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return await SqliteCatalogCuration.OpenAsync(options.CatalogPath, cancellationToken);
    }

    public static async Task<IAuditLog> OpenAuditLogAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return await SqliteAuditLog.OpenAsync(options.CatalogPath, cancellationToken);
    }

    public static async Task<IAdminSessionStore> OpenAdminSessionsAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return await SqliteAdminSessionStore.OpenAsync(options.CatalogPath, cancellationToken);
    }

    public static async Task<IApiKeyStore> OpenKeysAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return await SqliteApiKeyStore.OpenAsync(options.CatalogPath, cancellationToken);
    }

    public static async Task<IUsageStore> OpenUsageAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return await SqliteUsageStore.OpenAsync(options.CatalogPath, cancellationToken);
    }

    /// <summary>The S3 bucket that Storage:Blobs names, or else the blobs/ folder; a bad S3 URL throws with its reason.</summary>
    public static IBlobStore OpenBlobStore(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Blobs)
            ? new FileSystemBlobStore(options.BlobDirectory)
            : new S3BlobStore(S3BlobUrl.Parse(options.Blobs));
    }
}
