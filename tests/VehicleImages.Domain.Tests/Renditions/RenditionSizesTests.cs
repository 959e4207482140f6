using VehicleImages.Domain.Renditions;

namespace VehicleImages.Domain.Tests.Renditions;

public sealed class RenditionSizesTests
{
    public static TheoryData<RenditionSize> BoxedSizes => new(RenditionSizes.Standard);

    [Theory]
    [InlineData(RenditionSize.Thumbnail, 150)]
    [InlineData(RenditionSize.Small, 320)]
    [InlineData(RenditionSize.Medium, 640)]
    [InlineData(RenditionSize.Large, 1280)]
    [InlineData(RenditionSize.Wallpaper, 1920)]
    public void Each_boxed_size_has_its_long_edge(RenditionSize size, int edge)
    {
        Assert.Equal(edge, size.LongEdge());
    }

    [Fact]
    public void Original_has_no_box()
    {
        Assert.Null(RenditionSize.Original.LongEdge());
    }

    [Fact]
    public void An_undefined_size_has_no_long_edge()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((RenditionSize)99).LongEdge());
    }

    [Fact]
    public void Standard_sizes_run_largest_first_without_original()
    {
        var edges = RenditionSizes.Standard.Select(size => size.LongEdge()).ToList();

        Assert.Equal(edges.OrderDescending(), edges);
        Assert.DoesNotContain(null, edges);
        Assert.Equal(edges.Count, edges.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(BoxedSizes))]
    public void Fit_never_upscales(RenditionSize size)
    {
        Assert.Equal((100, 80), size.Fit(100, 80));
    }

    [Theory]
    [MemberData(nameof(BoxedSizes))]
    public void Fit_makes_the_long_edge_of_a_landscape_original_equal_the_box(RenditionSize size)
    {
        Assert.Equal(size.LongEdge(), size.Fit(4000, 2250).Width);
    }

    [Theory]
    [MemberData(nameof(BoxedSizes))]
    public void Fit_makes_the_long_edge_of_a_portrait_original_equal_the_box(RenditionSize size)
    {
        Assert.Equal(size.LongEdge(), size.Fit(2250, 4000).Height);
    }

    [Theory]
    [MemberData(nameof(BoxedSizes))]
    public void Fit_keeps_the_aspect_ratio(RenditionSize size)
    {
        var (width, height) = size.Fit(4000, 2250);

        // The short edge is rounded to a whole pixel, so the ratio may be off by at most half a pixel of it.
        Assert.InRange(width * 2250.0 / 4000.0, height - 0.5, height + 0.5);
    }

    [Fact]
    public void Fit_rounds_the_short_edge_half_away_from_zero()
    {
        Assert.Equal((150, 113), RenditionSize.Thumbnail.Fit(4000, 3000));
    }

    [Fact]
    public void Fit_of_a_square_gives_a_square()
    {
        Assert.Equal((640, 640), RenditionSize.Medium.Fit(3000, 3000));
    }

    [Fact]
    public void Fit_never_makes_the_short_edge_zero()
    {
        Assert.Equal((150, 1), RenditionSize.Thumbnail.Fit(10000, 5));
    }

    [Fact]
    public void Fit_of_original_keeps_the_original_size()
    {
        Assert.Equal((4000, 3000), RenditionSize.Original.Fit(4000, 3000));
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(100, 0)]
    [InlineData(-1, 100)]
    public void FitLongEdge_rejects_empty_or_negative_sizes(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RenditionSizes.FitLongEdge(150, width, height));
    }

    [Fact]
    public void Canonical_gives_original_when_the_original_fits_in_the_box()
    {
        Assert.Equal(RenditionSize.Original, RenditionSize.Wallpaper.Canonical(640, 480));
    }

    [Fact]
    public void Canonical_gives_original_when_the_long_edge_equals_the_box()
    {
        Assert.Equal(RenditionSize.Original, RenditionSize.Wallpaper.Canonical(1920, 1080));
    }

    [Fact]
    public void Canonical_keeps_the_size_when_the_original_is_one_pixel_larger_than_the_box()
    {
        Assert.Equal(RenditionSize.Wallpaper, RenditionSize.Wallpaper.Canonical(1080, 1921));
    }

    [Fact]
    public void Canonical_of_original_is_original()
    {
        Assert.Equal(RenditionSize.Original, RenditionSize.Original.Canonical(4000, 3000));
    }

    [Theory]
    [MemberData(nameof(BoxedSizes))]
    public void Canonical_gives_original_exactly_when_fit_would_not_resize(RenditionSize size)
    {
        foreach (var (width, height) in new[] { (100, 80), (1280, 720), (1281, 720), (1920, 1920), (4000, 3000) })
        {
            var unchanged = size.Fit(width, height) == (width, height);
            Assert.Equal(unchanged, size.Canonical(width, height) == RenditionSize.Original);
        }
    }
}
