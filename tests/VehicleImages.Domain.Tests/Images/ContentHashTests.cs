using System.Text;
using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Tests.Images;

public sealed class ContentHashTests
{
    private const string AbcHex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    [Fact]
    public void Of_is_the_sha256_of_the_bytes()
    {
        Assert.Equal(AbcHex, ContentHash.Of("abc"u8).Hex);
    }

    [Fact]
    public void Of_empty_content_is_the_sha256_of_nothing()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ContentHash.Of([]).Hex);
    }

    [Fact]
    public void The_same_bytes_give_the_same_hash()
    {
        Assert.Equal(ContentHash.Of(Encoding.UTF8.GetBytes("same")), ContentHash.Of(Encoding.UTF8.GetBytes("same")));
    }

    [Fact]
    public void Different_bytes_give_different_hashes()
    {
        Assert.NotEqual(ContentHash.Of("abc"u8), ContentHash.Of("abd"u8));
    }

    [Fact]
    public void Hex_round_trips_through_Parse()
    {
        var hash = ContentHash.Of("abc"u8);

        Assert.Equal(hash, ContentHash.Parse(hash.Hex));
    }

    [Fact]
    public void ToString_is_the_hex()
    {
        Assert.Equal(AbcHex, ContentHash.Parse(AbcHex).ToString());
    }

    [Fact]
    public void Upper_case_hex_is_accepted_and_normalised_to_lower_case()
    {
        Assert.True(ContentHash.TryParse(AbcHex.ToUpperInvariant(), out var hash));
        Assert.Equal(AbcHex, hash.Hex);
    }

    [Fact]
    public void Upper_and_lower_case_hex_parse_to_equal_hashes()
    {
        Assert.Equal(ContentHash.Parse(AbcHex), ContentHash.Parse(AbcHex.ToUpperInvariant()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0")]
    [InlineData("ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData(" a7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("0x7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void TryParse_rejects_anything_but_64_hex_digits(string? text)
    {
        Assert.False(ContentHash.TryParse(text, out _));
    }

    [Fact]
    public void Parse_throws_a_format_exception_for_bad_text()
    {
        Assert.Throws<FormatException>(() => ContentHash.Parse("not a hash"));
    }

    [Fact]
    public void ImageId_is_the_first_16_hex_digits()
    {
        Assert.Equal("ba7816bf8f01cfea", ContentHash.Parse(AbcHex).ImageId.ToString());
    }

    [Fact]
    public void A_default_hash_has_no_value()
    {
        Assert.Throws<InvalidOperationException>(() => default(ContentHash).Hex);
    }
}
