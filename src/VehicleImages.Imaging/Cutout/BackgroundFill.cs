namespace VehicleImages.Imaging.Cutout;

/// <summary>
/// Flood-fills the background from the frame's edges: only background connected to the edges is removed, so white
/// paint inside the car's outline stays however close it is to the wall's colour.
/// </summary>
internal static class BackgroundFill
{
    /// <summary>A pixel the fill has not reached: the car, or whatever else is not background.</summary>
    public const byte Foreground = 0;

    /// <summary>A pixel within tolerance of the background surface.</summary>
    public const byte Plain = 1;

    /// <summary>A pixel of the background darkened by a soft shadow.</summary>
    public const byte Shadow = 2;

    // A shadow darkens the background without changing its hue, to no less than this fraction of its brightness
    // (a studio's soft contact shadow); darker neutral pixels, like tyres, are never taken for shadow.
    private const double DarkestShadow = 0.55;

    // A soft shadow changes slowly: the fill crosses into it only by steps of at most this many levels between
    // neighbours (more on a noisy photo), so it stops at the hard edge between a shadow and the car.
    private const double ShadowStep = 4;
    private const double ShadowStepInNoise = 3;

    // Shadow is kept only within this radius of a (2r+1)² square of background connected to the edges: a leak into
    // the car through a gate narrower than that, where the car's edge happens to match the shadow, is cut off.
    private const int OpeningRadius = 3;

    // Two foreground pixels in a column count as car, one is noise.
    private const int MinimumCarRun = 2;

    /// <summary>Labels every pixel <see cref="Plain"/>, <see cref="Shadow"/> or <see cref="Foreground"/>.</summary>
    public static byte[] Run(RgbImage image, byte[] surface, double tolerance, double noise)
    {
        var (width, height) = (image.Width, image.Height);
        var labels = new byte[image.Count];
        var step = Math.Max(ShadowStep, ShadowStepInNoise * noise);
        var criteria = new Criteria(image.Data, surface, (int)tolerance, (int)step);
        Flood(width, height, labels, criteria);
        KeepShadowUnderCar(width, height, labels, criteria);
        KeepWhatWideBackgroundReaches(width, height, labels);
        return labels;
    }

    private static void Flood(int width, int height, byte[] labels, Criteria criteria)
    {
        var queue = new int[labels.Length];
        var (head, tail) = (0, 0);
        for (var i = 0; i < labels.Length; i++)
        {
            var (x, y) = (i % width, i / width);
            var onBorder = x == 0 || y == 0 || x == width - 1 || y == height - 1;
            if (onBorder && criteria.IsPlain(i))
            {
                labels[i] = Plain;
                queue[tail++] = i;
            }
        }

        // Breadth first from every seed at once. A pixel refused from one neighbour stays unlabelled and is tried
        // again from the next, so the result does not depend on the order of the queue.
        while (head < tail)
        {
            var i = queue[head++];
            var x = i % width;
            if (x > 0)
            {
                Visit(i, i - 1);
            }

            if (x < width - 1)
            {
                Visit(i, i + 1);
            }

            if (i >= width)
            {
                Visit(i, i - width);
            }

            if (i < labels.Length - width)
            {
                Visit(i, i + width);
            }
        }

        void Visit(int from, int to)
        {
            if (labels[to] != Foreground)
            {
                return;
            }

            var label = criteria.IsPlain(to) ? Plain : criteria.IsShadow(from, to) ? Shadow : Foreground;
            if (label != Foreground)
            {
                labels[to] = label;
                queue[tail++] = to;
            }
        }
    }

    private static void KeepShadowUnderCar(int width, int height, byte[] labels, Criteria criteria)
    {
        // A car's shadow lies on the floor beneath it: in any column, shadow never has car below it. Light paint
        // that the fill mistook for shadow (a silver roof against a grey wall) always has the rest of the car
        // below, so it goes back to the car. Dark neutral pixels are no evidence of car: they may be the darkest
        // core of the shadow itself, under a bumper. Rows are walked bottom up with a state per column.
        var run = new int[width];
        var underCar = new bool[width];
        for (var y = height - 1; y >= 0; y--)
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var label = labels[row + x];
                if (label == Foreground)
                {
                    run[x] = criteria.IsDarkNeutral(row + x) ? 0 : run[x] + 1;
                    underCar[x] |= run[x] >= MinimumCarRun;
                    continue;
                }

                run[x] = 0;
                if (label == Shadow && underCar[x])
                {
                    labels[row + x] = Foreground;
                }
            }
        }
    }

    private static void KeepWhatWideBackgroundReaches(int width, int height, byte[] labels)
    {
        // An opening: the core is the pixels whose whole (2r+1)² square is background. Only core connected to the
        // frame's edges counts, and background survives only within r of it. A leak of the fill into the car
        // through a gate narrower than the square (where the car's edge happens to match the shadow or the wall)
        // is cut off and given back to the car.
        var background = new byte[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            background[i] = labels[i] == Foreground ? (byte)0 : (byte)1;
        }

        var core = Morphology.Erode(background, width, height, OpeningRadius);
        var components = RunComponents.Of(core, width, height, eightConnected: false);
        var connected = components.OnBorder(width, height);
        var reached = new byte[labels.Length];
        foreach (var (y, start, end, component) in components.Runs)
        {
            if (connected.Contains(component))
            {
                Array.Fill(reached, (byte)1, (y * width) + start, end - start);
            }
        }

        var kept = Morphology.Dilate(reached, width, height, OpeningRadius);
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = kept[i] == 1 ? labels[i] : Foreground;
        }
    }

    private readonly struct Criteria(byte[] pixels, byte[] surface, int tolerance, int shadowStep)
    {
        public bool IsPlain(int i)
        {
            var p = i * 3;
            return Math.Abs(pixels[p] - surface[p]) <= tolerance
                && Math.Abs(pixels[p + 1] - surface[p + 1]) <= tolerance
                && Math.Abs(pixels[p + 2] - surface[p + 2]) <= tolerance;
        }

        public bool IsDarkNeutral(int i)
        {
            var p = i * 3;
            var brightness = pixels[p] + pixels[p + 1] + pixels[p + 2];
            var expected = surface[p] + surface[p + 1] + surface[p + 2];
            var k = (double)brightness / Math.Max(1, expected);
            return k < DarkestShadow && Neutral(p, k);
        }

        public bool IsShadow(int from, int to)
        {
            var (f, p) = (from * 3, to * 3);
            if (Math.Abs(pixels[p] - pixels[f]) > shadowStep
                || Math.Abs(pixels[p + 1] - pixels[f + 1]) > shadowStep
                || Math.Abs(pixels[p + 2] - pixels[f + 2]) > shadowStep)
            {
                return false;
            }

            // Darker than the background by one factor in every channel: the background's hue, less light.
            var brightness = pixels[p] + pixels[p + 1] + pixels[p + 2];
            var expected = surface[p] + surface[p + 1] + surface[p + 2];
            var k = (double)brightness / Math.Max(1, expected);
            if (k < DarkestShadow || k > 1)
            {
                return false;
            }

            return Neutral(p, k);
        }

        // The background's hue at k times its brightness.
        private bool Neutral(int p, double k) =>
            Math.Abs(pixels[p] - (k * surface[p])) <= tolerance
            && Math.Abs(pixels[p + 1] - (k * surface[p + 1])) <= tolerance
            && Math.Abs(pixels[p + 2] - (k * surface[p + 2])) <= tolerance;
    }
}
