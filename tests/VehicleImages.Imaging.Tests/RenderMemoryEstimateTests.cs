using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Imaging.Tests;

public sealed class RenderMemoryEstimateTests
{
    private static readonly RenditionSpec SmallJpeg = new(RenditionSize.Small, Background.Opaque, ImageFormat.Jpeg);

    [Fact]
    public void A_webp_is_estimated_at_its_whole_decode_and_a_jpeg_of_the_same_size_at_its_shrunk_one()
    {
        using var image = TestImages.Gradient(4000, 3000);
        var webp = image.Save("webpsave_buffer", _ => { });
        var jpeg = TestImages.Save(image, "jpegsave_buffer");

        var wholeDecode = 4000L * 3000 * 4;
        Assert.InRange(Processors.Default.RenderMemoryEstimate(webp, SmallJpeg), wholeDecode, 4 * wholeDecode);
        Assert.InRange(Processors.Default.RenderMemoryEstimate(jpeg, SmallJpeg), 1, wholeDecode / 8);
    }

    [Fact]
    public void A_progressive_jpeg_is_estimated_at_its_whole_decode()
    {
        using var image = TestImages.Gradient(4000, 3000);
        var progressive = TestImages.Save(image, "jpegsave_buffer", interlace: true);

        Assert.True(Processors.Default.RenderMemoryEstimate(progressive, SmallJpeg) >= 4000L * 3000 * 4);
    }
}
