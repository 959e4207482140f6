using System.Text;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging;
using VehicleImages.Storage.Blobs;

namespace VehicleImages.Application.Renditions;

/// <summary>A rendition as stored: its blob key and size.</summary>
public sealed record RenditionBlob(string Key, RenditionSpec Spec, long Length, DateTimeOffset LastModified);

/// <summary>What a cut-out request gave: the cut-out, or the opaque rendition and why the cut-out was refused.</summary>
public sealed record CutoutOutcome(RenditionBlob Rendition, string? Refusal)
{
    public bool IsCutout => Refusal is null;
}

/// <summary>
/// Finds a rendition in the blob store or makes it: read the original, render, store. Concurrent requests for the
/// same missing rendition wait for one render (a lock per blob key) rather than each making their own, and the
/// renditions of one original are rendered one at a time (a lock per original): six variants of one decompression
/// bomb asked for at once cost one decode's memory at a time, not six.
/// </summary>
public sealed class RenditionService(IBlobStore blobs, ImageProcessor imaging, RenderGate gate)
{
    private readonly KeyedLock _locks = new();
    private readonly KeyedLock _originals = new();
    private int _renders;

    /// <summary>
    /// The stored rendition of the image for this spec (canonicalised), made now if it is missing. A cut-out whose
    /// background was not plain enough is served as the opaque rendition of the same size and format.
    /// </summary>
    public async Task<RenditionBlob> EnsureAsync(VehicleImage image, RenditionSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var canonical = spec.Canonical(image.Width, image.Height, image.HasAlpha);
        if (canonical.Background == Background.Cutout)
        {
            return (await CutoutAsync(image, canonical, cancellationToken)).Rendition;
        }

        var key = BlobKeys.Rendition(image.Hash, canonical);
        if (await FindAsync(key, canonical, cancellationToken) is { } stored)
        {
            return stored;
        }

        using (await _locks.AcquireAsync(key, cancellationToken))
        {
            // Someone may have made it while this request waited for the lock.
            if (await FindAsync(key, canonical, cancellationToken) is { } madeMeanwhile)
            {
                return madeMeanwhile;
            }

            var rendered = await RenderAsync(image, original => imaging.Render(original, canonical), canonical, cancellationToken);
            Interlocked.Increment(ref _renders);
            return await StoreAsync(key, canonical, rendered.Bytes, cancellationToken);
        }
    }

    /// <summary>
    /// The cut-out of a photo without alpha at a size and format (an image with alpha keeps its own: that is its
    /// transparent rendition). The verdict is made once, like any rendition: a refusal is stored beside where the
    /// cut-out would be, and answered with the opaque rendition.
    /// </summary>
    public async Task<CutoutOutcome> CutoutAsync(VehicleImage image, RenditionSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var canonical = (spec with { Background = Background.Cutout }).Canonical(image.Width, image.Height, image.HasAlpha);
        if (canonical.Background != Background.Cutout)
        {
            return new CutoutOutcome(await EnsureAsync(image, canonical, cancellationToken), null);
        }

        var key = BlobKeys.Rendition(image.Hash, canonical);
        var refusalKey = BlobKeys.CutoutRefusal(image.Hash, canonical);
        if (await DecidedAsync() is { } decided)
        {
            return decided;
        }

        string verdict;
        using (await _locks.AcquireAsync(key, cancellationToken))
        {
            if (await DecidedAsync() is { } decidedMeanwhile)
            {
                return decidedMeanwhile;
            }

            (var made, verdict) = await RenderAsync(image, original => imaging.RenderCutout(original, canonical), canonical, cancellationToken);
            Interlocked.Increment(ref _renders);
            if (made is not null)
            {
                return new CutoutOutcome(await StoreAsync(key, canonical, made.Bytes, cancellationToken), null);
            }

            await blobs.PutAsync(refusalKey, Encoding.UTF8.GetBytes(verdict), Durability.Deferred, cancellationToken);
        }

        return new CutoutOutcome(await EnsureAsync(image, canonical with { Background = Background.Opaque }, cancellationToken), verdict);

        async Task<CutoutOutcome?> DecidedAsync()
        {
            if (await FindAsync(key, canonical, cancellationToken) is { } cutout)
            {
                return new CutoutOutcome(cutout, null);
            }

            return await blobs.GetAsync(refusalKey, cancellationToken) is { Length: > 0 } reason
                ? new CutoutOutcome(await EnsureAsync(image, canonical with { Background = Background.Opaque }, cancellationToken), Encoding.UTF8.GetString(reason))
                : null;
        }
    }

    private async Task<T> RenderAsync<T>(VehicleImage image, Func<byte[], T> render, RenditionSpec spec, CancellationToken cancellationToken)
    {
        using (await _originals.AcquireAsync(BlobKeys.Original(image.Hash), cancellationToken))
        {
            var original = await OriginalAsync(image, cancellationToken);
            var estimate = imaging.RenderMemoryEstimate(original, spec);
            return await gate.RunAsync(() => render(original), estimate, cancellationToken);
        }
    }

    /// <summary>Renders made by this process; lets tests see that concurrent requests made one.</summary>
    public int Renders => Volatile.Read(ref _renders);

    // No image encodes to zero bytes: an empty blob is a deferred write that a power cut cut short, so it is made again.
    private async Task<RenditionBlob?> FindAsync(string key, RenditionSpec spec, CancellationToken cancellationToken) =>
        await blobs.StatAsync(key, cancellationToken) is { Length: > 0 } stored ? new RenditionBlob(key, spec, stored.Length, stored.LastModified) : null;

    // Renditions are derived from the original and made again if lost, so they are stored without waiting for the
    // disk: a power cut costs a render, not a request's latency on every render.
    private async Task<RenditionBlob> StoreAsync(string key, RenditionSpec spec, byte[] bytes, CancellationToken cancellationToken)
    {
        await blobs.PutAsync(key, bytes, Durability.Deferred, cancellationToken);
        return await FindAsync(key, spec, cancellationToken) ?? throw new IOException($"Rendition {key} was written but cannot be found.");
    }

    private async Task<byte[]> OriginalAsync(VehicleImage image, CancellationToken cancellationToken) =>
        await blobs.GetAsync(BlobKeys.Original(image.Hash), cancellationToken)
            ?? throw new FileNotFoundException($"The original of image {image.Id} is missing from the blob store.");
}
