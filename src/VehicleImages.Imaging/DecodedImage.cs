using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging.Resampling;

namespace VehicleImages.Imaging;

/// <summary>Pixels decoded once into memory, from which renditions and analyses are derived without decoding again.</summary>
public sealed class DecodedImage
{
    private readonly PixelBuffer _pixels;
    private readonly ImageProcessor _processor;

    internal DecodedImage(ImageHeader header, PixelBuffer pixels, ImageProcessor processor)
    {
        Header = header;
        _pixels = pixels;
        _processor = processor;
    }

    /// <summary>The original's header; the decoded pixels may be smaller.</summary>
    public ImageHeader Header { get; }

    public int Width => _pixels.Width;

    public int Height => _pixels.Height;

    public bool HasAlpha => _pixels.HasAlpha;

    /// <summary>
    /// These pixels fitted to a maxEdge square. Its dimensions are computed from the original's, not from these
    /// pixels, so a rendition made from this decode matches one made from the original directly.
    /// </summary>
    public DecodedImage Shrink(int maxEdge)
    {
        var (width, height) = RenditionSizes.FitLongEdge(maxEdge, Header.Width, Header.Height);
        return new DecodedImage(Header, Resampler.Resize(_pixels, width, height), _processor);
    }

    /// <summary>Encodes as is, flattened onto white unless the background is transparent and the format keeps alpha.</summary>
    public EncodedImage Encode(Background background, ImageFormat format) =>
        _processor.Encode(ImageProcessor.FlattenFor(background, _pixels), format);

    /// <summary>These pixels, with alpha if the image has it; shared with every caller, so read, never written.</summary>
    public PixelBuffer Pixels() => _pixels;
}
