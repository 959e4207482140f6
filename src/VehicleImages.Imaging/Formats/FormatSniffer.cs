using System.Text;
using VehicleImages.Domain.Images;

namespace VehicleImages.Imaging.Formats;

/// <summary>What the first bytes of a file say it is.</summary>
public enum SniffedKind
{
    Empty,
    Raster,
    Svg,
    Pdf,
    Html,
    Text,
    Unknown,
}

/// <summary>The verdict of <see cref="FormatSniffer"/>; <see cref="Format"/> is set only for rasters.</summary>
public readonly record struct Sniffed(SniffedKind Kind, ImageFormat? Format = null);

/// <summary>Identifies a format from magic bytes. File extensions lie (the corpus has WebP files named .jpg); bytes do not.</summary>
public static class FormatSniffer
{
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static Sniffed Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return new(SniffedKind.Empty);
        }

        if (bytes.StartsWith(Jpeg))
        {
            return Raster(ImageFormat.Jpeg);
        }

        if (bytes.StartsWith(Png))
        {
            return Raster(ImageFormat.Png);
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return Raster(ImageFormat.WebP);
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return Raster(ImageFormat.Gif);
        }

        if (bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8))
        {
            return Raster(ImageFormat.Tiff);
        }

        if (IsoMediaBrand(bytes) is { } heif)
        {
            return Raster(heif);
        }

        if (bytes.StartsWith("%PDF"u8))
        {
            return new(SniffedKind.Pdf);
        }

        return SniffText(bytes);
    }

    private static Sniffed Raster(ImageFormat format) => new(SniffedKind.Raster, format);

    // HEIF files are ISO media: a 'ftyp' box whose major or compatible brands say AVIF or HEIC.
    private static ImageFormat? IsoMediaBrand(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 16 || !bytes[4..8].SequenceEqual("ftyp"u8))
        {
            return null;
        }

        var boxSize = (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
        var end = Math.Min(bytes.Length, boxSize < 16 ? 16 : boxSize);
        ImageFormat? found = null;
        for (var offset = 8; offset + 4 <= end; offset += 4)
        {
            if (offset == 12)
            {
                continue; // minor version, not a brand
            }

            var brand = bytes.Slice(offset, 4);
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
            {
                return ImageFormat.Avif;
            }

            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("heim"u8) || brand.SequenceEqual("heis"u8))
            {
                found = ImageFormat.Heic;
            }
        }

        return found;
    }

    private static Sniffed SniffText(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (!LooksLikeText(head))
        {
            return new(SniffedKind.Unknown);
        }

        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith("<svg", StringComparison.OrdinalIgnoreCase) ||
            (text.StartsWith('<') && text.Contains("<svg", StringComparison.OrdinalIgnoreCase)))
        {
            return new(SniffedKind.Svg);
        }

        if (text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return new(SniffedKind.Html);
        }

        return new(SniffedKind.Text);
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            // Control characters other than tab, CR, LF and form feed mean binary; bytes >= 0x80 may be UTF-8.
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D))
            {
                return false;
            }
        }

        return true;
    }
}
