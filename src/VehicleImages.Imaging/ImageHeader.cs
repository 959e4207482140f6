using VehicleImages.Domain.Images;

namespace VehicleImages.Imaging;

/// <summary>
/// What a file's header says, read without decoding pixels. Dimensions are as displayed (EXIF rotation applied).
/// <paramref name="PlainJpeg"/>: a JPEG of grey or colour (not CMYK) pixels with no rotation to apply, which
/// libjpeg-turbo's own output shows as it is.
/// <paramref name="ServableAsIs"/>: a plain JPEG with no colour profile either, whose own compressed data, metadata
/// removed, shows exactly the pixels a re-encode would start from.
/// </summary>
public sealed record ImageHeader(
    ImageFormat Format, int Width, int Height, bool HasAlpha, int Pages, bool Interlaced, bool PlainJpeg = false, bool ServableAsIs = false)
{
    public long Pixels => (long)Width * Height;
}
