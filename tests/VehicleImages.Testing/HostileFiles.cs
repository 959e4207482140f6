using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

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

    private static byte[] OneBitGreyPng(int width, int height, byte[] imageData)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", imageData);
        WriteChunk(png, "IEND", []);
        return png.ToArray();
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
