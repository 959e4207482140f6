using Microsoft.Net.Http.Headers;
using VehicleImages.Api.Media;
using VehicleImages.Application.Media;
using VehicleImages.Application.Renditions;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Api.Tests.Media;

public sealed class RenditionMemoryTests
{
    private static readonly ContentHash Hash = ContentHash.Of("an original"u8);
    private static readonly RenditionSpec Small = RenditionSpec.Default(RenditionSize.Small, hasAlpha: false);

    [Fact]
    public void A_remembered_rendition_is_found_by_its_image_and_spec_only()
    {
        using var memory = new RenditionMemory(new MediaOptions());
        memory.Remember(Hash, Small, Served(100));

        Assert.True(memory.TryGet(Hash, Small, out var served));
        Assert.Equal(100, served.Bytes.Length);
        Assert.False(memory.TryGet(Hash, Small with { Format = ImageFormat.WebP }, out _));
        Assert.False(memory.TryGet(ContentHash.Of("another original"u8), Small, out _));
    }

    [Fact]
    public void A_rendition_over_a_megabyte_is_left_to_the_store()
    {
        using var memory = new RenditionMemory(new MediaOptions());
        memory.Remember(Hash, Small, Served((1024 * 1024) + 1));

        Assert.False(memory.TryGet(Hash, Small, out _));
    }

    [Fact]
    public void A_budget_of_zero_keeps_nothing()
    {
        using var memory = new RenditionMemory(new MediaOptions { RenditionMemoryMegabytes = 0 });
        memory.Remember(Hash, Small, Served(100));

        Assert.False(memory.TryGet(Hash, Small, out _));
    }

    [Fact]
    public void The_budget_bounds_what_is_kept()
    {
        using var memory = new RenditionMemory(new MediaOptions { RenditionMemoryMegabytes = 1 });
        var specs = RenditionSpec.Formats.SelectMany(f => new[] { Background.Opaque, Background.Transparent }.Select(b => new RenditionSpec(RenditionSize.Small, b, f))).ToList();
        foreach (var spec in specs)
        {
            memory.Remember(Hash, spec, Served(400 * 1024));
        }

        Assert.InRange(specs.Count(s => memory.TryGet(Hash, s, out _)), 1, 2);
    }

    private static ServedRendition Served(int length) =>
        new(new RenditionBlob("renditions/x", Small, length, DateTimeOffset.UnixEpoch), new byte[length], new EntityTagHeaderValue("\"x\""));
}
