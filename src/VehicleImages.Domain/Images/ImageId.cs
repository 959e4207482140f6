using System.Globalization;

namespace VehicleImages.Domain.Images;

/// <summary>
/// An image's public ID: the first 64 bits of its content hash, written as 16 hex digits. Deterministic, so
/// an interrupted and resumed ingest gives the same IDs as a clean one, and compact enough for a rowid.
/// </summary>
public readonly record struct ImageId(long Value)
{
    public static bool TryParse(string? text, out ImageId id)
    {
        id = default;
        if (text is not { Length: 16 } || !ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits))
        {
            return false;
        }

        id = new ImageId(unchecked((long)bits));
        return true;
    }

    public static ImageId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an image ID (16 hex digits).");

    public override string ToString() => unchecked((ulong)Value).ToString("x16", CultureInfo.InvariantCulture);
}
