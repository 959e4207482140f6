namespace VehicleImages.Application.Demo.Raster;

/// <summary>A colour with straight (not premultiplied) alpha; every component is 0–1.</summary>
internal readonly record struct Rgba(double R, double G, double B, double A = 1)
{
    public static Rgba White { get; } = new(1, 1, 1);

    public static Rgba Black { get; } = new(0, 0, 0);

    public static Rgba FromBytes(byte r, byte g, byte b) => new(r / 255d, g / 255d, b / 255d);

    /// <summary>The colour lit brighter (factor above 1) or darker (below 1); alpha is kept.</summary>
    public Rgba Times(double factor) => new(Clamp(R * factor), Clamp(G * factor), Clamp(B * factor), A);

    public static Rgba Lerp(Rgba a, Rgba b, double t) =>
        new(a.R + ((b.R - a.R) * t), a.G + ((b.G - a.G) * t), a.B + ((b.B - a.B) * t), a.A + ((b.A - a.A) * t));

    private static double Clamp(double value) => Math.Clamp(value, 0, 1);
}
