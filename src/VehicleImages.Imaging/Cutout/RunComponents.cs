namespace VehicleImages.Imaging.Cutout;

/// <summary>
/// Connected components of a binary mask, found on runs of ones rather than on pixels: one pass in memory order
/// and a union-find over a few thousand runs, instead of a flood over millions of pixels.
/// </summary>
internal sealed class RunComponents
{
    private readonly List<Run> _runs = [];
    private readonly List<int> _parent = [];

    private RunComponents()
    {
    }

    /// <summary>The runs of ones, row by row, each with its component.</summary>
    public IEnumerable<(int Y, int Start, int End, int Component)> Runs =>
        _runs.Select((run, index) => (run.Y, run.Start, run.End, Find(index)));

    /// <summary>Finds the components of the ones in mask; 8-connected or 4-connected.</summary>
    public static RunComponents Of(byte[] mask, int width, int height, bool eightConnected)
    {
        var components = new RunComponents();
        var reach = eightConnected ? 1 : 0;
        var (previousFirst, previousEnd) = (0, 0);
        for (var y = 0; y < height; y++)
        {
            var first = components._runs.Count;
            var row = y * width;
            var x = 0;
            while (x < width)
            {
                if (mask[row + x] == 0)
                {
                    x++;
                    continue;
                }

                var start = x;
                while (x < width && mask[row + x] != 0)
                {
                    x++;
                }

                // [start, x) is a run; it joins every run above that overlaps it (or touches it diagonally).
                var index = components._runs.Count;
                components._runs.Add(new Run(y, start, x));
                components._parent.Add(index);
                for (var above = previousFirst; above < previousEnd; above++)
                {
                    var other = components._runs[above];
                    if (other.Start < x + reach && start < other.End + reach)
                    {
                        components.Union(index, above);
                    }
                }
            }

            (previousFirst, previousEnd) = (first, components._runs.Count);
        }

        return components;
    }

    /// <summary>The number of pixels of each component, by component.</summary>
    public Dictionary<int, int> Sizes()
    {
        var sizes = new Dictionary<int, int>();
        for (var i = 0; i < _runs.Count; i++)
        {
            var root = Find(i);
            sizes[root] = sizes.GetValueOrDefault(root) + (_runs[i].End - _runs[i].Start);
        }

        return sizes;
    }

    /// <summary>The components with a pixel on the frame's edge.</summary>
    public HashSet<int> OnBorder(int width, int height)
    {
        var touching = new HashSet<int>();
        for (var i = 0; i < _runs.Count; i++)
        {
            var run = _runs[i];
            if (run.Y == 0 || run.Y == height - 1 || run.Start == 0 || run.End == width)
            {
                touching.Add(Find(i));
            }
        }

        return touching;
    }

    private int Find(int i)
    {
        while (_parent[i] != i)
        {
            // Path halving keeps the trees flat.
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }

        return i;
    }

    private void Union(int a, int b)
    {
        var (rootA, rootB) = (Find(a), Find(b));
        if (rootA != rootB)
        {
            // The smaller index becomes the root, so labels do not depend on anything but the mask.
            (rootA, rootB) = rootA < rootB ? (rootA, rootB) : (rootB, rootA);
            _parent[rootB] = rootA;
        }
    }

    private readonly record struct Run(int Y, int Start, int End);
}
