namespace VehicleImages.Imaging.Formats;

/// <summary>
/// Counts the scans (start-of-scan markers) a decoder would read in a JPEG, from its bytes alone. Each scan of a
/// progressive JPEG is a pass over every block of the image, so a few hundred kilobytes of tiny scans can cost
/// minutes of CPU; counting them first is a single pass over the bytes.
/// </summary>
public static class JpegScans
{
    private const byte Prefix = 0xFF;
    private const byte Temporary = 0x01;     // TEM: no length
    private const byte FirstRestart = 0xD0;  // RST0..RST7: no length, inside scans
    private const byte LastRestart = 0xD7;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;

    /// <summary>
    /// The number of scans before the end-of-image marker, counting no further than <paramref name="stopAbove"/> + 1
    /// (enough to tell that a limit is passed). Markers are found as libjpeg finds them: any bytes between segments
    /// are skipped up to the next 0xFF, fill bytes (0xFF 0xFF) and stuffed zeros (0xFF 0x00) are not markers, and a
    /// segment's length is skipped whole, so a scan hidden from this count is hidden from the decoder too.
    /// </summary>
    public static int Count(ReadOnlySpan<byte> jpeg, int stopAbove)
    {
        var scans = 0;
        var position = 2; // after the start-of-image marker
        while (scans <= stopAbove)
        {
            var found = jpeg[position..].IndexOf(Prefix);
            if (found < 0)
            {
                return scans;
            }

            position += found + 1;
            while (position < jpeg.Length && jpeg[position] == Prefix)
            {
                position++;
            }

            if (position >= jpeg.Length)
            {
                return scans;
            }

            var marker = jpeg[position++];
            if (marker is 0 or Temporary or StartOfImage or (>= FirstRestart and <= LastRestart))
            {
                continue;
            }

            if (marker == EndOfImage || position + 2 > jpeg.Length)
            {
                return scans;
            }

            if (marker == StartOfScan)
            {
                scans++;
            }

            // The entropy-coded data after a scan's header holds no 0xFF but as 0xFF 0x00, so the search for the
            // next marker skips it.
            position += (jpeg[position] << 8) | jpeg[position + 1];
            if (position >= jpeg.Length)
            {
                return scans;
            }
        }

        return scans;
    }
}
