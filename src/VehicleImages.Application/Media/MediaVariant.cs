using System.Diagnostics.CodeAnalysis;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Application.Media;

/// <summary>
/// What a media link serves: the original file as ingested, or a rendition (size, background, format, framed or
/// not). A null format means "auto": chosen per request from the Accept header.
/// </summary>
public sealed record MediaVariant(RenditionSize? Size, Background Background, ImageFormat? Format, bool Framed = false)
{
    private const string FramedSuffix = "-framed";

    public static readonly MediaVariant Original = new(null, Background.Opaque, null);

    public bool IsOriginal => Size is null;

    public static MediaVariant Rendition(RenditionSpec spec) => new(spec.Size, spec.Background, spec.Format, spec.Framed);

    /// <summary>The last segment of the link's path: "original", "large-opaque.jpg", "small-transparent.auto", "large-cutout-framed.png".</summary>
    public string Segment => IsOriginal
        ? "original"
        : $"{Size!.Value.ToString().ToLowerInvariant()}-{Background.ToString().ToLowerInvariant()}{(Framed ? FramedSuffix : "")}.{Extension(Format)}";

    public static bool TryParse(string? segment, [NotNullWhen(true)] out MediaVariant? variant)
    {
        variant = null;
        if (segment == "original")
        {
            variant = Original;
            return true;
        }

        var dot = segment?.LastIndexOf('.') ?? -1;
        var dash = segment?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (segment is null || dot < 0 || dash < 0 || dash > dot)
        {
            return false;
        }

        var middle = segment[(dash + 1)..dot];
        var framed = middle.EndsWith(FramedSuffix, StringComparison.Ordinal);
        if (!TryNamed(segment[..dash], out RenditionSize size) || !TryNamed(framed ? middle[..^FramedSuffix.Length] : middle, out Background background))
        {
            return false;
        }

        if (!TryFormat(segment[(dot + 1)..], out var format))
        {
            return false;
        }

        variant = new MediaVariant(size, background, format, framed);
        return true;
    }

    private static readonly (string Extension, ImageFormat? Format)[] Extensions =
        [("jpg", ImageFormat.Jpeg), ("png", ImageFormat.Png), ("webp", ImageFormat.WebP), ("avif", ImageFormat.Avif), ("auto", null)];

    private static bool TryFormat(string extension, out ImageFormat? format)
    {
        foreach (var (known, value) in Extensions)
        {
            if (known == extension)
            {
                format = value;
                return true;
            }
        }

        format = null;
        return false;
    }

    private static string Extension(ImageFormat? format) => format switch
    {
        null => "auto",
        ImageFormat.Jpeg => "jpg",
        ImageFormat.Png => "png",
        ImageFormat.WebP => "webp",
        ImageFormat.Avif => "avif",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Renditions are JPEG, PNG, WebP or AVIF."),
    };

    // Lower-case names only, so each variant has exactly one spelling and one signature.
    private static bool TryNamed<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString().ToLowerInvariant(), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
