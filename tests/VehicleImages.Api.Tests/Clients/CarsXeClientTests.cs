using System.Net;
using System.Text.Json;
using VehicleImages.Imaging;

namespace VehicleImages.Api.Tests.Clients;

/// <summary>CarsXE's own npm client (carsxe-api), pointed at our server, gets correct results.</summary>
public sealed class CarsXeClientTests(LibraryFixture library) : IClassFixture<LibraryFixture>
{
    [Fact]
    public async Task The_vendors_npm_client_gets_images_whose_links_download_what_they_state()
    {
        var output = await NodeClients.RunAsync("carsxe-images.js", new Dictionary<string, string>
        {
            ["BASE_URL"] = library.App.Address.ToString().TrimEnd('/'),
            ["KEY"] = library.Key,
            ["PARAMS"] = """{"make":"jaguar","model":"f-pace","year":"2019","angle":"front three-quarter","size":"Large","transparent":false}""",
        });

        using var response = JsonDocument.Parse(output);
        Assert.True(response.RootElement.GetProperty("success").GetBoolean());
        var images = response.RootElement.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(3, images.Count);
        foreach (var image in images)
        {
            var bytes = await library.App.Client.GetByteArrayAsync(image.GetProperty("link").GetString(), TestContext.Current.CancellationToken);
            var header = library.App.Service<ImageProcessor>().Probe(bytes);
            Assert.Equal(image.GetProperty("byteSize").GetInt64(), bytes.LongLength);
            Assert.Equal((image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32()), (header.Width, header.Height));
        }
    }

    [Fact]
    public async Task The_vendors_npm_client_receives_errors_as_parsed_json()
    {
        var output = await NodeClients.RunAsync("carsxe-images.js", new Dictionary<string, string>
        {
            ["BASE_URL"] = library.App.Address.ToString().TrimEnd('/'),
            ["KEY"] = "vik_wrongwrongwrongwrongwrongwrongwr",
            ["PARAMS"] = """{"make":"jaguar","model":"f-pace"}""",
        });

        using var response = JsonDocument.Parse(output);
        Assert.False(response.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal("Invalid API key", response.RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await library.App.Client.GetAsync("/images?key=vik_wrong&make=a&model=b", TestContext.Current.CancellationToken)).StatusCode);
    }
}
