using VehicleImages.Domain.Colours;

namespace VehicleImages.Domain.Tests.Colours;

public sealed class GenericColoursTests
{
    public static TheoryData<GenericColour> AllColours => new(Enum.GetValues<GenericColour>());

    public static TheoryData<GenericColour, GenericColour> AllPairs
    {
        get
        {
            var pairs = new TheoryData<GenericColour, GenericColour>();
            foreach (var a in Enum.GetValues<GenericColour>())
            {
                foreach (var b in Enum.GetValues<GenericColour>())
                {
                    pairs.Add(a, b);
                }
            }

            return pairs;
        }
    }

    [Theory]
    [InlineData("Glacier White", GenericColour.White)]
    [InlineData("Obsidian", GenericColour.Black)]
    [InlineData("Rosso Corsa", GenericColour.Red)]
    [InlineData("Giallo Modena", GenericColour.Yellow)]
    [InlineData("Magnetic Grey", GenericColour.Grey)]
    [InlineData("British Racing Green", GenericColour.Green)]
    public void FromName_reads_oem_names(string name, GenericColour expected)
    {
        Assert.Equal(expected, GenericColours.FromName(name));
    }

    [Theory]
    [InlineData("Gray")]
    [InlineData("grey")]
    [InlineData("GRAY")]
    public void Gray_and_grey_are_both_grey(string name)
    {
        Assert.Equal(GenericColour.Grey, GenericColours.FromName(name));
    }

    [Theory]
    [InlineData("Blue Steel Grey", GenericColour.Grey)]
    [InlineData("Crystal Black Pearl", GenericColour.Black)]
    [InlineData("Obsidian Blue Pearl", GenericColour.Blue)]
    [InlineData("Sonic Gray Pearl", GenericColour.Grey)]
    [InlineData("Red Racing", GenericColour.Red)]
    [InlineData("Midnight Blue", GenericColour.Blue)]
    [InlineData("Racing Yellow", GenericColour.Yellow)]
    public void The_last_word_that_names_a_colour_wins(string name, GenericColour expected)
    {
        Assert.Equal(expected, GenericColours.FromName(name));
    }

    [Theory]
    [InlineData("glacier-white")]
    [InlineData("glacier_white")]
    [InlineData("Glacier/White")]
    [InlineData("Glacier, White.")]
    public void Words_split_on_punctuation(string name)
    {
        Assert.Equal(GenericColour.White, GenericColours.FromName(name));
    }

    [Theory]
    [MemberData(nameof(AllColours))]
    public void FromName_reads_every_generic_name(GenericColour colour)
    {
        Assert.Equal(colour, GenericColours.FromName(GenericColours.Name(colour)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Nardo")]
    [InlineData("Metallic")]
    [InlineData("Whiteish")]
    public void FromName_gives_null_when_no_word_names_a_colour(string? name)
    {
        Assert.Null(GenericColours.FromName(name));
    }

    [Fact]
    public void Name_of_grey_is_spelled_grey()
    {
        Assert.Equal("Grey", GenericColours.Name(GenericColour.Grey));
    }

    [Theory]
    [InlineData(0, 0, 0, GenericColour.Black)]
    [InlineData(255, 255, 255, GenericColour.White)]
    [InlineData(128, 128, 128, GenericColour.Grey)]
    [InlineData(200, 200, 200, GenericColour.Silver)]
    [InlineData(255, 0, 0, GenericColour.Red)]
    [InlineData(0, 128, 0, GenericColour.Green)]
    [InlineData(0, 0, 255, GenericColour.Blue)]
    [InlineData(255, 255, 0, GenericColour.Yellow)]
    [InlineData(255, 128, 0, GenericColour.Orange)]
    [InlineData(128, 0, 128, GenericColour.Purple)]
    public void Nearest_finds_the_colour_an_rgb_value_looks_like(byte r, byte g, byte b, GenericColour expected)
    {
        Assert.Equal(expected, GenericColours.Nearest(r, g, b));
    }

    [Theory]
    [MemberData(nameof(AllColours))]
    public void Distance_from_a_colour_to_itself_is_zero(GenericColour colour)
    {
        Assert.Equal(0, GenericColours.Distance(colour, colour));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Distance_is_symmetric(GenericColour a, GenericColour b)
    {
        Assert.Equal(GenericColours.Distance(a, b), GenericColours.Distance(b, a));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Distance_between_different_colours_is_positive(GenericColour a, GenericColour b)
    {
        Assert.True(a == b || GenericColours.Distance(a, b) > 0);
    }

    [Fact]
    public void Silver_is_closer_to_grey_than_to_red()
    {
        Assert.True(GenericColours.Distance(GenericColour.Silver, GenericColour.Grey) < GenericColours.Distance(GenericColour.Silver, GenericColour.Red));
    }

    [Fact]
    public void White_is_closer_to_silver_than_to_black()
    {
        Assert.True(GenericColours.Distance(GenericColour.White, GenericColour.Silver) < GenericColours.Distance(GenericColour.White, GenericColour.Black));
    }
}
