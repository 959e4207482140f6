namespace VehicleImages.Storage.Blobs;

/// <summary>
/// A blob store that can hand out links which fetch a blob straight from the store, signed and expiring. Not every
/// store can (a folder cannot), so callers ask with a type test: <c>if (blobs is IPresignedLinks links)</c>.
/// </summary>
public interface IPresignedLinks
{
    /// <summary>The longest a link may stay valid.</summary>
    TimeSpan MaxLifetime { get; }

    /// <summary>A GET link to the blob, valid for <paramref name="lifetime"/>; the fetch answers with <paramref name="contentType"/> if given.</summary>
    Task<Uri> PresignGetAsync(string key, TimeSpan lifetime, string? contentType, CancellationToken cancellationToken);
}
