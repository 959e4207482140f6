using System.Buffers.Binary;
using System.IO.Compression;
using VehicleImages.Imaging.Vips;

namespace VehicleImages.Imaging.Tests;

/// <summary>Images made by the tests themselves, for cases the corpus does not have.</summary>
internal static class TestImages
{
    public static VipsImage Gradient(int width, int height, int bands = 3)
    {
        VipsRuntime.EnsureInitialized();
        var data = new byte[width * height * bands];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * bands;
                data[i] = (byte)(x * 255 / Math.Max(1, width - 1));
                if (bands > 1)
                {
                    data[i + 1] = (byte)(y * 255 / Math.Max(1, height - 1));
                }

                for (var b = 2; b < bands; b++)
                {
                    data[i + b] = b == 3 ? (byte)(x < width / 2 ? 0 : 255) : (byte)128;
                }
            }
        }

        return VipsImage.FromPixels(new PixelBuffer(data, width, height, bands));
    }

    public static byte[] Save(VipsImage image, string saver, bool interlace = false) =>
        image.Save(saver, op => op.Set("interlace", interlace));

    /// <summary>
    /// A valid PNG that claims width×height one-bit grey pixels of zeros: tiny on disk, a gigapixel-class
    /// allocation if anything tried to decode it.
    /// </summary>
    public static byte[] PngBomb(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale
        WriteChunk(png, "IHDR", header);

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[1 + ((width + 7) / 8)];
                for (var y = 0; y < height; y++)
                {
                    zlib.Write(row);
                }
            }

            WriteChunk(png, "IDAT", compressed.ToArray());
        }

        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    // PNG's CRC-32 (ISO 3309), bit by bit: only test images are checksummed, so speed does not matter.
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
