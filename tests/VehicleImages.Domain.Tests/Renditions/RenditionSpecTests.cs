using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Domain.Tests.Renditions;

public sealed class RenditionSpecTests
{
    [Fact]
    public void Default_for_a_cutout_is_transparent_png()
    {
        Assert.Equal(new RenditionSpec(RenditionSize.Medium, Background.Transparent, ImageFormat.Png), RenditionSpec.Default(RenditionSize.Medium, hasAlpha: true));
    }

    [Fact]
    public void Default_for_a_photo_is_jpeg_on_white()
    {
        Assert.Equal(new RenditionSpec(RenditionSize.Medium, Background.Opaque, ImageFormat.Jpeg), RenditionSpec.Default(RenditionSize.Medium, hasAlpha: false));
    }

    [Theory]
    [InlineData(ImageFormat.Png)]
    [InlineData(ImageFormat.WebP)]
    [InlineData(ImageFormat.Avif)]
    public void Canonical_keeps_transparent_when_there_is_alpha_and_the_format_carries_it(ImageFormat format)
    {
        var spec = new RenditionSpec(RenditionSize.Small, Background.Transparent, format);

        Assert.Equal(spec, spec.Canonical(4000, 3000, hasAlpha: true));
    }

    [Fact]
    public void Canonical_turns_transparent_into_opaque_when_there_is_no_alpha()
    {
        var spec = new RenditionSpec(RenditionSize.Small, Background.Transparent, ImageFormat.Png);

        Assert.Equal(spec with { Background = Background.Opaque }, spec.Canonical(4000, 3000, hasAlpha: false));
    }

    [Fact]
    public void Canonical_keeps_a_cutout_of_a_photo_without_alpha()
    {
        var spec = new RenditionSpec(RenditionSize.Small, Background.Cutout, ImageFormat.Png);

        Assert.Equal(spec, spec.Canonical(4000, 3000, hasAlpha: false));
    }

    [Fact]
    public void Canonical_keeps_the_own_alpha_of_an_image_asked_for_as_a_cutout()
    {
        var spec = new RenditionSpec(RenditionSize.Small, Background.Cutout, ImageFormat.Png);

        Assert.Equal(spec with { Background = Background.Transparent }, spec.Canonical(4000, 3000, hasAlpha: true));
    }

    [Fact]
    public void Canonical_turns_a_cutout_into_opaque_for_jpeg()
    {
        var spec = new RenditionSpec(RenditionSize.Small, Background.Cutout, ImageFormat.Jpeg);

        Assert.Equal(spec with { Background = Background.Opaque }, spec.Canonical(4000, 3000, hasAlpha: false));
    }

    [Fact]
    public void Canonical_turns_transparent_into_opaque_for_jpeg()
    {
        var spec = new RenditionSpec(RenditionSize.Small, Background.Transparent, ImageFormat.Jpeg);

        Assert.Equal(spec with { Background = Background.Opaque }, spec.Canonical(4000, 3000, hasAlpha: true));
    }

    [Fact]
    public void Canonical_keeps_opaque_when_there_is_alpha()
    {
        var spec = new RenditionSpec(RenditionSize.Small, Background.Opaque, ImageFormat.Png);

        Assert.Equal(spec, spec.Canonical(4000, 3000, hasAlpha: true));
    }

    [Fact]
    public void Canonical_turns_a_box_the_original_fits_in_into_original()
    {
        var spec = new RenditionSpec(RenditionSize.Wallpaper, Background.Opaque, ImageFormat.WebP);

        Assert.Equal(spec with { Size = RenditionSize.Original }, spec.Canonical(640, 480, hasAlpha: false));
    }
}
