using VehicleImages.Domain.Colours;
using VehicleImages.Imaging;
using VehicleImages.Vision.Colour;

namespace VehicleImages.Vision.Tests.Colour;

public sealed class BodyColourTests
{
    private static readonly ColourRule Rule = new(MinHueShare: 0.3, MinBlackShare: 0.35, MinLightShare: 0.1);

    [Fact]
    public void The_car_is_measured_not_the_background_around_it()
    {
        // A red car body (with dark glass and tyres) in the middle of a green field: the grid says where the car is.
        var frame = Frame(x => x is >= 64 and < 160, y => y is >= 96 and < 160, (200, 20, 25), (40, 150, 40));
        var grid = Grid(column => column is >= 2 and <= 4, row => row is >= 3 and <= 4);

        var measured = Rule.Decide(BodyColour.Measure(frame, grid));

        Assert.Equal(GenericColour.Red, measured?.Colour);
        Assert.StartsWith("c8", measured!.Hex, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_grid_the_same_frame_reads_as_its_background()
    {
        var frame = Frame(x => x is >= 64 and < 160, y => y is >= 96 and < 160, (200, 20, 25), (40, 150, 40));

        var measured = Rule.Decide(BodyColour.Measure(frame, Grid(_ => true, _ => true)));

        Assert.Equal(GenericColour.Green, measured?.Colour);
    }

    [Fact]
    public void Too_little_car_gives_no_colour()
    {
        var frame = Frame(_ => true, _ => true, (200, 20, 25), (200, 20, 25));

        Assert.Null(BodyColour.Measure(frame, Grid(_ => false, _ => false)));
    }

    [Theory]
    [InlineData(250, 250, 250, GenericColour.White)]
    [InlineData(10, 10, 12, GenericColour.Black)]
    [InlineData(120, 120, 125, GenericColour.Grey)]
    [InlineData(200, 30, 30, GenericColour.Red)]
    [InlineData(240, 200, 20, GenericColour.Yellow)]
    [InlineData(30, 60, 160, GenericColour.Blue)]
    [InlineData(230, 120, 20, GenericColour.Orange)]
    public void A_pixel_is_named_by_hue_saturation_and_brightness(byte r, byte g, byte b, GenericColour expected)
    {
        Assert.Equal(expected, BodyColour.Name(r, g, b));
    }

    [Fact]
    public void Black_needs_more_of_the_car_than_glass_and_tyres_make()
    {
        var white = Shares((GenericColour.Black, 0.3), (GenericColour.White, 0.2), (GenericColour.Silver, 0.5));
        var black = Shares((GenericColour.Black, 0.6), (GenericColour.White, 0.1), (GenericColour.Grey, 0.3));

        Assert.Equal(GenericColour.White, Rule.Decide(white)?.Colour);
        Assert.Equal(GenericColour.Black, Rule.Decide(black)?.Colour);
    }

    [Fact]
    public void Fitting_finds_shares_that_name_every_example_it_can()
    {
        var examples = new List<(ColourShares?, GenericColour)>
        {
            (Shares((GenericColour.Black, 0.30), (GenericColour.White, 0.25), (GenericColour.Grey, 0.45)), GenericColour.White),
            (Shares((GenericColour.Black, 0.55), (GenericColour.White, 0.05), (GenericColour.Grey, 0.40)), GenericColour.Black),
            (Shares((GenericColour.Red, 0.40), (GenericColour.Black, 0.40), (GenericColour.Grey, 0.20)), GenericColour.Red),
            (Shares((GenericColour.Red, 0.12), (GenericColour.Black, 0.48), (GenericColour.Grey, 0.40)), GenericColour.Black),
        };

        var fitted = ColourRule.Fit(examples);

        Assert.All(examples, example => Assert.Equal(example.Item2, fitted.Decide(example.Item1)?.Colour));
    }

    private static ColourShares Shares(params (GenericColour Colour, double Share)[] shares) =>
        new(shares.ToDictionary(entry => entry.Colour, entry => new ColourShare(entry.Share, "808080")));

    private static PixelBuffer Frame(Func<int, bool> carColumns, Func<int, bool> carRows, (byte R, byte G, byte B) paint, (byte R, byte G, byte B) background)
    {
        const int Size = 224;
        var data = new byte[Size * Size * 3];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                // The lowest rows of the car are tyres: dark, like on a real one.
                var (r, g, b) = carColumns(x) && carRows(y) ? (y % 64 >= 56 ? ((byte)15, (byte)15, (byte)15) : paint) : background;
                var i = ((y * Size) + x) * 3;
                (data[i], data[i + 1], data[i + 2]) = (r, g, b);
            }
        }

        return new PixelBuffer(data, Size, Size, 3);
    }

    private static double[,] Grid(Func<int, bool> columns, Func<int, bool> rows)
    {
        var grid = new double[7, 7];
        for (var row = 0; row < 7; row++)
        {
            for (var column = 0; column < 7; column++)
            {
                grid[row, column] = columns(column) && rows(row) ? 0.99 : 0.01;
            }
        }

        return grid;
    }
}
