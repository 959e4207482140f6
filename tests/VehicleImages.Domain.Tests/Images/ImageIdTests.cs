using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Tests.Images;

public sealed class ImageIdTests
{
    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("0000000000000000")]
    [InlineData("0000000000000001")]
    [InlineData("7fffffffffffffff")]
    [InlineData("8000000000000000")]
    [InlineData("ffffffffffffffff")]
    public void Hex_round_trips_through_Parse_and_ToString(string hex)
    {
        Assert.Equal(hex, ImageId.Parse(hex).ToString());
    }

    [Fact]
    public void ToString_pads_to_16_digits()
    {
        Assert.Equal("000000000000002a", new ImageId(42).ToString());
    }

    [Fact]
    public void The_high_bit_becomes_a_negative_value()
    {
        Assert.Equal(-1L, ImageId.Parse("ffffffffffffffff").Value);
    }

    [Fact]
    public void Digits_are_read_big_endian()
    {
        Assert.Equal(0x0123456789abcdefL, ImageId.Parse("0123456789abcdef").Value);
    }

    [Fact]
    public void Upper_case_hex_is_accepted_and_normalised_to_lower_case()
    {
        Assert.True(ImageId.TryParse("ABCDEF0123456789", out var id));
        Assert.Equal("abcdef0123456789", id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcde")]
    [InlineData("0123456789abcdef0")]
    [InlineData("0123456789abcdeg")]
    [InlineData("0x23456789abcdef")]
    [InlineData(" 123456789abcdef")]
    [InlineData("-123456789abcdef")]
    public void TryParse_rejects_anything_but_16_hex_digits(string? text)
    {
        Assert.False(ImageId.TryParse(text, out _));
    }

    [Fact]
    public void Parse_throws_a_format_exception_for_bad_text()
    {
        Assert.Throws<FormatException>(() => ImageId.Parse("xyz"));
    }
}
