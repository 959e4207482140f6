using VehicleImages.Domain.Renditions;

namespace VehicleImages.Domain.Tests.Renditions;

public sealed class FrameGeometryTests
{
    [Theory]
    [InlineData(RenditionSize.Large, 4000, 3000, 1280, 960)]
    [InlineData(RenditionSize.Wallpaper, 3000, 4000, 1920, 1440)]
    [InlineData(RenditionSize.Original, 900, 600, 900, 675)]
    public void Every_frame_is_4_by_3_and_the_sizes_width(RenditionSize size, int width, int height, int frameWidth, int frameHeight)
    {
        Assert.Equal((frameWidth, frameHeight), FrameGeometry.Size(size, width, height));
    }

    [Fact]
    public void A_long_car_fills_the_width_inside_the_margins_and_stands_on_the_bottom_margin()
    {
        var (x, y, width, height) = FrameGeometry.Place(1280, 960, 2000, 700);
        var margin = (int)Math.Round(FrameGeometry.Margin * 960);

        Assert.Equal(margin, x, tolerance: 1);
        Assert.Equal(1280 - margin, x + width, tolerance: 1);
        Assert.Equal(960 - margin, y + height);
        Assert.Equal(2000.0 / 700, (double)width / height, tolerance: 0.01);
    }

    [Fact]
    public void A_tall_car_fills_the_height_inside_the_margins_and_is_centred_across()
    {
        var (x, y, width, height) = FrameGeometry.Place(1280, 960, 500, 600);
        var margin = (int)Math.Round(FrameGeometry.Margin * 960);

        Assert.Equal((margin, 960 - margin), (y, y + height));
        Assert.Equal(1280 - (x + width), x, tolerance: 1);
    }

    [Fact]
    public void Cars_of_different_sizes_share_the_bottom_line_and_centre()
    {
        var small = FrameGeometry.Place(1280, 960, 300, 100);
        var large = FrameGeometry.Place(1280, 960, 3000, 1100);

        Assert.Equal(small.Y + small.Height, large.Y + large.Height);
        Assert.Equal(small.X + (small.Width / 2.0), large.X + (large.Width / 2.0), tolerance: 1);
    }
}
