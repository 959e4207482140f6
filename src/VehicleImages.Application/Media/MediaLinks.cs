using System.Globalization;
using VehicleImages.Domain.Images;

namespace VehicleImages.Application.Media;

/// <summary>Builds the signed links the API families return for images: expiring ones, and auto.dev's permanent photo files.</summary>
public sealed class MediaLinks(LinkSigner signer, MediaOptions options, TimeProvider clock)
{
    public const string Prefix = "/media";

    /// <summary>A root-relative link: "/media/{id}/{variant}?exp=…&amp;sig=…".</summary>
    public string For(ImageId id, MediaVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var path = PathOf(id, variant);
        var expires = ExpiryFor(clock.GetUtcNow());
        return string.Create(CultureInfo.InvariantCulture, $"{path}?exp={expires}&sig={signer.Sign(path, expires)}");
    }

    public static string PathOf(ImageId id, MediaVariant variant) => $"{Prefix}/{id}/{variant.Segment}";

    /// <summary>
    /// A root-relative path signed without expiry: "{path}?sig=…". For auto.dev's photo files, whose vendor's URLs are
    /// permanent and which listing sites therefore store.
    /// </summary>
    public string Permanent(string path) => $"{path}?sig={signer.SignPermanent(path)}";

    /// <summary>The expiry of a link made now: at least the lifetime away, rounded up to the bucket.</summary>
    public long ExpiryFor(DateTimeOffset now)
    {
        var earliest = (now + options.LinkLifetime).ToUnixTimeSeconds();
        var bucket = Math.Max(1, (long)options.LinkBucket.TotalSeconds);
        return (earliest + bucket - 1) / bucket * bucket;
    }
}
