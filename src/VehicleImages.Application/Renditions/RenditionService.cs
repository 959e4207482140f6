using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging;
using VehicleImages.Storage.Blobs;

namespace VehicleImages.Application.Renditions;

/// <summary>A rendition as stored: its blob key and size.</summary>
public sealed record RenditionBlob(string Key, RenditionSpec Spec, long Length, DateTimeOffset LastModified);

/// <summary>
/// Finds a rendition in the blob store or makes it: read the original, render, store. Concurrent requests for the
/// same missing rendition wait for one render (a lock per blob key) rather than each making their own.
/// </summary>
public sealed class RenditionService(IBlobStore blobs, ImageProcessor imaging, RenderGate gate)
{
    private readonly KeyedLock _locks = new();
    private int _renders;

    /// <summary>The stored rendition of the image for this spec (canonicalised), made now if it is missing.</summary>
    public async Task<RenditionBlob> EnsureAsync(VehicleImage image, RenditionSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var canonical = spec.Canonical(image.Width, image.Height, image.HasAlpha);
        var key = BlobKeys.Rendition(image.Hash, canonical);
        if (await blobs.StatAsync(key, cancellationToken) is { } stored)
        {
            return new RenditionBlob(key, canonical, stored.Length, stored.LastModified);
        }

        using (await _locks.AcquireAsync(key, cancellationToken))
        {
            // Someone may have made it while this request waited for the lock.
            if (await blobs.StatAsync(key, cancellationToken) is { } madeMeanwhile)
            {
                return new RenditionBlob(key, canonical, madeMeanwhile.Length, madeMeanwhile.LastModified);
            }

            var original = await blobs.GetAsync(BlobKeys.Original(image.Hash), cancellationToken)
                ?? throw new FileNotFoundException($"The original of image {image.Id} is missing from the blob store.");
            var rendered = await gate.RunAsync(() => imaging.Render(original, canonical), cancellationToken);
            await blobs.PutAsync(key, rendered.Bytes, cancellationToken);
            Interlocked.Increment(ref _renders);
            var written = await blobs.StatAsync(key, cancellationToken)
                ?? throw new IOException($"Rendition {key} was written but cannot be found.");
            return new RenditionBlob(key, canonical, written.Length, written.LastModified);
        }
    }

    /// <summary>Renders made by this process; lets tests see that concurrent requests made one.</summary>
    public int Renders => Volatile.Read(ref _renders);
}
