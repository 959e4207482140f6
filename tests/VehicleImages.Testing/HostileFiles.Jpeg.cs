namespace VehicleImages.Testing;

/// <summary>JPEGs made to cost a decoder far more than their bytes, or to look whole when they are not.</summary>
public static partial class HostileFiles
{
    private const int BlockSize = 8;
    private const int LongestEndOfBandRun = 32767; // symbol 0xE0 and 14 one bits: an EOBRUN of 2^15 - 1 blocks

    /// <summary>
    /// A valid grey progressive JPEG of width×height whose coefficients are all zero, written as one DC scan and
    /// then <paramref name="acScans"/> AC scans of a single coefficient, each a handful of end-of-band runs: about
    /// 25 bytes a scan, however large the image, while a decoder passes over every block at every scan. Each AC scan
    /// repeats a first pass at full precision, which the standard's progression rules allow, so libjpeg decodes it
    /// without a warning.
    /// </summary>
    public static byte[] JpegWithManyScans(int width, int height, int acScans)
    {
        var blocks = ((width + BlockSize - 1) / BlockSize) * ((height + BlockSize - 1) / BlockSize);
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        WriteSegment(jpeg, 0xDB, [0x00, .. Enumerable.Repeat((byte)1, 64)]); // one quantisation table of ones
        WriteSegment(jpeg, 0xC2, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
        WriteSegment(jpeg, 0xC4, [0x00, 1, .. new byte[15], 0x00]); // DC table 0: one code "0", difference 0
        WriteSegment(jpeg, 0xC4, [0x10, 1, .. new byte[15], 0xE0]); // AC table 0: one code "0", EOBRUN 2^14 + 14 bits

        WriteSegment(jpeg, 0xDA, [1, 1, 0x00, 0, 0, 0x00]); // DC first pass: one zero bit per block
        var dc = new EntropyWriter();
        for (var block = 0; block < blocks; block++)
        {
            dc.Write(0, 1);
        }

        jpeg.Write(dc.Finish());

        var ac = new EntropyWriter();
        for (var run = 0; run < blocks; run += LongestEndOfBandRun)
        {
            ac.Write(0, 1);
            ac.Write(LongestEndOfBandRun - (1 << 14), 14);
        }

        var acData = ac.Finish();
        for (var scan = 0; scan < acScans; scan++)
        {
            WriteSegment(jpeg, 0xDA, [1, 1, 0x00, 1, 1, 0x00]); // coefficient 1 only, first pass, full precision
            jpeg.Write(acData);
        }

        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    /// <summary>
    /// The first <paramref name="fraction"/> of a JPEG's bytes with an end-of-image marker appended: it ends where
    /// a JPEG should, but its picture stops part-way, where a decoder fills in grey.
    /// </summary>
    public static byte[] JpegCutShort(byte[] jpeg, double fraction)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        return [.. jpeg.AsSpan(0, (int)(jpeg.Length * fraction)), 0xFF, 0xD9];
    }

    private static void WriteSegment(Stream jpeg, byte marker, byte[] body)
    {
        var length = body.Length + 2;
        jpeg.Write([0xFF, marker, (byte)(length >> 8), (byte)length]);
        jpeg.Write(body);
    }

    /// <summary>Entropy-coded bits, most significant first, with a zero stuffed after each 0xFF as JPEG requires.</summary>
    private sealed class EntropyWriter
    {
        private readonly List<byte> _bytes = [];
        private int _current;
        private int _filled;

        public void Write(int value, int bits)
        {
            for (var bit = bits - 1; bit >= 0; bit--)
            {
                _current = (_current << 1) | ((value >> bit) & 1);
                if (++_filled == 8)
                {
                    Flush();
                }
            }
        }

        /// <summary>The bytes so far, the last one padded with one bits.</summary>
        public byte[] Finish()
        {
            while (_filled != 0)
            {
                Write(1, 1);
            }

            return [.. _bytes];
        }

        private void Flush()
        {
            _bytes.Add((byte)_current);
            if (_current == 0xFF)
            {
                _bytes.Add(0);
            }

            (_current, _filled) = (0, 0);
        }
    }
}
