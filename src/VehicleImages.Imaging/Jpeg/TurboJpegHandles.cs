using System.Collections.Concurrent;
using VehicleImages.Imaging.Native;
using VehicleImages.Imaging.Vips;

namespace VehicleImages.Imaging.Jpeg;

/// <summary>
/// TurboJPEG compressors and decompressors, kept for reuse: making one costs 0.1 ms (a compressor) to 0.4 ms (a
/// decompressor), measured in C, as much as decoding a small photo. A handle serves one thread at a time; the pools
/// hold at most as many as were ever in use at once, for the life of the process.
/// </summary>
internal static class TurboJpegHandles
{
    private static readonly ConcurrentBag<IntPtr> Compressors = [];
    private static readonly ConcurrentBag<IntPtr> Decompressors = [];

    public static IntPtr RentCompressor() => Rent(Compressors, TurboJpeg.tjInitCompress);

    public static IntPtr RentDecompressor() => Rent(Decompressors, TurboJpeg.tjInitDecompress);

    /// <summary>A handle whose last call succeeded goes back to the pool; one that failed is destroyed, to be safe.</summary>
    public static void ReturnCompressor(IntPtr handle, bool succeeded) => Return(Compressors, handle, succeeded);

    public static void ReturnDecompressor(IntPtr handle, bool succeeded) => Return(Decompressors, handle, succeeded);

    private static IntPtr Rent(ConcurrentBag<IntPtr> pool, Func<IntPtr> create)
    {
        // libvips' start-up loads and configures TurboJPEG too (see TurboJpegLibrary).
        VipsRuntime.EnsureInitialized();
        if (pool.TryTake(out var handle))
        {
            return handle;
        }

        handle = create();
        return handle != IntPtr.Zero ? handle : throw new InvalidOperationException("libjpeg-turbo could not start a codec (out of memory).");
    }

    private static void Return(ConcurrentBag<IntPtr> pool, IntPtr handle, bool succeeded)
    {
        if (succeeded)
        {
            pool.Add(handle);
        }
        else
        {
            _ = TurboJpeg.tjDestroy(handle);
        }
    }
}
