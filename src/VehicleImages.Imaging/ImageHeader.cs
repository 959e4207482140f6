using VehicleImages.Domain.Images;

namespace VehicleImages.Imaging;

/// <summary>What a file's header says, read without decoding pixels. Dimensions are as displayed (EXIF rotation applied).</summary>
public sealed record ImageHeader(ImageFormat Format, int Width, int Height, bool HasAlpha, int Pages, bool Interlaced)
{
    public long Pixels => (long)Width * Height;
}
