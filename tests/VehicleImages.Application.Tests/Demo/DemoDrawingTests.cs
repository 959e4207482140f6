using VehicleImages.Application.Demo;
using VehicleImages.Imaging;

namespace VehicleImages.Application.Tests.Demo;

/// <summary>The drawings show one consistent car from every side, with its ends where they belong.</summary>
[Collection(DemoLibraryFixture.Collection)]
public sealed class DemoDrawingTests(DemoLibraryFixture demo)
{
    [Theory]
    [InlineData("F-PACE", "Fuji White")]
    [InlineData("F-150", "Oxford White")]
    [InlineData("Corolla", "Super White")]
    public void The_left_view_is_the_right_view_mirrored(string model, string colour)
    {
        var left = Decode(demo.Row(model, colour, "left"));
        var right = Decode(demo.Row(model, colour, "right"));
        var frontLeft = Decode(demo.Row(model, colour, "front_left"));

        // Both sides of a symmetric car under a symmetric light: equal but for JPEG noise. A three-quarter view
        // of the same car is far from it, which shows the measure can tell.
        Assert.InRange(MirrorDifference(left, right), 0, 2.5);
        Assert.True(MirrorDifference(frontLeft, right) > 10);
    }

    [Theory]
    [InlineData("F-PACE", "Fuji White")]
    [InlineData("F-150", "Oxford White")]
    [InlineData("TT", "Ice Silver")]
    [InlineData("Corolla", "Super White")]
    public void Tail_lamps_are_at_the_rear_of_the_car_in_every_view(string model, string colour)
    {
        var width = (double)DemoLibrary.Width;

        // The front is on the picture's left in the left views and on its right in the right views.
        Assert.InRange(Where(TailLamps(demo.Row(model, colour, "left"))), 0.65 * width, width);
        Assert.InRange(Where(TailLamps(demo.Row(model, colour, "right"))), 0, 0.35 * width);
        Assert.InRange(Where(TailLamps(demo.Row(model, colour, "rear_left"))), 0.5 * width, width);
        Assert.InRange(Where(TailLamps(demo.Row(model, colour, "rear_right"))), 0, 0.5 * width);

        // From behind both lamps show, one each side; from in front none do.
        var rear = TailLamps(demo.Row(model, colour, "rear"));
        Assert.True(rear.Left > 200 && rear.Right > 200, $"rear lamps: {rear.Left} left, {rear.Right} right");
        Assert.True(TailLamps(demo.Row(model, colour, "front")).Count < 20);
    }

    [Theory]
    [InlineData("F-PACE", "Fuji White")]
    [InlineData("F-150", "Oxford White")]
    [InlineData("TT", "Ice Silver")]
    [InlineData("Corolla", "Super White")]
    public void Headlamps_are_at_the_front_of_the_car_in_every_view(string model, string colour)
    {
        var width = (double)DemoLibrary.Width;

        Assert.InRange(Where(Headlamps(demo.Row(model, colour, "left"))), 0, 0.35 * width);
        Assert.InRange(Where(Headlamps(demo.Row(model, colour, "right"))), 0.65 * width, width);
        Assert.InRange(Where(Headlamps(demo.Row(model, colour, "front_left"))), 0, 0.5 * width);
        Assert.InRange(Where(Headlamps(demo.Row(model, colour, "front_right"))), 0.5 * width, width);

        var front = Headlamps(demo.Row(model, colour, "front"));
        Assert.True(front.Left > 200 && front.Right > 200, $"headlamps: {front.Left} left, {front.Right} right");
        Assert.True(Headlamps(demo.Row(model, colour, "rear")).Count < 20);
    }

    // The lamps' mean x, once there are enough of their pixels to mean something.
    private static double Where((int Count, double MeanX, int Left, int Right) lamps)
    {
        Assert.True(lamps.Count >= 30, $"only {lamps.Count} lamp pixels");
        return lamps.MeanX;
    }

    private PixelBuffer Decode(IReadOnlyDictionary<string, string> row)
    {
        var decoded = DemoLibraryFixture.Imaging.Decode(demo.Bytes(row), DemoLibrary.Width);
        return decoded.Pixels();
    }

    // Mean absolute difference per channel between one picture and the other flipped left to right.
    private static double MirrorDifference(PixelBuffer a, PixelBuffer b)
    {
        var total = 0L;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                for (var band = 0; band < 3; band++)
                {
                    total += Math.Abs(a[x, y, band] - b[a.Width - 1 - x, y, band]);
                }
            }
        }

        return total / (3d * a.Width * a.Height);
    }

    // Pixels of the tail lamps' red, which no white or silver car, grey shadow or black trim comes near.
    private (int Count, double MeanX, int Left, int Right) TailLamps(IReadOnlyDictionary<string, string> row) =>
        Find(row, (r, g, b) => r > 110 && r - g > 70 && r - b > 60);

    // Pixels of the headlamp lenses' blue-white, brighter and bluer than any paint, glass or chrome on these cars.
    private (int Count, double MeanX, int Left, int Right) Headlamps(IReadOnlyDictionary<string, string> row) =>
        Find(row, (r, g, b) => b > 200 && b - r > 30);

    private (int Count, double MeanX, int Left, int Right) Find(IReadOnlyDictionary<string, string> row, Func<int, int, int, bool> matches)
    {
        var pixels = Decode(row);
        var (count, sumX, left) = (0, 0d, 0);
        for (var y = 0; y < pixels.Height; y++)
        {
            for (var x = 0; x < pixels.Width; x++)
            {
                if (matches(pixels[x, y, 0], pixels[x, y, 1], pixels[x, y, 2]))
                {
                    (count, sumX, left) = (count + 1, sumX + x, left + (x < pixels.Width / 2 ? 1 : 0));
                }
            }
        }

        return (count, count > 0 ? sumX / count : double.NaN, left, count - left);
    }
}
