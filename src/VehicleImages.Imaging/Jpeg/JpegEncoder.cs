using System.Runtime.InteropServices;
using VehicleImages.Imaging.Native;

namespace VehicleImages.Imaging.Jpeg;

/// <summary>
/// JPEG encoding through libjpeg-turbo's TurboJPEG API, on the calling thread. libvips' jpegsave drives the same
/// libjpeg-turbo, but through its sink: worker and write-behind threads and a copy of the pixels into a libvips
/// image, which cost 0.3 ms a call and up to half again a large encode's time (measured in C on a 1918×1280
/// photo: 12.9 ms by libvips, 8.5 ms here). The settings are libvips' (quality, 4:2:0 below quality 90, the
/// integer DCT, optimised Huffman tables, no metadata), and the file is byte for byte what libvips writes, so a
/// rendition is the same bytes whichever way it was made (a test checks this against libvips itself).
/// </summary>
internal static class JpegEncoder
{
    // libvips keeps full-resolution chroma from this quality up (its jpegsave's "auto" subsampling).
    private const int FullChromaQuality = 90;

    /// <summary>Encodes opaque RGB or grey pixels as a baseline JPEG of the given quality.</summary>
    public static unsafe byte[] Encode(PixelBuffer pixels, int quality)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Bands is not (1 or 3))
        {
            throw new ArgumentException($"JPEG holds grey or RGB pixels, not {pixels.Bands} bands; flatten alpha first.", nameof(pixels));
        }

        var grey = pixels.Bands == 1;
        var subsampling = grey ? TurboJpeg.SubsamplingGrey : quality >= FullChromaQuality ? TurboJpeg.Subsampling444 : TurboJpeg.Subsampling420;
        var handle = TurboJpegHandles.RentCompressor();
        var succeeded = false;
        var output = IntPtr.Zero;
        var size = new CULong(0);
        try
        {
            fixed (byte* source = pixels.Data)
            {
                var format = grey ? TurboJpeg.PixelFormatGrey : TurboJpeg.PixelFormatRgb;
                if (TurboJpeg.tjCompress2(handle, source, pixels.Width, 0, pixels.Height, format, ref output, ref size,
                        subsampling, quality, TurboJpeg.FlagAccurateDct) != 0)
                {
                    throw new InvalidOperationException($"libjpeg-turbo could not encode {pixels.Width}x{pixels.Height}: {Marshal.PtrToStringUTF8(TurboJpeg.tjGetErrorStr2(handle))}");
                }
            }

            succeeded = true;
            return WithoutJfifSegment(new ReadOnlySpan<byte>((void*)output, checked((int)size.Value)));
        }
        finally
        {
            TurboJpeg.tjFree(output);
            TurboJpegHandles.ReturnCompressor(handle, succeeded);
        }
    }

    // TurboJPEG always writes a JFIF segment (APP0) after the start marker; libvips' jpegsave writes none when it
    // strips metadata. It says only "pixels are square", which is every decoder's default.
    private static byte[] WithoutJfifSegment(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 6 || jpeg[2] != 0xFF || jpeg[3] != 0xE0)
        {
            return jpeg.ToArray();
        }

        var segment = 2 + ((jpeg[4] << 8) | jpeg[5]);
        var output = new byte[jpeg.Length - segment];
        jpeg[..2].CopyTo(output);
        jpeg[(2 + segment)..].CopyTo(output.AsSpan(2));
        return output;
    }
}
