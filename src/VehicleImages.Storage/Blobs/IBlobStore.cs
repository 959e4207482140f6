namespace VehicleImages.Storage.Blobs;

/// <summary>A stored blob's size and when it was written.</summary>
public sealed record BlobInfo(long Length, DateTimeOffset LastModified);

/// <summary>
/// Originals and renditions by key. Writes are atomic: a reader sees the whole blob or none, even if the writer
/// is killed half way. Keys are relative paths of [a-z0-9._-] segments separated by '/'.
/// </summary>
public interface IBlobStore
{
    Task PutAsync(string key, ReadOnlyMemory<byte> content, Durability durability, CancellationToken cancellationToken);

    /// <summary>Puts every <see cref="Durability.Deferred"/> write made so far on stable storage.</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>The blob's bytes, or null when there is no such blob.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>A readable, seekable stream of the blob, or null when there is no such blob.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task<BlobInfo?> StatAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the blob if it exists.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be reached; for readiness checks.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
