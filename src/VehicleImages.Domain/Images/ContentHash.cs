using System.Security.Cryptography;

namespace VehicleImages.Domain.Images;

/// <summary>The SHA-256 of an original's bytes: its deduplication key and the name of its blob.</summary>
public readonly record struct ContentHash
{
    private readonly string _hex;

    private ContentHash(string hex) => _hex = hex;

    /// <summary>64 lowercase hex digits.</summary>
    public string Hex => _hex ?? throw new InvalidOperationException("Default ContentHash has no value.");

    public static ContentHash Of(ReadOnlySpan<byte> content) => new(Convert.ToHexStringLower(SHA256.HashData(content)));

    public static bool TryParse(string? hex, out ContentHash hash)
    {
        hash = default;
        if (hex is not { Length: 64 } || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        hash = new ContentHash(hex.ToLowerInvariant());
        return true;
    }

    public static ContentHash Parse(string hex) =>
        TryParse(hex, out var hash) ? hash : throw new FormatException($"'{hex}' is not a SHA-256 hex string.");

    /// <summary>The image ID this content gets: the first 64 bits of the hash, so the same bytes always get the same ID.</summary>
    public ImageId ImageId => ImageId.Parse(Hex[..16]);

    public override string ToString() => _hex ?? "";
}
