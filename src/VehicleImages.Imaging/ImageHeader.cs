using VehicleImages.Domain.Images;

namespace VehicleImages.Imaging;

/// <summary>
/// What a file's header says, read without decoding pixels. Dimensions are as displayed (EXIF rotation applied).
/// <paramref name="ServableAsIs"/>: an 8-bit JPEG in sRGB or grey with no rotation to apply and no colour profile,
/// whose own compressed data, metadata removed, shows exactly the pixels a re-encode would start from.
/// </summary>
public sealed record ImageHeader(ImageFormat Format, int Width, int Height, bool HasAlpha, int Pages, bool Interlaced, bool ServableAsIs = false)
{
    public long Pixels => (long)Width * Height;
}
