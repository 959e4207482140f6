using System.Net;
using System.Text.Json;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Imaging;

namespace VehicleImages.Api.Tests.OneAuto;

public sealed class OneAutoTests(LibraryFixture library) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly Guid FPaceS2019 = new VehicleConfiguration("Jaguar", "F-PACE", "S", null, YearRange.OneYear(2019)).Id;

    [Fact]
    public async Task Imagesearch_returns_each_configurations_descriptions_image_ids_and_the_colours_really_held()
    {
        var (status, body) = await GetAsync("/vehicleimagery/imagesearch?manufacturer_desc=jaguar&model_range_desc=F-Pace&manufactured_year=2019");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        var vehicles = body.GetProperty("result").EnumerateArray().ToList();
        Assert.Equal(["Prestige", "S"], vehicles.Select(v => v.GetProperty("derivative_desc").GetString()).Order(StringComparer.Ordinal));
        var s = vehicles.Single(v => v.GetProperty("derivative_desc").GetString() == "S");
        Assert.Equal(("Jaguar", "F-PACE", 2019), (s.GetProperty("manufacturer_desc").GetString(), s.GetProperty("model_range_desc").GetString(), s.GetProperty("manufactured_year").GetInt32()));
        var ids = s.GetProperty("image_ids");
        Assert.Equal(
            ["front", "front_right", "right", "rear_right", "rear", "rear_left", "left", "front_left", "inside_1", "inside_2", "inside_3"],
            ids.EnumerateObject().Select(p => p.Name));
        Assert.Equal($"{FPaceS2019}-1", ids.GetProperty("front").GetString());
        Assert.Equal($"{FPaceS2019}-8", ids.GetProperty("front_left").GetString());
        Assert.Equal($"{FPaceS2019}-10", ids.GetProperty("inside_1").GetString());
        Assert.Equal(JsonValueKind.Null, ids.GetProperty("front_right").ValueKind);
        Assert.Equal(["White"], s.GetProperty("colour_desc_list").EnumerateArray().Select(c => c.GetString()));
    }

    [Theory]
    [InlineData("model_range_desc=f-pace&manufactured_year=2019", "manufacturer_desc")]
    [InlineData("manufacturer_desc=jaguar&manufactured_year=2019", "model_range_desc")]
    [InlineData("manufacturer_desc=jaguar&model_range_desc=f-pace", "manufactured_year")]
    public async Task A_missing_search_parameter_is_a_400_naming_it(string parameters, string missing)
    {
        var (status, body) = await GetAsync($"/vehicleimagery/imagesearch?{parameters}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Contains(missing, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_that_matches_nothing_is_204_with_no_body()
    {
        var response = await SendAsync("/vehicleimagery/imagesearch?manufacturer_desc=jaguar&model_range_desc=xj220&manufactured_year=1993");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Derivative_and_body_narrow_the_search()
    {
        var (_, body) = await GetAsync("/vehicleimagery/imagesearch?manufacturer_desc=jaguar&model_range_desc=f-pace&manufactured_year=2019&derivative_desc=prestige");

        Assert.Equal(["Prestige"], body.GetProperty("result").EnumerateArray().Select(v => v.GetProperty("derivative_desc").GetString()));
    }

    [Fact]
    public async Task The_vin_search_lists_the_vehicles_the_vin_may_be_the_one_its_own_photos_were_filed_under_first()
    {
        var (status, body) = await GetAsync($"/vehicleimagery/imagesearchfromvin?vehicle_identification_number={LibraryFixture.FordVin}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["images"], body.GetProperty("result").EnumerateObject().Select(p => p.Name));
        var vehicles = body.GetProperty("result").GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(["SuperCrew", "XLT"], vehicles.Select(v => v.GetProperty("derivative_desc").GetString()));
        Assert.All(vehicles, v => Assert.Equal(("Ford", "F-150", 2023), (v.GetProperty("manufacturer_desc").GetString(), v.GetProperty("model_range_desc").GetString(), v.GetProperty("manufactured_year").GetInt32())));
        var superCrew = new VehicleConfiguration("Ford", "F-150", "SuperCrew", null, YearRange.OneYear(2023)).Id;
        Assert.Equal($"{superCrew}-8", vehicles[0].GetProperty("image_ids").GetProperty("front_left").GetString());
        Assert.Equal(["Black"], vehicles[0].GetProperty("colour_desc_list").EnumerateArray().Select(c => c.GetString()));
    }

    [Theory]
    [InlineData("vehicle_identification_number=1FTEW1C52PFA8682", HttpStatusCode.BadRequest)]
    [InlineData("vehicle_identification_number=1HGCM82633A123456", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("vehicle_identification_number=SADCM2FV6KA360455", HttpStatusCode.OK)]
    [InlineData("vehicle_identification_number=WVWZZZ1JZXW000001", HttpStatusCode.NoContent)]
    public async Task The_vin_search_answers_bad_vins_with_400_and_unknown_vehicles_with_204(string parameters, HttpStatusCode expected)
    {
        var response = await SendAsync($"/vehicleimagery/imagesearchfromvin?{parameters}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("ab12cde", HttpStatusCode.OK)]
    [InlineData("AB12 CDE", HttpStatusCode.OK)]
    [InlineData("ZZ99ZZZ", HttpStatusCode.NoContent)]
    public async Task A_registration_mark_is_known_only_when_an_ingested_row_carried_one(string vrm, HttpStatusCode expected)
    {
        var response = await SendAsync($"/vehicleimagery/imagesearchfromvrm?vehicle_registration_mark={Uri.EscapeDataString(vrm)}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
            Assert.Equal("TT", body.RootElement.GetProperty("result").GetProperty("images")[0].GetProperty("model_range_desc").GetString());
        }
    }

    [Fact]
    public async Task An_image_id_from_a_search_round_trips_to_a_link_that_serves_that_view()
    {
        var (_, search) = await GetAsync("/vehicleimagery/imagesearch?manufacturer_desc=jaguar&model_range_desc=f-pace&manufactured_year=2019&derivative_desc=s");
        var id = search.GetProperty("result")[0].GetProperty("image_ids").GetProperty("front").GetString();

        var (status, body) = await GetAsync($"/vehicleimagery/imagefromid?image_id={id}&image_background=Opaque");
        var response = await library.App.Client.GetAsync(body.GetProperty("result").GetProperty("image_url").GetString(), Cancel);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await BytesOfAsync("fpace-s-white-front", "Opaque"), await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Image_ids_are_the_same_after_the_library_is_ingested_again()
    {
        var first = await FrontIdAsync();
        await library.App.Service<VehicleImages.Application.Ingest.IngestPipeline>().RunAsync(
            VehicleImages.Application.Ingest.Sources.IngestSources.Expand([Path.Combine(library.App.DataDirectory, "fixture", "manifest.csv")]).ToList(),
            new VehicleImages.Application.Ingest.IngestOptions(), null, Cancel);

        Assert.Equal(first, await FrontIdAsync());
        Assert.Equal($"{FPaceS2019}-1", first);
    }

    [Theory]
    [InlineData("white")]
    [InlineData("WHITE")]
    [InlineData("Glacier White")]
    public async Task The_colour_is_matched_case_insensitively_and_oem_names_map_to_generic_ones(string colour)
    {
        var (status, _) = await GetAsync($"/vehicleimagery/imagefromid?image_id={FPaceS2019}-1&generic_colour_desc={Uri.EscapeDataString(colour)}");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_colour_the_car_does_not_have_is_400_unless_ignore_issues_is_true_then_206_with_the_nearest()
    {
        var (refused, error) = await GetAsync($"/vehicleimagery/imagefromid?image_id={FPaceS2019}-1&generic_colour_desc=Silver");
        var (partial, body) = await GetAsync($"/vehicleimagery/imagefromid?image_id={FPaceS2019}-1&generic_colour_desc=Silver&ignore_issues=true");

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal("Requested color not found for this car", error.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.PartialContent, partial);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Contains("nearest is White", body.GetProperty("warning").GetString(), StringComparison.Ordinal);
        Assert.NotNull(body.GetProperty("result").GetProperty("image_url").GetString());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("yes")]
    [InlineData("TRUE")]
    public async Task Ignore_issues_must_be_the_literal_string_true(string value)
    {
        var (status, body) = await GetAsync($"/vehicleimagery/imagefromid?image_id={FPaceS2019}-1&generic_colour_desc=Silver&ignore_issues={value}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("ignore_issues", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transparent_keeps_a_cutouts_alpha_as_png_and_opaque_flattens_it_onto_white()
    {
        var prestige = new VehicleConfiguration("Jaguar", "F-PACE", "Prestige", null, YearRange.OneYear(2019)).Id;
        var imaging = library.App.Service<ImageProcessor>();

        var (transparentStatus, transparent) = await GetAsync($"/vehicleimagery/imagefromid?image_id={prestige}-2&generic_colour_desc=Black&image_background=Transparent");
        var (opaqueStatus, opaque) = await GetAsync($"/vehicleimagery/imagefromid?image_id={prestige}-2&generic_colour_desc=Black&image_background=Opaque");
        var transparentBytes = await library.App.Client.GetByteArrayAsync(transparent.GetProperty("result").GetProperty("image_url").GetString(), Cancel);
        var opaqueBytes = await library.App.Client.GetByteArrayAsync(opaque.GetProperty("result").GetProperty("image_url").GetString(), Cancel);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (transparentStatus, opaqueStatus));
        Assert.Equal((ImageFormat.Png, true), (imaging.Probe(transparentBytes).Format, imaging.Probe(transparentBytes).HasAlpha));
        Assert.Equal((ImageFormat.Jpeg, false), (imaging.Probe(opaqueBytes).Format, imaging.Probe(opaqueBytes).HasAlpha));
    }

    [Theory]
    [InlineData("", "image_id")]
    [InlineData("image_id=not-an-id", "image_id")]
    [InlineData("image_id=5d0c6f3e-8a51-4d1b-9c7e-2f4a9b6e1c30-9", "image_id")]
    [InlineData("image_id=5d0c6f3e-8a51-4d1b-9c7e-2f4a9b6e1c30-1&image_background=Checkered", "image_background")]
    [InlineData("image_id=5d0c6f3e-8a51-4d1b-9c7e-2f4a9b6e1c30-1&generic_colour_desc=Nardo", "generic_colour_desc")]
    public async Task Bad_imagefromid_parameters_are_400s_naming_the_parameter(string parameters, string named)
    {
        var (status, body) = await GetAsync($"/vehicleimagery/imagefromid?{parameters}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_for_a_view_the_library_does_not_hold_is_204()
    {
        var response = await SendAsync($"/vehicleimagery/imagefromid?image_id={FPaceS2019}-12");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("vik_notakey")]
    public async Task A_missing_or_invalid_key_is_403_in_the_envelope(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/vehicleimagery/imagefromid?image_id={FPaceS2019}-1");
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        var response = await library.App.Client.SendAsync(request, Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(["success", "error"], body.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task An_internal_failure_is_500_in_the_envelope_without_details()
    {
        // The original of an image vanishes from the blob store. Its JPEG, made at ingest, still serves; a PNG has
        // to be rendered from the original, and that fails.
        var tt = new VehicleConfiguration("Audi", "TT", "Coupe 2.0 TFSI", null, new YearRange(2006, 2014)).Id;
        var hash = ContentHash.Of(await File.ReadAllBytesAsync(Path.Combine(library.App.DataDirectory, "fixture", "tt-silver-fr.jpg"), Cancel));
        var original = Path.Combine(library.App.DataDirectory, "blobs", VehicleImages.Domain.Renditions.BlobKeys.Original(hash));
        var kept = await File.ReadAllBytesAsync(original, Cancel);
        File.Delete(original);
        try
        {
            var jpeg = await GetAsync($"/vehicleimagery/imagefromid?image_id={tt}-2&image_background=Opaque");
            var png = await GetAsync($"/vehicleimagery/imagefromid?image_id={tt}-2&image_background=Transparent");

            Assert.Equal(HttpStatusCode.OK, jpeg.Status);
            Assert.Equal(HttpStatusCode.InternalServerError, png.Status);
            Assert.Equal(["success", "error"], png.Body.EnumerateObject().Select(p => p.Name));
            Assert.Equal("Internal error: the request could not be processed", png.Body.GetProperty("error").GetString());
        }
        finally
        {
            await File.WriteAllBytesAsync(original, kept, Cancel);
        }
    }

    private async Task<string> FrontIdAsync()
    {
        var (_, body) = await GetAsync("/vehicleimagery/imagesearch?manufacturer_desc=jaguar&model_range_desc=f-pace&manufactured_year=2019&derivative_desc=s");
        return body.GetProperty("result")[0].GetProperty("image_ids").GetProperty("front").GetString()!;
    }

    private async Task<byte[]> BytesOfAsync(string name, string background)
    {
        var response = await library.App.Client.GetAsync($"/images?key={library.Key}&make=jaguar&model=f-pace&angle=front&size=Wallpaper&transparent={(background == "Opaque" ? "false" : "true")}", Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var image = body.RootElement.GetProperty("images").EnumerateArray().First(i => i.GetProperty("contextLink").GetString()!.EndsWith('/' + name));
        return await library.App.Client.GetByteArrayAsync(image.GetProperty("link").GetString(), Cancel);
    }

    private async Task<HttpResponseMessage> SendAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", library.Key);
        return await library.App.Client.SendAsync(request, Cancel);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        var response = await SendAsync(path);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
