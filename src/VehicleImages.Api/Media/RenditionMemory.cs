using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;
using VehicleImages.Application.Media;
using VehicleImages.Application.Renditions;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Api.Media;

/// <summary>A rendition as the media endpoint serves it: which blob, its bytes and its validator.</summary>
public sealed record ServedRendition(RenditionBlob Blob, byte[] Bytes, EntityTagHeaderValue EntityTag);

/// <summary>
/// The bytes of recently served renditions, kept in memory up to a byte budget (least recently used go first), so
/// a warm request costs no file-system call. A rendition's bytes are fixed by the image's content hash and the spec,
/// and the same request always resolves to the same blob (a refused cut-out's verdict is stored), so an entry never
/// goes stale. A deleted image is never looked up here: the endpoint finds the image first.
/// </summary>
public sealed class RenditionMemory : IDisposable
{
    // Larger renditions (Wallpaper PNGs) would crowd out hundreds of small ones; they are read from the store.
    private const int LargestKept = 1024 * 1024;
    private readonly MemoryCache? _cache;

    public RenditionMemory(MediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var budget = (long)options.RenditionMemoryMegabytes * 1024 * 1024;
        _cache = budget > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = budget }) : null;
    }

    public bool TryGet(ContentHash hash, RenditionSpec requested, out ServedRendition served)
    {
        served = null!;
        return _cache is not null && _cache.TryGetValue(new Key(hash, requested), out served!);
    }

    public void Remember(ContentHash hash, RenditionSpec requested, ServedRendition served)
    {
        ArgumentNullException.ThrowIfNull(served);
        if (_cache is not null && served.Bytes.Length <= LargestKept)
        {
            _cache.Set(new Key(hash, requested), served, new MemoryCacheEntryOptions { Size = served.Bytes.Length });
        }
    }

    public void Dispose() => _cache?.Dispose();

    private readonly record struct Key(ContentHash Hash, RenditionSpec Spec);
}
