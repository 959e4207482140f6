using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Domain.Tests.Renditions;

public sealed class BlobKeysTests
{
    private static readonly ContentHash _hash = ContentHash.Of("abc"u8);
    private static readonly ContentHash _otherHash = ContentHash.Of("abd"u8);
    private static readonly RenditionSpec _thumbnail = new(RenditionSize.Thumbnail, Background.Opaque, ImageFormat.Jpeg);

    private static readonly bool[] Framings = [false, true];

    private static IEnumerable<RenditionSpec> AllSpecs =>
        from size in Enum.GetValues<RenditionSize>()
        from background in Enum.GetValues<Background>()
        from format in Enum.GetValues<ImageFormat>()
        from framed in Framings
        select new RenditionSpec(size, background, format, framed);

    [Fact]
    public void Originals_are_fanned_out_by_the_first_two_hex_digits()
    {
        Assert.Equal("originals/ba/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", BlobKeys.Original(_hash));
    }

    [Fact]
    public void Rendition_keys_keep_their_layout()
    {
        // Existing blob stores hold renditions under these keys; a new layout must come with a new encoder version.
        Assert.Equal(
            $"renditions/v{BlobKeys.EncoderVersion}/ba/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad/thumbnail-opaque.jpg",
            BlobKeys.Rendition(_hash, _thumbnail));
    }

    [Fact]
    public void Rendition_keys_are_deterministic()
    {
        Assert.Equal(BlobKeys.Rendition(_hash, _thumbnail), BlobKeys.Rendition(ContentHash.Parse(_hash.Hex), _thumbnail with { }));
    }

    [Fact]
    public void Rendition_keys_differ_per_spec()
    {
        var specs = AllSpecs.ToList();

        Assert.Equal(specs.Count, specs.Select(spec => BlobKeys.Rendition(_hash, spec)).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Rendition_keys_differ_per_hash()
    {
        Assert.NotEqual(BlobKeys.Rendition(_hash, _thumbnail), BlobKeys.Rendition(_otherHash, _thumbnail));
    }

    [Fact]
    public void Rendition_keys_contain_the_encoder_version()
    {
        Assert.Contains($"/v{BlobKeys.EncoderVersion}/", BlobKeys.Rendition(_hash, _thumbnail), StringComparison.Ordinal);
    }

    [Fact]
    public void Rendition_keys_end_with_the_format_extension()
    {
        Assert.All(AllSpecs, spec => Assert.EndsWith(spec.Format.Extension(), BlobKeys.Rendition(_hash, spec), StringComparison.Ordinal));
    }

    [Fact]
    public void RenditionPrefix_is_a_prefix_of_every_rendition_key_of_that_hash()
    {
        var prefix = BlobKeys.RenditionPrefix(_hash);

        Assert.All(AllSpecs, spec => Assert.StartsWith(prefix, BlobKeys.Rendition(_hash, spec), StringComparison.Ordinal));
    }

    [Fact]
    public void RenditionPrefix_is_not_a_prefix_of_another_hash_renditions()
    {
        Assert.DoesNotContain(AllSpecs, spec => BlobKeys.Rendition(_otherHash, spec).StartsWith(BlobKeys.RenditionPrefix(_hash), StringComparison.Ordinal));
    }

    [Fact]
    public void RenditionPrefix_does_not_cover_the_original()
    {
        Assert.False(BlobKeys.Original(_hash).StartsWith(BlobKeys.RenditionPrefix(_hash), StringComparison.Ordinal));
    }
}
