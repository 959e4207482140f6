using System.Buffers;
using System.Runtime.InteropServices;
using VehicleImages.Imaging.Native;
using VehicleImages.Imaging.Resampling;

namespace VehicleImages.Imaging.Jpeg;

/// <summary>
/// Decodes a plain JPEG (grey, YCbCr or RGB, nothing to turn) through TurboJPEG on the calling thread, shrunk by 2, 4
/// or 8 in the DCT as libvips' loader does. libvips drives the same libjpeg-turbo with the same settings (integer
/// DCT, smooth chroma upsampling), so the pixels are the same; what is saved is its pipeline: the copy into its
/// buffer and the worker threads, measured in C at 8.9 ms against 3.3 ms for a 1918×1280 photo, and 1.15 ms against
/// 0.30 ms for a 530×259 one.
/// </summary>
internal static class JpegDecoder
{
    private const int ColourspaceRgb = 0;   // TJCS_RGB
    private const int ColourspaceYcbcr = 1; // TJCS_YCbCr
    private const int ColourspaceGrey = 2;  // TJCS_GRAY

    // A decode that is resized at once borrows its buffer, so each render does not take fresh pages from the kernel.
    // Beyond a large photo's size (about 2,300 px square) it does not: the shared pool would keep such an array alive
    // long after the one huge original that needed it.
    private const int LargestPooled = 16 * 1024 * 1024;

    /// <summary>
    /// The JPEG decoded at 1/<paramref name="shrink"/> of its size, or null when TurboJPEG cannot read it or the colour
    /// space is not grey, YCbCr or RGB; throws <see cref="ImageRejectedException"/> (corrupt) when its compressed data
    /// is broken. Grey comes out as one band, colour as
    /// three, as from libvips. <paramref name="keep"/>: the caller keeps the pixels as they are, so they go
    /// into an array of their own rather than a pooled one.
    /// </summary>
    public static unsafe DecodedJpeg? TryDecode(ReadOnlySpan<byte> jpeg, int shrink, bool keep)
    {
        var handle = TurboJpegHandles.RentDecompressor();
        var succeeded = false;
        try
        {
            fixed (byte* source = jpeg)
            {
                var size = new CULong((nuint)jpeg.Length);
                if (TurboJpeg.tjDecompressHeader3(handle, source, size, out var width, out var height, out _, out var colourspace) != 0
                    || colourspace is not (ColourspaceRgb or ColourspaceYcbcr or ColourspaceGrey))
                {
                    return null;
                }

                var bands = colourspace == ColourspaceGrey ? 1 : 3;

                // libjpeg rounds a scaled size up; libvips keeps the whole pixels only (rounds down), and so do we.
                var (decodedWidth, decodedHeight) = ((width + shrink - 1) / shrink, (height + shrink - 1) / shrink);
                var stride = decodedWidth * bands;
                var length = checked(stride * decodedHeight);
                var exact = keep && decodedWidth * shrink == width && decodedHeight * shrink == height;
                var pooled = !exact && length <= LargestPooled;
                var buffer = pooled ? ArrayPool<byte>.Shared.Rent(length) : GC.AllocateUninitializedArray<byte>(length);
                var decoded = new DecodedJpeg(buffer, pooled, width / shrink, height / shrink, bands, stride);
                fixed (byte* target = buffer)
                {
                    var format = bands == 1 ? TurboJpeg.PixelFormatGrey : TurboJpeg.PixelFormatRgb;
                    if (TurboJpeg.tjDecompress2(handle, source, size, target, decodedWidth, stride, decodedHeight, format,
                            TurboJpeg.FlagAccurateDct | TurboJpeg.FlagStopOnWarning) != 0)
                    {
                        decoded.Dispose();
                        ThrowIfCorrupt(handle);
                        return null;
                    }
                }

                succeeded = true;
                return decoded;
            }
        }
        finally
        {
            TurboJpegHandles.ReturnDecompressor(handle, succeeded);
        }
    }

    // A warning while decoding the pixels means libjpeg met data it could not read (a premature end, a bad Huffman
    // code) and would have filled the rest with grey: the file is broken, whichever decoder reads it. Any other
    // failure is left to libvips, which reads more kinds of JPEG than the TurboJPEG API does.
    private static void ThrowIfCorrupt(IntPtr handle)
    {
        if (TurboJpeg.tjGetErrorCode(handle) == TurboJpeg.ErrorWarning)
        {
            var cause = Marshal.PtrToStringUTF8(TurboJpeg.tjGetErrorStr2(handle)) ?? "no detail from libjpeg";
            throw new ImageRejectedException(RejectionReason.Corrupt, $"JPEG data is corrupt or cut short ({cause})");
        }
    }
}

/// <summary>A decoded JPEG's rows, in an array of its own or one borrowed from the pool until disposed.</summary>
internal sealed class DecodedJpeg : PixelRows, IDisposable
{
    private readonly bool _pooled;
    private readonly int _stride;
    private byte[]? _buffer;

    public DecodedJpeg(byte[] buffer, bool pooled, int width, int height, int bands, int stride)
        : base(width, height, bands)
    {
        _buffer = buffer;
        _pooled = pooled;
        _stride = stride;
    }

    public override ReadOnlySpan<byte> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return Buffer.AsSpan(y * _stride, Width * Bands);
    }

    /// <summary>The pixels as a buffer of their own: handed over when they already are, copied out otherwise.</summary>
    public PixelBuffer ToPixels()
    {
        var rowBytes = Width * Bands;
        if (!_pooled && _stride == rowBytes && Buffer.Length == rowBytes * Height)
        {
            return new PixelBuffer(Buffer, Width, Height, Bands);
        }

        var pixels = GC.AllocateUninitializedArray<byte>(checked(rowBytes * Height));
        for (var y = 0; y < Height; y++)
        {
            Row(y).CopyTo(pixels.AsSpan(y * rowBytes, rowBytes));
        }

        return new PixelBuffer(pixels, Width, Height, Bands);
    }

    public void Dispose()
    {
        if (_pooled && _buffer is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _buffer = null;
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(DecodedJpeg));
}
