using VehicleImages.Domain.Vins;
using VehicleImages.Storage.Vpic;

namespace VehicleImages.Storage.Tests.Vpic;

public sealed class VpicDecoderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("1FTEW1C52PFA86825", 2023, "Ford", "F-150", "SuperCrew", "Pickup")]
    [InlineData("SADCM2FV6KA360455", 2019, "Jaguar", "F-PACE", "S", "Sport Utility Vehicle (SUV)/Multi-Purpose Vehicle (MPV)")]
    public async Task Real_vins_decode_to_make_model_year_and_trim(string vin, int year, string make, string model, string trim, string body)
    {
        var decoder = (await VpicDecoder.OpenAsync(VpicData.Require(), Cancel))!;

        var decoding = await decoder.DecodeAsync(Vin.Parse(vin), Cancel);

        Assert.Equal((year, make, model, trim, body), (decoding.ModelYear, decoding.Make, decoding.Model, decoding.Trim, decoding.Body));
        Assert.Equal(VinDecodingSource.Vpic, decoding.Source);
        Assert.NotNull(decoding.Manufacturer);
        Assert.NotNull(decoding.PlantCountry);
    }

    [Fact]
    public async Task A_vin_whose_check_digit_is_wrong_still_decodes_its_vehicle()
    {
        var decoder = (await VpicDecoder.OpenAsync(VpicData.Require(), Cancel))!;

        var decoding = await decoder.DecodeAsync(Vin.Parse("1HGCM82633A123456"), Cancel);

        Assert.Equal(("Honda", "Accord", 2003), (decoding.Make, decoding.Model, decoding.ModelYear));
    }

    [Fact]
    public async Task An_unknown_manufacturer_code_decodes_to_what_the_vin_itself_says()
    {
        var decoder = (await VpicDecoder.OpenAsync(VpicData.Require(), Cancel))!;

        var decoding = await decoder.DecodeAsync(Vin.Parse("ZZZZZZZZZZKZZZZZZ"), Cancel);

        Assert.Equal(VinDecodingSource.VinOnly, decoding.Source);
        Assert.Null(decoding.Make);
    }

    [Fact]
    public async Task A_missing_file_opens_as_no_decoder()
    {
        Assert.Null(await VpicDecoder.OpenAsync("/nonexistent/vpic.lite.db", Cancel));
    }
}
