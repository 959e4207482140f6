namespace VehicleImages.Imaging.Cutout;

/// <summary>
/// The background as one smooth colour surface, fitted to the image's border: a plain studio wall, a soft gradient
/// or a vignette. How well the border fits it is the first measure of how plain the background is.
/// </summary>
internal sealed class BackgroundModel
{
    // The surface is a full quadratic in u, v ∈ [-1, 1]: 1, u, v, u², uv, v². That is a gradient in any direction
    // or a vignette. Terms that bend one edge alone (u²v) are left out on purpose: they would let a shadow or a
    // car crossing one edge of the frame bend the whole surface, instead of being outvoted by the other edges.
    private const int Terms = 6;

    // Border samples come from a ring this deep, so one row of JPEG ringing at the frame's edge cannot decide alone.
    private const int RingDepth = 3;

    // Robust fitting: each round keeps the samples within this many levels of the last fit, then fits again. The
    // first rounds are loose so a gradient's ends are not thrown away before the gradient is fitted.
    private static readonly int[] RoundTolerances = [48, 24, 12];

    // The tolerance of the fill follows the measured noise, but never below this: 8-bit rounding of a smooth
    // gradient, and JPEG's own error on a flat wall, are a level or two.
    private const double MinimumTolerance = 3;
    private const double ToleranceInNoise = 4.5;

    private readonly double[,] _coefficients;

    private BackgroundModel(double[,] coefficients, double noise, double tolerance, double borderFit)
    {
        _coefficients = coefficients;
        Noise = noise;
        Tolerance = tolerance;
        BorderFit = borderFit;
    }

    /// <summary>Robust standard deviation, in levels, of the border samples around the surface.</summary>
    public double Noise { get; }

    /// <summary>How far, in levels of the most different channel, a pixel may be from the surface and still be background.</summary>
    public double Tolerance { get; }

    /// <summary>The fraction of border samples within <see cref="Tolerance"/> of the surface.</summary>
    public double BorderFit { get; }

    public static BackgroundModel Fit(RgbImage image)
    {
        var samples = BorderSamples(image, mask: null);
        var (coefficients, noise, tolerance, inliers) = Robust(samples);
        return new BackgroundModel(coefficients, noise, tolerance, (double)inliers / samples.Count);
    }

    /// <summary>
    /// How much of the border kept as car one more smooth surface explains (as a share of the whole border), and
    /// with what noise. A car crossing the frame is varied; a second backdrop (a studio's floor below its wall,
    /// which the fill could not take) is plain.
    /// </summary>
    public static (double Share, double Noise) SecondSurface(RgbImage image, byte[] mask)
    {
        var total = BorderSamples(image, mask: null).Count;
        var kept = BorderSamples(image, mask);
        if (kept.Count < Terms * 4)
        {
            return (0, 0);
        }

        var (_, noise, _, inliers) = Robust(kept);
        return ((double)inliers / total, noise);
    }

    private static (double[,] Coefficients, double Noise, double Tolerance, int Inliers) Robust(List<Sample> samples)
    {
        var coefficients = Constant(samples);
        foreach (var tolerance in RoundTolerances)
        {
            coefficients = LeastSquares(samples, Inliers(samples, coefficients, tolerance)) ?? coefficients;
        }

        var noise = RobustNoise(samples, Inliers(samples, coefficients, RoundTolerances[^1]), coefficients);
        var final = Math.Max(MinimumTolerance, ToleranceInNoise * noise);
        coefficients = LeastSquares(samples, Inliers(samples, coefficients, final)) ?? coefficients;
        return (coefficients, noise, final, Inliers(samples, coefficients, final).Count);
    }

    /// <summary>The surface rendered at every pixel, three bytes a pixel like the image.</summary>
    public byte[] Render(int width, int height)
    {
        var output = new byte[width * height * 3];
        var u = new double[width];
        for (var x = 0; x < width; x++)
        {
            u[x] = Normalise(x, width);
        }

        for (var y = 0; y < height; y++)
        {
            // Along a row the surface is a quadratic in u: a + b·u + c·u².
            var v = Normalise(y, height);
            var row = y * width * 3;
            for (var channel = 0; channel < 3; channel++)
            {
                var a = _coefficients[channel, 0] + (_coefficients[channel, 2] * v) + (_coefficients[channel, 5] * v * v);
                var b = _coefficients[channel, 1] + (_coefficients[channel, 4] * v);
                var c = _coefficients[channel, 3];
                for (var x = 0; x < width; x++)
                {
                    output[row + (x * 3) + channel] = (byte)Math.Clamp((int)Math.Round(a + (u[x] * (b + (c * u[x])))), 0, 255);
                }
            }
        }

        return output;
    }

