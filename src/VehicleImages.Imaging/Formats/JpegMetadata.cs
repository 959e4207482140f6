namespace VehicleImages.Imaging.Formats;

/// <summary>
/// Removes everything from a JPEG file that is not needed to draw it: EXIF (camera, GPS), XMP, IPTC, comments,
/// embedded thumbnails, colour profiles and anything after the end marker, while keeping the compressed image data
/// byte for byte. Serving an original this way costs no re-encode and loses no quality.
/// </summary>
public static class JpegMetadata
{
    private const byte Prefix = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;
    private const byte Adobe = 0xEE; // APP14: says whether three channels are YCbCr or RGB, so decoders need it

    /// <summary>
    /// The same JPEG with only the segments a decoder needs, or null when the file's structure is not what the
    /// standard describes (then the caller re-encodes, which is always correct).
    /// </summary>
    public static byte[]? Strip(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != Prefix || jpeg[1] != StartOfImage)
        {
            return null;
        }

        var output = new byte[jpeg.Length];
        output[0] = Prefix;
        output[1] = StartOfImage;
        var written = 2;
        var position = 2;
        var sawFrame = false;
        while (true)
        {
            if (position >= jpeg.Length || jpeg[position] != Prefix)
            {
                return null;
            }

            // A marker may be preceded by any number of 0xFF fill bytes.
            while (position < jpeg.Length && jpeg[position] == Prefix)
            {
                position++;
            }

            if (position >= jpeg.Length)
            {
                return null;
            }

            var marker = jpeg[position++];
            if (marker == EndOfImage)
            {
                if (!sawFrame)
                {
                    return null;
                }

                output[written++] = Prefix;
                output[written++] = EndOfImage;
                return output.AsSpan(0, written).ToArray();
            }

            if (position + 2 > jpeg.Length)
            {
                return null;
            }

            var length = (jpeg[position] << 8) | jpeg[position + 1];
            if (length < 2 || position + length > jpeg.Length || !IsSegment(marker))
            {
                return null;
            }

            var segment = jpeg.Slice(position, length);
            position += length;
            sawFrame |= IsFrame(marker);
            if (!Keep(marker))
            {
                continue;
            }

            output[written++] = Prefix;
            output[written++] = marker;
            segment.CopyTo(output.AsSpan(written));
            written += segment.Length;
            if (marker == StartOfScan)
            {
                if (!sawFrame)
                {
                    return null;
                }

                var scan = ScanLength(jpeg[position..]);
                jpeg.Slice(position, scan).CopyTo(output.AsSpan(written));
                written += scan;
                position += scan;
            }
        }
    }

    /// <summary>
    /// The IJG quality (1-100) the file's luminance quantisation table corresponds to, estimated as libjpeg and
    /// ImageMagick do: the table's mean ratio to the standard table, mapped back through libjpeg's quality scaling.
    /// Null when the file has no luminance table before its first scan.
    /// </summary>
    public static int? EstimatedQuality(ReadOnlySpan<byte> jpeg)
    {
        var position = 2;
        while (position + 4 <= jpeg.Length && jpeg[position] == Prefix)
        {
            var marker = jpeg[position + 1];
            var length = (jpeg[position + 2] << 8) | jpeg[position + 3];
            if (marker == StartOfScan || length < 2 || position + 2 + length > jpeg.Length)
            {
                return null;
            }

            // A DQT segment holds one or more tables: precision and id in one byte, then 64 entries of 1 or 2 bytes.
            var tables = jpeg.Slice(position + 4, length - 2);
            while (marker == 0xDB && tables.Length > 0)
            {
                var (wide, id) = (tables[0] >> 4 != 0, tables[0] & 0x0F);
                var size = wide ? 128 : 64;
                if (tables.Length < 1 + size)
                {
                    return null;
                }

                if (id == 0)
                {
                    return Quality(tables.Slice(1, size), wide);
                }

                tables = tables[(1 + size)..];
            }

            position += 2 + length;
        }

        return null;
    }

    private static int Quality(ReadOnlySpan<byte> table, bool wide)
    {
        // The order of the entries (zigzag) does not matter to a mean over all 64, as long as both tables agree.
        var percent = 0d;
        for (var i = 0; i < 64; i++)
        {
            var entry = wide ? (table[2 * i] << 8) | table[(2 * i) + 1] : table[i];
            percent += entry * 100d / StandardLuminanceZigzag[i];
        }

        percent /= 64;
        var quality = percent <= 100 ? (200 - percent) / 2 : 5000 / percent;
        return (int)Math.Clamp(Math.Round(quality), 1, 100);
    }

    // Annex K's luminance table (libjpeg's quality 50), in the zigzag order tables are stored in.
    private static readonly int[] StandardLuminanceZigzag =
    [
        16, 11, 12, 14, 12, 10, 16, 14, 13, 14, 18, 17, 16, 19, 24, 40, 26, 24, 22, 22, 24, 49, 35, 37, 29, 40, 58, 51,
        61, 60, 57, 51, 56, 55, 64, 72, 92, 78, 64, 68, 87, 69, 55, 56, 80, 109, 81, 87, 95, 98, 103, 104, 103, 62, 77,
        113, 121, 112, 100, 120, 92, 101, 103, 99,
    ];

    // The compressed data after a scan header runs to the next marker that is neither a stuffed 0xFF (0xFF00) nor
    // a restart marker (0xFFD0-0xFFD7), which belong to the data.
    private static int ScanLength(ReadOnlySpan<byte> data)
    {
        var index = 0;
        while (true)
        {
            var next = data[index..].IndexOf(Prefix);
            if (next < 0 || index + next + 1 >= data.Length)
            {
                return data.Length; // runs off the end: the marker loop then finds no end marker and gives up
            }

            index += next;
            var following = data[index + 1];
            if (following == 0x00 || following is >= 0xD0 and <= 0xD7)
            {
                index += 2;
                continue;
            }

            return index;
        }
    }

    // Markers with a length field. Standalone markers (TEM, RSTn, SOI) have none and cannot appear between segments.
    private static bool IsSegment(byte marker) => marker is >= 0xC0 and not (>= 0xD0 and <= 0xD9) and not 0xFF;

    // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    private static bool IsFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    // What decoding needs: frame headers, Huffman and arithmetic tables, quantisation tables, restart interval,
    // line count, scans, and Adobe's colour transform flag. APP0-APP13, APP15 and comments are metadata.
    private static bool Keep(byte marker) =>
        IsFrame(marker) || marker is 0xC4 or 0xCC or 0xDB or 0xDD or 0xDC or StartOfScan or Adobe;
}
