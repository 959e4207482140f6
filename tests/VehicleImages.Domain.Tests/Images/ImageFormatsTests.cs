using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Tests.Images;

public sealed class ImageFormatsTests
{
    public static TheoryData<ImageFormat> AllFormats => new(Enum.GetValues<ImageFormat>());

    [Theory]
    [InlineData(ImageFormat.Jpeg, "image/jpeg", ".jpg")]
    [InlineData(ImageFormat.Png, "image/png", ".png")]
    [InlineData(ImageFormat.WebP, "image/webp", ".webp")]
    [InlineData(ImageFormat.Avif, "image/avif", ".avif")]
    [InlineData(ImageFormat.Heic, "image/heic", ".heic")]
    [InlineData(ImageFormat.Gif, "image/gif", ".gif")]
    [InlineData(ImageFormat.Tiff, "image/tiff", ".tif")]
    public void Each_format_has_its_mime_type_and_extension(ImageFormat format, string mimeType, string extension)
    {
        Assert.Equal((mimeType, extension), (format.MimeType(), format.Extension()));
    }

    [Fact]
    public void Extensions_are_distinct()
    {
        var formats = Enum.GetValues<ImageFormat>();

        Assert.Equal(formats.Length, formats.Select(f => f.Extension()).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void Only_jpeg_cannot_carry_alpha(ImageFormat format)
    {
        Assert.Equal(format != ImageFormat.Jpeg, format.SupportsAlpha());
    }

    [Fact]
    public void An_undefined_format_has_no_mime_type()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ImageFormat)99).MimeType());
    }

    [Fact]
    public void An_undefined_format_has_no_extension()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ImageFormat)99).Extension());
    }
}
