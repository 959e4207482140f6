namespace VehicleImages.Application.Demo.Raster;

/// <summary>
/// Soft shadows gathered at a fraction of the canvas's resolution, which blurs this soft cannot show, and laid on
/// the canvas in one pass (<see cref="Canvas.Shade"/>): blurring at full size would cost most of a picture's time.
/// </summary>
internal sealed class ShadowLayer
{
    private readonly float[] _alpha;
    private readonly int _width;
    private readonly int _height;
    private (int Left, int Top, int Right, int Bottom) _extent = (int.MaxValue, int.MaxValue, 0, 0);

    public ShadowLayer(int canvasWidth, int canvasHeight, int shrink)
    {
        Shrink = shrink;
        (_width, _height) = ((canvasWidth / shrink) + 1, (canvasHeight / shrink) + 1);
        _alpha = new float[_width * _height];
    }

    /// <summary>How many canvas pixels one layer pixel spans in each direction.</summary>
    public int Shrink { get; }

    /// <summary>Adds a shape (in canvas pixels) blurred by <paramref name="blur"/> canvas pixels, at the given opacity.</summary>
    public void Add(Shape shape, double blur, double opacity)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var small = new Shape([.. shape.Contours.Select(contour => (IReadOnlyList<Point2>)[.. contour.Select(p => p * (1d / Shrink))])]);
        var radius = Math.Max(1, (int)Math.Round(blur / Shrink));
        if (CoverageMask.Rasterise(small, _width, _height, padding: (2 * radius) + 1) is not { } mask)
        {
            return;
        }

        mask.Blur(radius);
        for (var row = 0; row < mask.Height; row++)
        {
            for (var column = 0; column < mask.Width; column++)
            {
                var i = ((mask.Top + row) * _width) + mask.Left + column;
                _alpha[i] = Math.Min(1, _alpha[i] + (float)(mask.Values[(row * mask.Width) + column] * opacity));
            }
        }

        _extent = (Math.Min(_extent.Left, mask.Left), Math.Min(_extent.Top, mask.Top),
            Math.Max(_extent.Right, mask.Left + mask.Width), Math.Max(_extent.Bottom, mask.Top + mask.Height));
    }

    /// <summary>The layer pixels that hold any shadow, as left, top, right and bottom (exclusive).</summary>
    public (int Left, int Top, int Right, int Bottom) Extent() => _extent;

    /// <summary>The shadow's opacity at a point in layer coordinates, interpolated between layer pixels.</summary>
    public float Sample(double x, double y)
    {
        var (x0, y0) = ((int)Math.Floor(x), (int)Math.Floor(y));
        var (tx, ty) = ((float)(x - x0), (float)(y - y0));
        var top = (At(x0, y0) * (1 - tx)) + (At(x0 + 1, y0) * tx);
        var bottom = (At(x0, y0 + 1) * (1 - tx)) + (At(x0 + 1, y0 + 1) * tx);
        return (top * (1 - ty)) + (bottom * ty);
    }

    private float At(int x, int y) => x >= 0 && y >= 0 && x < _width && y < _height ? _alpha[(y * _width) + x] : 0;
}
