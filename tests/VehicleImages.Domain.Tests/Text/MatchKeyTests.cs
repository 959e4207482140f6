using VehicleImages.Domain.Text;

namespace VehicleImages.Domain.Tests.Text;

public sealed class MatchKeyTests
{
    [Theory]
    [InlineData("F-PACE")]
    [InlineData("f pace")]
    [InlineData("F_Pace")]
    [InlineData("  F . Pace  ")]
    public void Case_spaces_and_punctuation_do_not_matter(string text)
    {
        Assert.Equal("fpace", MatchKey.Of(text));
    }

    [Fact]
    public void Digits_are_kept()
    {
        Assert.Equal("911gt3rs", MatchKey.Of("911 GT3 RS"));
    }

    [Theory]
    [InlineData("Citroën", "Citroen")]
    [InlineData("Škoda", "Skoda")]
    [InlineData("Señor", "Senor")]
    public void Diacritics_fold_away(string accented, string plain)
    {
        Assert.Equal(MatchKey.Of(plain), MatchKey.Of(accented));
    }

    [Fact]
    public void Latin_letters_without_a_unicode_decomposition_fold_too()
    {
        Assert.Equal("orsted", MatchKey.Of("Ørsted"));
        Assert.Equal("strasse", MatchKey.Of("Straße"));
        Assert.Equal("lodz", MatchKey.Of("Łódź"));
    }

    [Fact]
    public void Letters_outside_latin_are_kept_lower_cased()
    {
        Assert.Equal("ωmega", MatchKey.Of("Ωmega"));
    }

    [Fact]
    public void Names_in_non_latin_scripts_do_not_fold_to_empty()
    {
        Assert.Equal("日産", MatchKey.Of("日産"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Null_or_blank_gives_empty(string? text)
    {
        Assert.Equal("", MatchKey.Of(text));
    }

    [Fact]
    public void Punctuation_only_gives_empty()
    {
        Assert.Equal("", MatchKey.Of("-_/."));
    }
}
