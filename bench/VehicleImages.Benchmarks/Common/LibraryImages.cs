using Microsoft.Data.Sqlite;
using VehicleImages.Application.Media;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Storage;

namespace VehicleImages.Benchmarks.Common;

/// <summary>An image of a data folder, with the rendition of one size that the media endpoint serves for it.</summary>
internal sealed record LibraryImage(ImageId Id, ContentHash Hash, int Width, int Height, bool HasAlpha, RenditionSpec Spec)
{
    public string OriginalPath(StorageOptions storage) => Path.Combine(storage.BlobDirectory, BlobKeys.Original(Hash));

    public string RenditionKey => BlobKeys.Rendition(Hash, Spec);

    public string RenditionPath(StorageOptions storage) => Path.Combine(storage.BlobDirectory, RenditionKey);

    /// <summary>The signed, root-relative media link, as /images would hand it out.</summary>
    public string Link(MediaLinks links) => links.For(Id, MediaVariant.Rendition(Spec));
}

/// <summary>Reads every image of a data folder's catalog, in ID order, with the default rendition of a size.</summary>
internal static class LibraryImages
{
    public static async Task<List<LibraryImage>> ListAsync(StorageOptions storage, RenditionSize size)
    {
        // Opening through the factory installs the SQLite provider and checks the schema.
        await StorageFactory.OpenCatalogAsync(storage, CancellationToken.None);
        var list = new List<LibraryImage>();
        await using (var connection = new SqliteConnection($"Data Source={storage.CatalogPath};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, sha256, width, height, has_alpha FROM images ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (width, height, alpha) = (reader.GetInt32(2), reader.GetInt32(3), reader.GetInt64(4) != 0);
                var spec = RenditionSpec.Default(size, alpha).Canonical(width, height, alpha);
                list.Add(new LibraryImage(
                    new ImageId(reader.GetInt64(0)), ContentHash.Parse(Convert.ToHexStringLower((byte[])reader[1])), width, height, alpha, spec));
            }
        }

        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        return list;
    }

    /// <summary>Link maker with the server's signing key (base64, as VEHICLE_IMAGES_Media__SigningKeys__0).</summary>
    public static MediaLinks Links(string signingKey)
    {
        var options = new MediaOptions();
        var signer = new LinkSigner([new SigningKey(Convert.FromBase64String(signingKey))], options.LongestLinkLife, options.PermanentLinkGracePeriod);
        return new(signer, options, TimeProvider.System);
    }
}
