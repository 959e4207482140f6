using System.Buffers.Binary;
using VehicleImages.Domain.Images;

namespace VehicleImages.Imaging.Formats;

/// <summary>
/// Counts the frames of an animated container by walking its chunks or blocks, never trusting a count it states:
/// libvips' n-pages reads 1 for a WebP of 10,000 frames. The walk skips each chunk by its length, so it costs a
/// step per chunk and can go no further than the file's bytes.
/// </summary>
public static class FrameCounter
{
    /// <summary>
    /// The frames in the file, or null when its container is malformed and cannot be walked to its end. Formats
    /// whose frame count comes from an item table libvips reads whole (AVIF, HEIC, TIFF) count as one here.
    /// </summary>
    public static int? Count(ReadOnlySpan<byte> bytes, ImageFormat format) => format switch
    {
        ImageFormat.WebP => WebP(bytes),
        ImageFormat.Png => Png(bytes),
        ImageFormat.Gif => Gif(bytes),
        _ => 1,
    };

    private static int? WebP(ReadOnlySpan<byte> bytes)
    {
        const int RiffHeader = 12;
        if (bytes.Length < RiffHeader)
        {
            return null;
        }

        var declared = 8L + BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
        if (declared > bytes.Length)
        {
            return null;
        }

        var end = (int)declared;
        var frames = 0;
        for (var at = RiffHeader; at < end;)
        {
            if (end - at < 8)
            {
                return null;
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(at + 4)..]);
            var next = at + 8L + size + (size & 1);
            if (next > end + (size & 1))
            {
                return null;
            }

            if (bytes.Slice(at, 4).SequenceEqual("ANMF"u8))
            {
                frames++;
            }

            at = (int)Math.Min(next, end);
        }

        return Math.Max(1, frames);
    }

    // APNG: one fcTL per frame, and acTL's num_frames as the file states it; the larger counts.
    private static int? Png(ReadOnlySpan<byte> bytes)
    {
        const int Signature = 8;
        var controls = 0L;
        var claimed = 0L;
        for (var at = Signature; ;)
        {
            if (bytes.Length - at < 12)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
            var type = bytes.Slice(at + 4, 4);
            if (length > bytes.Length - at - 12L)
            {
                return null;
            }

            if (type.SequenceEqual("fcTL"u8))
            {
                controls++;
            }
            else if (type.SequenceEqual("acTL"u8) && length >= 4)
            {
                claimed = BinaryPrimitives.ReadUInt32BigEndian(bytes[(at + 8)..]);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                return (int)Math.Clamp(Math.Max(controls, claimed), 1, int.MaxValue);
            }

            at += 12 + (int)length;
        }
    }

    private static int? Gif(ReadOnlySpan<byte> bytes)
    {
        const int HeaderAndScreen = 13;
        const byte ImageDescriptor = 0x2C, Extension = 0x21, Trailer = 0x3B;
        if (bytes.Length < HeaderAndScreen)
        {
            return null;
        }

        var at = HeaderAndScreen + ColourTableSize(bytes[10]);
        var frames = 0;
        while (at < bytes.Length)
        {
            switch (bytes[at])
            {
                case Trailer:
                    return Math.Max(1, frames);
                case Extension:
                    at = SkipSubBlocks(bytes, at + 2);
                    break;
                case ImageDescriptor when bytes.Length - at >= 11:
                    frames++;
                    at = SkipSubBlocks(bytes, at + 10 + ColourTableSize(bytes[at + 9]) + 1);
                    break;
                default:
                    return null;
            }

            if (at < 0)
            {
                return null;
            }
        }

        return null;
    }

    private static int ColourTableSize(byte packed) => (packed & 0x80) == 0 ? 0 : 3 << ((packed & 0x07) + 1);

    // Data sub-blocks: a length byte and that many bytes, until a zero length. -1 when they run past the end.
    private static int SkipSubBlocks(ReadOnlySpan<byte> bytes, int at)
    {
        while (at < bytes.Length)
        {
            var length = bytes[at];
            at += 1 + length;
            if (length == 0)
            {
                return at;
            }
        }

        return -1;
    }
}
