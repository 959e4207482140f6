using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Domain.Tests.Vehicles;

public sealed class VehicleConfigurationTests
{
    private static readonly YearRange _years = new(2016, 2020);

    [Fact]
    public void Id_is_the_configuration_id_of_its_fields()
    {
        var configuration = new VehicleConfiguration("Jaguar", "F-PACE", "R-Sport", "SUV", _years);

        Assert.Equal(ConfigurationId.For(configuration), configuration.Id);
    }

    [Theory]
    [InlineData("Jaguar", "f pace", "r sport", "suv")]
    [InlineData("JAGUAR", "F_Pace", "R_SPORT", "Suv")]
    [InlineData("  Jaguar  ", "  F-PACE ", " R-Sport ", " SUV ")]
    [InlineData("Jaguar", "F  -  PACE", "R - Sport", "S.U.V.")]
    public void Spelling_variants_get_the_same_id(string make, string model, string trim, string body)
    {
        var canonical = new VehicleConfiguration("Jaguar", "F-PACE", "R-Sport", "SUV", _years);

        Assert.Equal(canonical.Id, new VehicleConfiguration(make, model, trim, body, _years).Id);
    }

    [Fact]
    public void Diacritics_do_not_change_the_id()
    {
        Assert.Equal(
            new VehicleConfiguration("Citroen", "C5 Aircross", null, null, null).Id,
            new VehicleConfiguration("Citroën", "C5 Aircross", null, null, null).Id);
    }

    [Fact]
    public void A_blank_trim_or_body_counts_as_none()
    {
        Assert.Equal(
            new VehicleConfiguration("Jaguar", "F-PACE", null, null, _years).Id,
            new VehicleConfiguration("Jaguar", "F-PACE", "  ", "", _years).Id);
    }

    [Fact]
    public void A_different_make_gets_a_different_id()
    {
        Assert.NotEqual(
            new VehicleConfiguration("Jaguar", "Pace", null, null, _years).Id,
            new VehicleConfiguration("Jag", "Pace", null, null, _years).Id);
    }

    [Fact]
    public void A_different_model_gets_a_different_id()
    {
        Assert.NotEqual(
            new VehicleConfiguration("Jaguar", "F-PACE", null, null, _years).Id,
            new VehicleConfiguration("Jaguar", "E-PACE", null, null, _years).Id);
    }

    [Fact]
    public void A_different_trim_gets_a_different_id()
    {
        Assert.NotEqual(
            new VehicleConfiguration("Jaguar", "F-PACE", "R-Sport", "SUV", _years).Id,
            new VehicleConfiguration("Jaguar", "F-PACE", "Prestige", "SUV", _years).Id);
    }

    [Fact]
    public void A_trim_and_no_trim_get_different_ids()
    {
        Assert.NotEqual(
            new VehicleConfiguration("Jaguar", "F-PACE", "R-Sport", null, _years).Id,
            new VehicleConfiguration("Jaguar", "F-PACE", null, null, _years).Id);
    }

    [Fact]
    public void A_different_body_gets_a_different_id()
    {
        Assert.NotEqual(
            new VehicleConfiguration("Jaguar", "F-TYPE", null, "Coupe", _years).Id,
            new VehicleConfiguration("Jaguar", "F-TYPE", null, "Convertible", _years).Id);
    }

    [Fact]
    public void The_same_word_as_trim_or_as_body_gets_different_ids()
    {
        Assert.NotEqual(
            new VehicleConfiguration("Jaguar", "F-TYPE", "Sport", null, _years).Id,
            new VehicleConfiguration("Jaguar", "F-TYPE", null, "Sport", _years).Id);
    }

    [Fact]
    public void A_different_first_year_gets_a_different_id()
    {
        Assert.NotEqual(
            new VehicleConfiguration("Jaguar", "F-PACE", null, null, new YearRange(2016, 2020)).Id,
            new VehicleConfiguration("Jaguar", "F-PACE", null, null, new YearRange(2017, 2020)).Id);
    }

    [Fact]
    public void A_different_last_year_gets_a_different_id()
    {
        Assert.NotEqual(
            new VehicleConfiguration("Jaguar", "F-PACE", null, null, new YearRange(2016, 2020)).Id,
            new VehicleConfiguration("Jaguar", "F-PACE", null, null, new YearRange(2016, 2021)).Id);
    }

    [Fact]
    public void Known_years_and_unknown_years_get_different_ids()
    {
        Assert.NotEqual(
            new VehicleConfiguration("Jaguar", "F-PACE", null, null, _years).Id,
            new VehicleConfiguration("Jaguar", "F-PACE", null, null, null).Id);
    }

    [Fact]
    public void Fields_are_stored_trimmed_as_given()
    {
        var configuration = new VehicleConfiguration(" Jaguar ", " F-PACE ", " R-Sport ", " SUV ", _years);

        Assert.Equal(("Jaguar", "F-PACE", "R-Sport", "SUV"), (configuration.Make, configuration.Model, configuration.Trim, configuration.Body));
    }

    [Fact]
    public void Blank_trim_and_body_are_stored_as_null()
    {
        var configuration = new VehicleConfiguration("Jaguar", "F-PACE", " ", "", _years);

        Assert.Null(configuration.Trim);
        Assert.Null(configuration.Body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_make_is_rejected(string? make)
    {
        Assert.ThrowsAny<ArgumentException>(() => new VehicleConfiguration(make!, "F-PACE", null, null, null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_model_is_rejected(string? model)
    {
        Assert.ThrowsAny<ArgumentException>(() => new VehicleConfiguration("Jaguar", model!, null, null, null));
    }
}
