using VehicleImages.Domain.Vins;

namespace VehicleImages.Domain.Tests.Vins;

public sealed class VinTests
{
    // Real VINs. Check digits verified independently of this code (49 CFR 565.15 computed by hand in another language).
    [Theory]
    [InlineData("1FTEW1C52PFA86825", true, 2023, "1FT", "1FTEW1C5PF")]
    [InlineData("SADCM2FV6KA360455", true, 2019, "SAD", "SADCM2FVKA")]
    [InlineData("1HGCM82633A123456", false, 2003, "1HG", "1HGCM826")]
    [InlineData("1M8GDM9AXKP042788", true, 1989, "1M8", "1M8GDM9AKP")]
    [InlineData("JHMCM56557C404453", true, 2007, "JHM", "JHMCM5657C")]
    [InlineData("WVWZZZ1JZXW000001", false, 1999, "WVW", "WVWZZZ1JXW")]
    public void Check_digit_model_year_wmi_and_squish_vin_of_real_vins(string text, bool checkDigitValid, int year, string wmi, string squishPrefix)
    {
        var vin = Vin.Parse(text);

        Assert.Equal(checkDigitValid, vin.HasValidCheckDigit);
        Assert.Equal(year, vin.ModelYear);
        Assert.Equal(wmi, vin.Wmi);
        Assert.StartsWith(squishPrefix, vin.SquishVin, StringComparison.Ordinal);
        Assert.Equal(10, vin.SquishVin.Length);
    }

    [Fact]
    public void The_wrong_check_digit_of_1HGCM82633A123456_should_be_7()
    {
        Assert.Equal('7', VinCheckDigit.Compute("1HGCM82633A123456"));
    }

    [Fact]
    public void A_remainder_of_ten_is_written_x()
    {
        Assert.Equal('X', VinCheckDigit.Compute("1M8GDM9AXKP042788"));
    }

    [Theory]
    [InlineData("1FTEW1C52PFA86825", true)]
    [InlineData("5YJSA1E26HF199740", true)]
    [InlineData("SADCM2FV6KA360455", false)]
    [InlineData("JHMCM56557C404453", false)]
    public void North_american_vins_are_those_starting_1_to_5(string text, bool northAmerican)
    {
        Assert.Equal(northAmerican, Vin.Parse(text).IsNorthAmerican);
    }

    [Theory]
    [InlineData("1ftew1c52pfa86825")]
    [InlineData(" 1FTEW1C52PFA86825 ")]
    public void Lower_case_and_surrounding_space_are_read(string text)
    {
        Assert.True(Vin.TryParse(text, out var vin, out _));
        Assert.Equal("1FTEW1C52PFA86825", vin.Value);
    }

    [Theory]
    [InlineData("", VinProblem.Empty)]
    [InlineData(null, VinProblem.Empty)]
    [InlineData("1FTEW1C52PFA8682", VinProblem.WrongLength)]
    [InlineData("1FTEW1C52PFA868255", VinProblem.WrongLength)]
    [InlineData("1FTEW1C52PFA8682I", VinProblem.InvalidCharacter)]
    [InlineData("1FTEW1C52PFA8682O", VinProblem.InvalidCharacter)]
    [InlineData("1FTEW1Q52PFA86825", VinProblem.InvalidCharacter)]
    [InlineData("1FTEW1C52PFA8682-", VinProblem.InvalidCharacter)]
    [InlineData("1FTEW1C52PFA8682é", VinProblem.InvalidCharacter)]
    public void Malformed_text_is_not_a_vin_and_says_why(string? text, VinProblem problem)
    {
        Assert.False(Vin.TryParse(text, out _, out var found));
        Assert.Equal(problem, found);
    }

    [Theory]
    [InlineData('A', '1', 1980)]
    [InlineData('Y', '1', 2000)]
    [InlineData('1', '1', 2001)]
    [InlineData('9', '1', 2009)]
    [InlineData('A', 'A', 2010)]
    [InlineData('Y', 'A', 2030)]
    [InlineData('1', 'A', 2031)]
    [InlineData('9', 'A', 2039)]
    public void Position_seven_chooses_the_thirty_year_cycle_of_position_ten(char yearCode, char seventh, int year)
    {
        var vin = Vin.Parse($"1FTEW1{seventh}52{yearCode}FA86825");

        Assert.Equal(year, vin.ModelYear);
    }

    [Theory]
    [InlineData('U')]
    [InlineData('Z')]
    [InlineData('0')]
    public void Codes_that_are_not_year_codes_give_no_year(char yearCode)
    {
        Assert.Null(Vin.Parse($"1FTEW1C52{yearCode}FA86825").ModelYear);
    }
}
