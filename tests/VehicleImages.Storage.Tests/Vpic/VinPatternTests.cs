using VehicleImages.Storage.Vpic;

namespace VehicleImages.Storage.Tests.Vpic;

public sealed class VinPatternTests
{
    private const string Key = "EW1C5|PFA86825"; // 1FTEW1C52PFA86825

    [Fact]
    public void The_key_is_positions_4_to_8_a_bar_and_positions_10_to_17()
    {
        Assert.Equal(Key, VinPattern.KeyOf("1FTEW1C52PFA86825"));
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("EW1C5", true)]
    [InlineData("EW1C", true)]
    [InlineData("EW1C6", false)]
    [InlineData("*W*C*|P", true)]
    [InlineData("*****|*F", true)]
    [InlineData("*****|*[A-C]", false)]
    [InlineData("*****|*[D-G]", true)]
    [InlineData("*****|*[AF]", true)]
    [InlineData("[0-9]", false)]
    [InlineData("[DEF]W", true)]
    [InlineData("EW1C5|PFA868250", false)]
    public void Patterns_match_from_the_start_with_wildcards_and_character_sets(string pattern, bool matches)
    {
        Assert.Equal(matches, VinPattern.Matches(pattern, Key));
    }

    [Fact]
    public void Literal_characters_are_more_specific_than_sets_and_sets_than_wildcards()
    {
        Assert.True(VinPattern.Specificity("EW1C5") > VinPattern.Specificity("EW1C[0-9]"));
        Assert.True(VinPattern.Specificity("EW1C[0-9]") > VinPattern.Specificity("EW1C*"));
        Assert.Equal(0, VinPattern.Specificity("*****|*"));
    }
}
