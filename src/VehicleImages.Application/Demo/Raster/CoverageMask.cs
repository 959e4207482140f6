namespace VehicleImages.Application.Demo.Raster;

/// <summary>
/// How much of each pixel a shape covers (0–1), over the shape's bounding box clipped to the canvas. Edges are
/// anti-aliased by sampling each pixel row on several sub-rows and covering each span's end pixels by the exact
/// fraction the span reaches into them: vertical edges get exact coverage, horizontal ones five levels.
/// </summary>
internal sealed class CoverageMask
{
    private const int SubRows = 5;

    private CoverageMask(int left, int top, int width, int height)
    {
        (Left, Top, Width, Height) = (left, top, width, height);
        Values = new float[width * height];
    }

    public int Left { get; }

    public int Top { get; }

    public int Width { get; }

    public int Height { get; }

    public float[] Values { get; }

    /// <summary>The shape's coverage, with <paramref name="padding"/> spare pixels around it for a blur; null when nothing is on the canvas.</summary>
    public static CoverageMask? Rasterise(Shape shape, int canvasWidth, int canvasHeight, int padding = 0)
    {
        var (minX, minY, maxX, maxY) = shape.Bounds();
        var left = Math.Max(0, (int)Math.Floor(minX) - padding);
        var top = Math.Max(0, (int)Math.Floor(minY) - padding);
        var right = Math.Min(canvasWidth, (int)Math.Ceiling(maxX) + padding);
        var bottom = Math.Min(canvasHeight, (int)Math.Ceiling(maxY) + padding);
        if (right <= left || bottom <= top)
        {
            return null;
        }

        var mask = new CoverageMask(left, top, right - left, bottom - top);
        mask.Fill(Edges(shape));
        return mask;
    }

    /// <summary>Approximates a Gaussian blur of the given radius with three box blurs in each direction.</summary>
    public void Blur(int radius)
    {
        if (radius < 1)
        {
            return;
        }

        var box = Math.Max(1, radius / 2);
        var scratch = new float[Math.Max(Width, Height)];
        for (var pass = 0; pass < 3; pass++)
        {
            for (var y = 0; y < Height; y++)
            {
                BoxBlur(Values.AsSpan(y * Width, Width), 1, box, scratch);
            }

            for (var x = 0; x < Width; x++)
            {
                BoxBlurColumn(x, box, scratch);
            }
        }
    }

    // Scanline fill with an active edge list: edges enter when a sub-row reaches their top and leave after their
    // bottom, so each sub-row looks only at the few edges that cross it. Whole pixels inside a span are counted
    // as a run (a step up where it starts, down where it ends) and summed once per row, so a wide span costs no
    // more than a narrow one.
    private void Fill(List<Edge> edges)
    {
        edges.Sort((a, b) => a.Top.CompareTo(b.Top));
        var active = new List<Edge>();
        var crossings = new List<(double X, int Direction)>();
        var runs = new float[Width + 1];
        var next = 0;
        for (var row = 0; row < Height; row++)
        {
            var span = Values.AsSpan(row * Width, Width);
            Array.Clear(runs);
            for (var sub = 0; sub < SubRows; sub++)
            {
                var y = Top + row + ((sub + 0.5) / SubRows);
                while (next < edges.Count && edges[next].Top <= y)
                {
                    active.Add(edges[next++]);
                }

                active.RemoveAll(edge => edge.Bottom <= y);
                crossings.Clear();
                foreach (var edge in active)
                {
                    crossings.Add((edge.XAt(y), edge.Direction));
                }

                crossings.Sort((a, b) => a.X.CompareTo(b.X));
                var winding = 0;
                var start = 0d;
                foreach (var (x, direction) in crossings)
                {
                    var before = winding;
                    winding += direction;
                    if (before == 0 && winding != 0)
                    {
                        start = x;
                    }
                    else if (before != 0 && winding == 0)
                    {
                        AddSpan(span, runs, start - Left, x - Left, 1f / SubRows);
                    }
                }
            }

            var run = 0f;
            for (var i = 0; i < span.Length; i++)
            {
                run += runs[i];
                span[i] = Math.Min(span[i] + run, 1f);
            }
        }
    }

    // Partial end pixels are added directly; the whole pixels between them are recorded as one run.
    private static void AddSpan(Span<float> row, float[] runs, double from, double to, float weight)
    {
        from = Math.Max(from, 0);
        to = Math.Min(to, row.Length);
        if (to <= from)
        {
            return;
        }

        var first = (int)from;
        var last = Math.Min((int)to, row.Length - 1);
        if (first == last)
        {
            row[first] += (float)(to - from) * weight;
            return;
        }

        row[first] += (float)(first + 1 - from) * weight;
        runs[first + 1] += weight;
        runs[last] -= weight;
        row[last] += (float)(to - last) * weight;
    }

    private static List<Edge> Edges(Shape shape)
    {
        var edges = new List<Edge>();
        foreach (var contour in shape.Contours)
        {
            for (int i = 0, j = contour.Count - 1; i < contour.Count; j = i++)
            {
                var (a, b) = (contour[j], contour[i]);
                if (a.Y != b.Y)
                {
                    edges.Add(a.Y < b.Y ? new Edge(a, b, 1) : new Edge(b, a, -1));
                }
            }
        }

        return edges;
    }

    // A running-sum box blur of one line in place; values beyond the ends count as zero.
    private static void BoxBlur(Span<float> line, int stride, int radius, float[] scratch)
    {
        var length = ((line.Length - 1) / stride) + 1;
        var window = (2 * radius) + 1;
        var sum = 0f;
        for (var i = 0; i < length + radius; i++)
        {
            if (i < length)
            {
                sum += line[i * stride];
            }

            if (i - window >= 0)
            {
                sum -= line[(i - window) * stride];
            }

            if (i - radius >= 0)
            {
                scratch[i - radius] = sum / window;
            }
        }

        for (var i = 0; i < length; i++)
        {
            line[i * stride] = scratch[i];
        }
    }

    private void BoxBlurColumn(int x, int radius, float[] scratch) =>
        BoxBlur(Values.AsSpan(x, ((Height - 1) * Width) + 1), Width, radius, scratch);

    private readonly record struct Edge(double Top, double Bottom, double X0, double Slope, int Direction)
    {
        public Edge(Point2 upper, Point2 lower, int direction)
            : this(upper.Y, lower.Y, upper.X, (lower.X - upper.X) / (lower.Y - upper.Y), direction)
        {
        }

        public double XAt(double y) => X0 + ((y - Top) * Slope);
    }
}
