using System.Globalization;
using VehicleImages.Domain.Images;

namespace VehicleImages.Application.Media;

/// <summary>Builds the signed, expiring links every API family returns for images.</summary>
public sealed class MediaLinks(LinkSigner signer, MediaOptions options, TimeProvider clock)
{
    public const string Prefix = "/media";

    /// <summary>A root-relative link: "/media/{id}/{variant}?exp=…&amp;sig=…".</summary>
    public string For(ImageId id, MediaVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return ForPath(PathOf(id, variant));
    }

    public static string PathOf(ImageId id, MediaVariant variant) => $"{Prefix}/{id}/{variant.Segment}";

    /// <summary>Any root-relative path, signed and expiring like every media link (auto.dev's photo files use their vendor's paths).</summary>
    public string ForPath(string path)
    {
        var expires = ExpiryFor(clock.GetUtcNow());
        return string.Create(CultureInfo.InvariantCulture, $"{path}?exp={expires}&sig={signer.Sign(path, expires)}");
    }

    /// <summary>The expiry of a link made now: at least the lifetime away, rounded up to the bucket.</summary>
    public long ExpiryFor(DateTimeOffset now)
    {
        var earliest = (now + options.LinkLifetime).ToUnixTimeSeconds();
        var bucket = Math.Max(1, (long)options.LinkBucket.TotalSeconds);
        return (earliest + bucket - 1) / bucket * bucket;
    }
}
