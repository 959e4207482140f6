using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging.Vips;

namespace VehicleImages.Imaging;

/// <summary>Pixels decoded once into memory, from which renditions and analyses are derived without decoding again.</summary>
public sealed class DecodedImage : IDisposable
{
    private readonly VipsImage _image;
    private readonly ImageProcessor _processor;

    internal DecodedImage(ImageHeader header, VipsImage image, ImageProcessor processor)
    {
        Header = header;
        _image = image;
        _processor = processor;
    }

    /// <summary>The original's header; the decoded pixels may be smaller.</summary>
    public ImageHeader Header { get; }

    public int Width => _image.Width;

    public int Height => _image.Height;

    public bool HasAlpha => _image.HasAlpha;

    /// <summary>
    /// A copy in memory fitted to a maxEdge square. Its dimensions are computed from the original's, not from
    /// these pixels, so a rendition made from this decode matches one made from the original directly.
    /// </summary>
    public DecodedImage Shrink(int maxEdge)
    {
        var (width, height) = RenditionSizes.FitLongEdge(maxEdge, Header.Width, Header.Height);
        if ((width, height) == (Width, Height))
        {
            return new DecodedImage(Header, _image.CopyMemory(), _processor);
        }

        using var lazy = _image.Resize(width, height);
        return new DecodedImage(Header, lazy.CopyMemory(), _processor);
    }

    /// <summary>Encodes as is, flattened onto white unless the background is transparent and the format keeps alpha.</summary>
    public EncodedImage Encode(Background background, ImageFormat format)
    {
        var flatten = _image.HasAlpha && (background == Background.Opaque || !format.SupportsAlpha());
        using var flat = flatten ? _image.Flatten(255, 255, 255) : null;
        var source = flat ?? _image;
        return new EncodedImage(_processor.Encode(source, format), format, source.Width, source.Height);
    }

    /// <summary>These pixels in managed memory, with alpha if the image has it.</summary>
    public PixelBuffer Pixels() => _image.ToPixels();

    public void Dispose() => _image.Dispose();
}
