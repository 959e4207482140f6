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
