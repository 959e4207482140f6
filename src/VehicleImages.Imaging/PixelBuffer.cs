namespace VehicleImages.Imaging;

/// <summary>Interleaved 8-bit pixels in managed memory: the form the pixel analyses work on.</summary>
public sealed class PixelBuffer
{
    public PixelBuffer(byte[] data, int width, int height, int bands)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != checked(width * height * bands))
        {
            throw new ArgumentException($"{data.Length} bytes do not make {width}x{height}x{bands} pixels.", nameof(data));
        }

        Data = data;
        Width = width;
        Height = height;
        Bands = bands;
    }

    public byte[] Data { get; }

    public int Width { get; }

    public int Height { get; }

    public int Bands { get; }

    /// <summary>True when the last band is alpha (2 or 4 bands).</summary>
    public bool HasAlpha => Bands is 2 or 4;

    public byte this[int x, int y, int band] => Data[(((y * Width) + x) * Bands) + band];

    /// <summary>These pixels resized to exactly width×height (Lanczos-3); the caller keeps or drops the aspect.</summary>
    public PixelBuffer ResizedTo(int width, int height) => Resampling.Resampler.Resize(this, width, height);
}
