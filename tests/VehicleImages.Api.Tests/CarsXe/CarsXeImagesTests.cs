using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using VehicleImages.Imaging;

namespace VehicleImages.Api.Tests.CarsXe;

public sealed class CarsXeImagesTests(LibraryFixture library) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_missing_key_is_401_in_the_carsxe_envelope()
    {
        var (status, body) = await GetAsync("/images?make=jaguar&model=f-pace");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("Missing API key", body.GetProperty("error").GetString());
        Assert.Equal(0, body.GetProperty("images").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_key_is_403()
    {
        var (status, body) = await GetAsync("/images?key=vik_nosuchkey0000000000000000000000&make=jaguar&model=f-pace");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.False(body.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task A_revoked_key_is_403()
    {
        var (status, body) = await GetAsync($"/images?key={library.RevokedKey}&make=jaguar&model=f-pace");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("revoked", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_without_the_api_scope_is_403()
    {
        var (status, _) = await GetAsync($"/images?key={library.AdminOnlyKey}&make=jaguar&model=f-pace");

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Theory]
    [InlineData("model=f-pace", "make")]
    [InlineData("make=jaguar", "model")]
    [InlineData("make=&model=f-pace", "make")]
    public async Task A_missing_make_or_model_is_a_400_naming_it(string parameters, string missing)
    {
        var (status, body) = await GetAsync($"/images?key={library.Key}&{parameters}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"'{missing}'", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("angle", "Front", "front three-quarter")]
    [InlineData("angle", "top", "rear three-quarter")]
    [InlineData("photoType", "Exterior", "interior, exterior, engine")]
    [InlineData("size", "small", "Small, Medium, Large, Wallpaper, All")]
    [InlineData("license", "public", "ShareCommercially")]
    [InlineData("format", "yaml", "json, xml")]
    [InlineData("transparent", "yes", "true, false")]
    [InlineData("validate", "1", "true, false")]
    [InlineData("year", "twenty", "2019")]
    [InlineData("year", "1700", "2019")]
    public async Task A_value_outside_the_documented_ones_is_a_400_naming_the_parameter_and_the_allowed_values(string parameter, string value, string listed)
    {
        var (status, body) = await GetAsync($"/images?key={library.Key}&make=jaguar&model=f-pace&{parameter}={Uri.EscapeDataString(value)}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.GetProperty("error").GetString()!;
        Assert.Contains($"'{parameter}'", error, StringComparison.Ordinal);
        Assert.Contains(listed, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jaguar", "f-pace")]
    [InlineData("Jaguar", "F-PACE")]
    [InlineData("JAGUAR", "f pace")]
    public async Task Make_and_model_match_forgivingly(string make, string model)
    {
        var images = await ImagesAsync($"make={Uri.EscapeDataString(make)}&model={Uri.EscapeDataString(model)}");

        Assert.NotEmpty(images);
    }

    [Fact]
    public async Task The_answer_has_the_seeds_shape_with_the_query_echoed_without_the_key()
    {
        var (status, body) = await GetAsync($"/images?key={library.Key}&year=2019&make=jaguar&model=f-pace&source=npm");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["query", "images", "success", "error"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["year", "make", "model"], body.GetProperty("query").EnumerateObject().Select(p => p.Name));
        Assert.Equal("f-pace", body.GetProperty("query").GetProperty("model").GetString());
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("", body.GetProperty("error").GetString());
        var image = body.GetProperty("images")[0];
        Assert.Equal(
            ["mime", "link", "contextLink", "height", "width", "byteSize", "thumbnailLink", "thumbnailHeight", "thumbnailWidth", "hostPageDomainFriendlyName", "accentColor", "datePublished"],
            image.EnumerateObject().Select(p => p.Name));
        Assert.Matches("^[0-9A-F]{6}$", image.GetProperty("accentColor").GetString()!);
        Assert.StartsWith("https://dealer.example/", image.GetProperty("contextLink").GetString(), StringComparison.Ordinal);
        Assert.Equal("dealer.example", image.GetProperty("hostPageDomainFriendlyName").GetString());
    }

    [Fact]
    public async Task An_unknown_model_gives_an_empty_images_array_not_an_error()
    {
        var (status, body) = await GetAsync($"/images?key={library.Key}&make=jaguar&model=xj220");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("images").GetArrayLength());
        Assert.True(body.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task The_year_must_fall_in_the_configurations_range()
    {
        var in2017 = await ImagesAsync("make=jaguar&model=f-pace&year=2017");
        var in2019 = await ImagesAsync("make=jaguar&model=f-pace&year=2019");
        var in2022 = await ImagesAsync("make=jaguar&model=f-pace&year=2022");

        Assert.Single(in2017);
        Assert.Equal(6, in2019.Count); // the good exterior 2019 shots
        Assert.Empty(in2022);
    }

    [Fact]
    public async Task The_hero_view_comes_first_then_larger_images()
    {
        var images = await ImagesAsync("make=jaguar&model=f-pace&year=2019&transparent=false");

        Assert.Equal(["fpace-s-white-fl", "fpace-prestige-red-fr", "fpace-prestige-black-cut"], images.Take(3).Select(Name));
    }

    [Fact]
    public async Task The_requested_trim_comes_before_other_trims()
    {
        var images = await ImagesAsync("make=jaguar&model=f-pace&year=2019&trim=prestige&transparent=false");

        Assert.Equal(["fpace-prestige-black-cut", "fpace-prestige-red-fr"], images.Take(2).Select(Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_requested_colour_comes_first_and_oem_names_count()
    {
        var red = await ImagesAsync("make=jaguar&model=f-pace&year=2019&color=red");
        var black = await ImagesAsync("make=jaguar&model=f-pace&year=2019&color=Ebony");

        Assert.Equal("fpace-prestige-red-fr", Name(red[0]));
        Assert.Equal("fpace-prestige-black-cut", Name(black[0]));
    }

    [Fact]
    public async Task Transparent_true_ranks_cutouts_first_and_false_does_not()
    {
        var preferred = await ImagesAsync("make=jaguar&model=f-pace&year=2019");
        var plain = await ImagesAsync("make=jaguar&model=f-pace&year=2019&transparent=false");

        Assert.Equal("fpace-prestige-black-cut", Name(preferred[0]));
        Assert.Equal("image/png", preferred[0].GetProperty("mime").GetString());
        Assert.NotEqual("fpace-prestige-black-cut", Name(plain[0]));
    }

    [Theory]
    [InlineData("front", new[] { "fpace-s-white-front" })]
    [InlineData("rear", new[] { "fpace-s-white-rear" })]
    [InlineData("back", new[] { "fpace-s-white-rear" })]
    [InlineData("side", new[] { "fpace-s-white-side" })]
    [InlineData("front three-quarter", new[] { "fpace-s-white-fl", "fpace-prestige-red-fr", "fpace-prestige-black-cut" })]
    public async Task The_angle_filters_by_view_in_both_vocabularies(string angle, string[] expected)
    {
        var images = await ImagesAsync($"make=jaguar&model=f-pace&year=2019&angle={Uri.EscapeDataString(angle).Replace("%20", "+", StringComparison.Ordinal)}");

        Assert.Equal(expected.Order(), images.Select(Name).Order());
    }

    [Fact]
    public async Task The_photo_type_selects_interior_shots()
    {
        var images = await ImagesAsync("make=jaguar&model=f-pace&photoType=interior");

        Assert.Equal(["fpace-s-cabin"], images.Select(Name));
    }

    [Fact]
    public async Task Validate_true_leaves_out_images_that_failed_the_quality_checks_and_false_keeps_them()
    {
        var validated = await ImagesAsync("make=jaguar&model=f-pace&year=2019&angle=rear+three-quarter");
        var unvalidated = await ImagesAsync("make=jaguar&model=f-pace&year=2019&angle=rear+three-quarter&validate=false");

        Assert.Empty(validated);
        Assert.Equal(["fpace-s-tiny"], unvalidated.Select(Name));
    }

    [Theory]
    [InlineData("Public", new[] { "fpace-s-white-fl", "fpace-prestige-red-fr", "fpace-prestige-black-cut", "fpace-s-white-side" })]
    [InlineData("Share", new[] { "fpace-s-white-fl", "fpace-prestige-red-fr", "fpace-prestige-black-cut", "fpace-s-white-side", "fpace-s-white-front", "fpace-s-white-rear" })]
    [InlineData("ModifyCommercially", new[] { "fpace-s-white-fl", "fpace-prestige-red-fr", "fpace-prestige-black-cut", "fpace-s-white-side", "fpace-s-white-front" })]
    public async Task The_license_filter_returns_images_whose_licence_allows_that_use(string license, string[] expected)
    {
        var images = await ImagesAsync($"make=jaguar&model=f-pace&year=2019&license={license}");

        Assert.Equal(expected.Order(), images.Select(Name).Order());
    }

    [Fact]
    public async Task At_most_ten_images_are_returned()
    {
        var images = await ImagesAsync("make=jaguar&model=f-pace&validate=false&photoType=exterior");

        Assert.True(images.Count <= 10);
        Assert.Equal(8, images.Count);
    }

    [Theory]
    [InlineData("Small", 320)]
    [InlineData("Medium", 640)]
    [InlineData("Large", 1280)]
    [InlineData("Wallpaper", 1920)]
    public async Task A_size_links_a_rendition_whose_stated_size_bytes_and_type_are_what_it_serves(string size, int edge)
    {
        var images = await ImagesAsync($"make=jaguar&model=f-pace&year=2019&size={size}");

        foreach (var image in images)
        {
            await AssertServesWhatItStatesAsync(image, "link", "width", "height", "byteSize", image.GetProperty("mime").GetString()!);
            Assert.True(Math.Max(image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32()) <= edge);
        }

        var large = images.Single(i => Name(i) == "fpace-s-white-fl");
        Assert.Equal(Math.Min(edge, 2400), large.GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task Size_all_links_the_original_as_ingested()
    {
        var images = await ImagesAsync("make=jaguar&model=f-pace&year=2019&size=All");

        var large = images.Single(i => Name(i) == "fpace-s-white-fl");
        Assert.Equal((2400, 1600), (large.GetProperty("width").GetInt32(), large.GetProperty("height").GetInt32()));
        await AssertServesWhatItStatesAsync(large, "link", "width", "height", "byteSize", "image/jpeg");
    }

    [Fact]
    public async Task Thumbnails_are_150_pixel_renditions_that_serve_what_they_state()
    {
        var image = (await ImagesAsync("make=jaguar&model=f-pace&year=2019"))[0];

        Assert.True(Math.Max(image.GetProperty("thumbnailWidth").GetInt32(), image.GetProperty("thumbnailHeight").GetInt32()) <= 150);
        await AssertServesWhatItStatesAsync(image, "thumbnailLink", "thumbnailWidth", "thumbnailHeight", null, null);
    }

    [Fact]
    public async Task Xml_carries_the_same_content_as_json()
    {
        var json = await ImagesAsync("make=jaguar&model=f-pace&year=2019&size=Small");
        var response = await library.App.Client.GetAsync($"/images?key={library.Key}&make=jaguar&model=f-pace&year=2019&size=Small&format=xml", Cancel);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("true", xml.Root!.Element("success")!.Value);
        Assert.Equal("f-pace", xml.Root.Element("query")!.Element("model")!.Value);
        var images = xml.Root.Element("images")!.Elements("image").ToList();
        Assert.Equal(json.Count, images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            foreach (var field in json[i].EnumerateObject())
            {
                Assert.Equal(field.Value.ToString(), images[i].Element(field.Name)!.Value);
            }
        }
    }

    [Fact]
    public async Task Xml_errors_come_as_xml()
    {
        var response = await library.App.Client.GetAsync("/images?make=jaguar&model=f-pace&format=xml", Cancel);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("false", xml.Root!.Element("success")!.Value);
        Assert.Equal("Missing API key", xml.Root.Element("error")!.Value);
    }

    [Theory]
    [InlineData("/images?key=%ZZ&make=%00&model=%FF%FE")]
    [InlineData("/images?make[]=a&model[x]=b")]
    public async Task Malformed_queries_get_a_4xx_envelope_never_a_500(string path)
    {
        var response = await library.App.Client.GetAsync(path, Cancel);

        Assert.InRange((int)response.StatusCode, 400, 499);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.False(body.RootElement.GetProperty("success").GetBoolean());
    }

    private async Task AssertServesWhatItStatesAsync(JsonElement image, string link, string width, string height, string? bytes, string? mime)
    {
        var response = await library.App.Client.GetAsync(image.GetProperty(link).GetString(), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var content = await response.Content.ReadAsByteArrayAsync(Cancel);
        var header = library.App.Service<ImageProcessor>().Probe(content);
        Assert.Equal((image.GetProperty(width).GetInt32(), image.GetProperty(height).GetInt32()), (header.Width, header.Height));
        if (bytes is not null)
        {
            Assert.Equal(image.GetProperty(bytes).GetInt64(), content.LongLength);
        }

        if (mime is not null)
        {
            Assert.Equal(mime, response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<List<JsonElement>> ImagesAsync(string parameters)
    {
        var (status, body) = await GetAsync($"/images?key={library.Key}&{parameters}");
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body.GetProperty("images").EnumerateArray()];
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        var response = await library.App.Client.GetAsync(path, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string Name(JsonElement image) => image.GetProperty("contextLink").GetString()!.Split('/')[^1];
}
