namespace VehicleImages.Storage;

/// <summary>Where the catalog and the blobs live, bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Holds the SQLite catalog (catalog.db) and the blob folder (blobs/) unless those are set apart.</summary>
    public string DataDirectory { get; set; } = "data";

    public string CatalogPath => Path.Combine(DataDirectory, "catalog.db");

    public string BlobDirectory => Path.Combine(DataDirectory, "blobs");
}
