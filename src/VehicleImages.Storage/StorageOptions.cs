namespace VehicleImages.Storage;

/// <summary>Where the catalog and the blobs live, bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Holds the SQLite catalog (catalog.db) and the blob folder (blobs/) unless those are set apart.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Where the blobs live when not in <see cref="BlobDirectory"/>: an S3 URL such as
    /// s3://BUCKET?endpoint=http://127.0.0.1:7480&amp;pathStyle=true (see Blobs.S3.S3BlobUrl).
    /// </summary>
    public string? Blobs { get; set; }

    public string CatalogPath => Path.Combine(DataDirectory, "catalog.db");

    public string BlobDirectory => Path.Combine(DataDirectory, "blobs");

    /// <summary>
    /// Where the catalog, the API keys, the usage counts, the audit log and the admin sessions live when not in
    /// <see cref="CatalogPath"/>: a PostgreSQL database, as a postgres://USER:PASSWORD@HOST:PORT/DATABASE?… URL or as
    /// Npgsql keywords (Host=…;Database=…).
    /// </summary>
    public string? Catalog { get; set; }
}
