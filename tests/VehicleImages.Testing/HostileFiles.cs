using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using VehicleImages.Imaging.Vips;

namespace VehicleImages.Testing;

/// <summary>Inputs made to hurt an image server, built by the tests rather than stored.</summary>
public static partial class HostileFiles
{
    /// <summary>
    /// A valid PNG that claims width×height one-bit grey pixels of zeros: a few hundred kilobytes on disk, a
    /// gigapixel-class allocation if anything tried to decode it.
    /// </summary>
    public static byte[] PngBomb(int width, int height)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + ((width + 7) / 8)];
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        return OneBitGreyPng(width, height, compressed.ToArray());
    }

    /// <summary>
    /// A PNG whose header is valid and claims width×height pixels, and whose image data is not zlib at all:
    /// decoding even its first row fails, so only a check of the header can turn it away for its size.
    /// </summary>
    public static byte[] PngWithUndecodableData(int width, int height) => OneBitGreyPng(width, height, [.. Enumerable.Repeat((byte)0xFF, 64)]);

    private static byte[] OneBitGreyPng(int width, int height, byte[] imageData) =>
        Png(width, height, png => WriteChunk(png, "IDAT", imageData));

    // A one-bit greyscale PNG: its header, the chunks the caller writes, its end.
    private static byte[] Png(int width, int height, Action<Stream> chunks)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale
        WriteChunk(png, "IHDR", header);
        chunks(png);
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>
    /// A lossless WebP of one flat colour made by libvips: a couple of kilobytes that claim width×height pixels,
    /// all of which libwebp decodes into memory at once.
    /// </summary>
    public static byte[] FlatLosslessWebP(int width, int height)
    {
        VipsRuntime.EnsureInitialized();
        using var black = VipsOperation.Create("black").Set("width", width).Set("height", height).Set("bands", 3).Build();
        using var flat = black.OutputImage();
        return flat.Save("webpsave_buffer", op => op.Set("lossless", true).Set("strip", true));
    }

    /// <summary>
    /// An animated WebP of <paramref name="frames"/> 1×1 frames: about 40 bytes a frame, and a count libvips 8.14's
    /// n-pages does not report.
    /// </summary>
    public static byte[] AnimatedWebP(int frames)
    {
        var frame = WebPChunk(FlatLosslessWebP(1, 1), "VP8L");
        var header = new byte[10];
        header[0] = 0x02; // animation
        var animation = new byte[6];
        var body = new MemoryStream();
        WriteRiffChunk(body, "VP8X", header);
        WriteRiffChunk(body, "ANIM", animation);
        for (var i = 0; i < frames; i++)
        {
            var placement = new byte[16];
            placement[12] = 100; // duration in milliseconds
            WriteRiffChunk(body, "ANMF", [.. placement, .. frame]);
        }

        return Riff(body.ToArray());
    }

    /// <summary>An animated WebP whose last frame's chunk claims more bytes than the file holds: its frames cannot be counted.</summary>
    public static byte[] AnimatedWebPWithOverlongFrame()
    {
        var whole = AnimatedWebP(3);
        var lastFrame = 8 + 16 + WebPChunk(FlatLosslessWebP(1, 1), "VP8L").Length;
        BinaryPrimitives.WriteUInt32LittleEndian(whole.AsSpan(whole.Length - lastFrame + 4), 1_000_000);
        return whole;
    }

    /// <summary>An animated PNG (APNG) of <paramref name="frames"/> 1×1 frames, each with its fcTL and, after the first, its fdAT.</summary>
    public static byte[] AnimatedPng(int frames)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[2]);
        }

        var imageData = compressed.ToArray();
        var control = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(control, frames);
        return Png(1, 1, png =>
        {
            WriteChunk(png, "acTL", control);
            var sequence = 0;
            for (var i = 0; i < frames; i++)
            {
                var frame = new byte[26];
                BinaryPrimitives.WriteInt32BigEndian(frame, sequence++);
                BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), 1);
                BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(8), 1);
                frame[21] = 1; // delay denominator
                WriteChunk(png, "fcTL", frame);
                if (i == 0)
                {
                    WriteChunk(png, "IDAT", imageData);
                }
                else
                {
                    var data = new byte[4 + imageData.Length];
                    BinaryPrimitives.WriteInt32BigEndian(data, sequence++);
                    imageData.CopyTo(data, 4);
                    WriteChunk(png, "fdAT", data);
                }
            }
        });
    }

    /// <summary>An animated GIF of <paramref name="frames"/> 1×1 frames, each with its own two-colour table.</summary>
    public static byte[] AnimatedGif(int frames)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        gif.Write([1, 0, 1, 0, 0, 0, 0]);
        for (var i = 0; i < frames; i++)
        {
            // Descriptor at 0,0 of 1×1 with a local table of 2 colours; LZW codes clear, 0, end at 3 bits each.
            gif.Write([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0x80]);
            gif.Write([0, 0, 0, 255, 255, 255]);
            gif.Write([2, 2, 0x44, 0x01, 0]);
        }

        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    /// <summary>A GIF whose image data runs past the end of the file without a trailer.</summary>
    public static byte[] GifCutInItsImageData() => AnimatedGif(1)[..^3];

    // One chunk of a WebP file, with its header, as it stands.
    private static byte[] WebPChunk(byte[] webp, string fourCc)
    {
        for (var at = 12; at + 8 <= webp.Length;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(at + 4));
            var padded = size + (size & 1);
            if (Encoding.ASCII.GetString(webp, at, 4) == fourCc)
            {
                return webp[at..(at + 8 + padded)];
            }

            at += 8 + padded;
        }

        throw new InvalidOperationException($"libvips wrote a WebP without a {fourCc} chunk.");
    }

    private static byte[] Riff(byte[] body)
    {
        var file = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(4 + body.Length));
        "WEBP"u8.CopyTo(file.AsSpan(8));
        body.CopyTo(file, 12);
        return file;
    }

    private static void WriteRiffChunk(Stream riff, string fourCc, byte[] data)
    {
        riff.Write(Encoding.ASCII.GetBytes(fourCc));
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
        riff.Write(size);
        riff.Write(data);
        if ((data.Length & 1) != 0)
        {
            riff.WriteByte(0);
        }
    }

    /// <summary>A script-carrying SVG: a document, not a raster.</summary>
    public static byte[] ScriptedSvg() =>
        Encoding.UTF8.GetBytes("""<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>""");

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    // PNG's CRC-32 (ISO 3309), bit by bit: only test files are checksummed, so speed does not matter.
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