    private static double Evaluate(double[,] coefficients, int channel, ReadOnlySpan<double> basis)
    {
        var value = 0.0;
        for (var t = 0; t < Terms; t++)
        {
            value += coefficients[channel, t] * basis[t];
        }

        return value;
    }

    private static double Normalise(int position, int size) => size <= 1 ? 0 : ((2.0 * position) / (size - 1)) - 1;

    private static void Basis(double u, double v, Span<double> basis)
    {
        basis[0] = 1;
        basis[1] = u;
        basis[2] = v;
        basis[3] = u * u;
        basis[4] = u * v;
        basis[5] = v * v;
    }

    // The ring of pixels along the frame's edges; only those kept as car (1 in mask) when a mask is given.
    private static List<Sample> BorderSamples(RgbImage image, byte[]? mask)
    {
        var (width, height) = (image.Width, image.Height);
        var depth = Math.Min(RingDepth, Math.Min(width, height) / 2);
        var samples = new List<Sample>(2 * depth * (width + height));
        for (var y = 0; y < height; y++)
        {
            var inRing = y < depth || y >= height - depth;
            for (var x = 0; x < width; x++)
            {
                if (!inRing && x == depth)
                {
                    x = width - depth;
                }

                if (mask is not null && mask[(y * width) + x] == 0)
                {
                    continue;
                }

                var i = ((y * width) + x) * 3;
                samples.Add(new Sample(Normalise(x, width), Normalise(y, height), image.Data[i], image.Data[i + 1], image.Data[i + 2]));
            }
        }

        return samples;
    }

    private static double[,] Constant(List<Sample> samples)
    {
        // The median colour, channel by channel: a car touching the frame cannot drag it the way it would a mean.
        var coefficients = new double[3, Terms];
        var values = new byte[samples.Count];
        for (var channel = 0; channel < 3; channel++)
        {
            for (var i = 0; i < samples.Count; i++)
            {
                values[i] = samples[i][channel];
            }

            Array.Sort(values);
            coefficients[channel, 0] = values[values.Length / 2];
        }

        return coefficients;
    }

    private static List<int> Inliers(List<Sample> samples, double[,] coefficients, double tolerance)
    {
        var inliers = new List<int>(samples.Count);
        Span<double> basis = stackalloc double[Terms];
        for (var i = 0; i < samples.Count; i++)
        {
            if (Residual(samples[i], coefficients, basis) <= tolerance)
            {
                inliers.Add(i);
            }
        }

        return inliers;
    }

    private static double Residual(Sample sample, double[,] coefficients, Span<double> basis)
    {
        Basis(sample.U, sample.V, basis);
        var worst = 0.0;
        for (var channel = 0; channel < 3; channel++)
        {
            worst = Math.Max(worst, Math.Abs(sample[channel] - Evaluate(coefficients, channel, basis)));
        }

        return worst;
    }

    private static double RobustNoise(List<Sample> samples, List<int> inliers, double[,] coefficients)
    {
        if (inliers.Count == 0)
        {
            return double.PositiveInfinity;
        }

        // 1.4826 × the median absolute residual estimates σ for Gaussian noise, unmoved by the outliers left.
        Span<double> basis = stackalloc double[Terms];
        var residuals = new double[inliers.Count];
        for (var i = 0; i < inliers.Count; i++)
        {
            residuals[i] = Residual(samples[inliers[i]], coefficients, basis);
        }

        Array.Sort(residuals);
        return 1.4826 * residuals[residuals.Length / 2];
    }

    private static double[,]? LeastSquares(List<Sample> samples, List<int> inliers)
    {
        if (inliers.Count < Terms * 4)
        {
            return null;
        }

        var normal = new double[Terms, Terms];
        var right = new double[3, Terms];
        Span<double> basis = stackalloc double[Terms];
        foreach (var index in inliers)
        {
            var sample = samples[index];
            Basis(sample.U, sample.V, basis);
            for (var i = 0; i < Terms; i++)
            {
                for (var j = 0; j < Terms; j++)
                {
                    normal[i, j] += basis[i] * basis[j];
                }

                for (var channel = 0; channel < 3; channel++)
                {
                    right[channel, i] += basis[i] * sample[channel];
                }
            }
        }

        return LinearSystem.Solve(normal, right);
    }

    private readonly record struct Sample(double U, double V, byte R, byte G, byte B)
    {
        public byte this[int channel] => channel switch { 0 => R, 1 => G, _ => B };
    }
}
