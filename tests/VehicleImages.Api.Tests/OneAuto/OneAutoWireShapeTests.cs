using System.Net;
using System.Text.Json;

namespace VehicleImages.Api.Tests.OneAuto;

/// <summary>The searches read by a typed client written against OneAuto's documented shape.</summary>
public sealed class OneAutoWireShapeTests(LibraryFixture library) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private OneAutoClient Client => new(library.App.Client, library.Key);

    [Fact]
    public async Task A_typed_client_reads_the_vin_search_at_result_images_0_with_the_vins_model_year_as_a_number()
    {
        var found = await Client.ImageSearchFromVinAsync(LibraryFixture.FordVin, Cancel);

        var best = found.Images[0];
        Assert.Equal(("Ford", "F-150", "SuperCrew", 2023), (best.ManufacturerDesc, best.ModelRangeDesc, best.DerivativeDesc, best.ManufacturedYear));
        Assert.Equal(["front", "rear", "left", "front_left", "inside_1"], best.ImageIds.Held.Keys);
        Assert.Equal(["Black"], best.ColourDescList);
        Assert.Equal(new OneAutoYearSpan(2023, 2023), best.ManufacturedYears);
        Assert.Equal(["SuperCrew", "XLT"], found.Images.Select(v => v.DerivativeDesc));
    }

    [Fact]
    public async Task A_typed_client_reads_the_vrm_search_with_the_first_year_of_the_range_and_the_range_beside_it()
    {
        var found = await Client.ImageSearchFromVrmAsync("AB12 CDE", Cancel);

        var vehicle = Assert.Single(found.Images);
        Assert.Equal(("Audi", "TT", "Coupe 2.0 TFSI", 2006), (vehicle.ManufacturerDesc, vehicle.ModelRangeDesc, vehicle.DerivativeDesc, vehicle.ManufacturedYear));
        Assert.Equal(new OneAutoYearSpan(2006, 2014), vehicle.ManufacturedYears);
        Assert.Equal(["front_right"], vehicle.ImageIds.Held.Keys);
        Assert.Equal(["Silver"], vehicle.ColourDescList);
    }

    [Fact]
    public async Task Imagesearch_answers_the_year_asked_for_a_configuration_spanning_several()
    {
        var vehicles = await Client.ImageSearchAsync("Jaguar", "F-PACE", 2017, Cancel);

        var rSport = Assert.Single(vehicles);
        Assert.Equal(("R-Sport", 2017, new OneAutoYearSpan(2016, 2018)), (rSport.DerivativeDesc, rSport.ManufacturedYear, rSport.ManufacturedYears));
    }

    [Theory]
    [InlineData("""{"success":true,"result":{"images":[{"view":"front","image_id":"x-1"}]}}""")]
    [InlineData("""{"success":true,"result":{"manufacturer_desc":"Audi","image_ids":{"front":"x-1"}}}""")]
    [InlineData("""{"success":true,"result":[{"manufacturer_desc":"Audi","model_range_desc":"TT","body_type_desc":"","derivative_desc":"","manufactured_year":2006,"image_ids":{},"colour_desc_list":[]}]}""")]
    [InlineData("""{"success":true,"result":{"images":[{"manufacturer_desc":"Audi","model_range_desc":"TT","body_type_desc":"","derivative_desc":"","manufactured_year":"2006-2014","image_ids":{},"colour_desc_list":[]}]}}""")]
    [InlineData("""{"success":true,"result":{"images":[{"manufacturer_desc":"Audi","model_range_desc":"TT","body_type_desc":"","derivative_desc":"","manufactured_year":"2006","image_ids":{},"colour_desc_list":[]}]}}""")]
    public void The_typed_client_refuses_the_shapes_this_service_used_to_answer(string answer)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<OneAutoAnswer<OneAutoIdentification>>(answer, OneAutoClient.Json));
    }

    [Theory]
    [InlineData("imagesearch?manufacturer_desc=Jaguar&model_range_desc=F-PACE&manufactured_year=2019")]
    [InlineData("imagesearchfromvin?vehicle_identification_number=" + LibraryFixture.FordVin)]
    [InlineData("imagesearchfromvrm?vehicle_registration_mark=AB12CDE")]
    public async Task Every_listed_colour_of_every_vehicle_a_search_returns_is_served_for_each_of_its_image_ids(string search)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/vehicleimagery/" + search);
        request.Headers.Add("x-api-key", library.Key);
        using var response = await library.App.Client.SendAsync(request, Cancel);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("result");
        var vehicles = result.ValueKind == JsonValueKind.Array
            ? result.Deserialize<IReadOnlyList<OneAutoVehicle>>(OneAutoClient.Json)!
            : result.Deserialize<OneAutoIdentification>(OneAutoClient.Json)!.Images;

        Assert.NotEmpty(vehicles);
        await ColourAgreement.AssertServedAsync(Client, vehicles, Cancel);
    }
}
