using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Application.Curation;

/// <summary>Every blob an image can have: its original and each rendition that any request could have made.</summary>
internal static class ImageBlobs
{
    /// <summary>Rendition keys are a pure function of the content and the spec, so the set is known without listing the store.</summary>
    public static IEnumerable<string> KeysOf(VehicleImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return [BlobKeys.Original(image.Hash), .. RenditionSpec.AllFor(image.Width, image.Height, image.HasAlpha).Select(spec => BlobKeys.Rendition(image.Hash, spec))];
    }
}
