using System.Text.Json;
using VehicleImages.Domain.Images;
using VehicleImages.Imaging;

namespace VehicleImages.Api.Tests.Clients;

/// <summary>auto.dev's own SDK (@auto.dev/sdk), constructed with our baseUrl, gets the photo list and the 404 error.</summary>
public sealed class AutoDevClientTests(LibraryFixture library) : IClassFixture<LibraryFixture>
{
    [Fact]
    public async Task The_vendors_sdk_gets_the_photo_list_and_its_urls_download_real_jpegs()
    {
        using var output = JsonDocument.Parse(await RunAsync(LibraryFixture.FordVin));
        var result = output.RootElement;

        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Matches("^[0-9a-f]{16}$", result.GetProperty("requestId").GetString()!);
        var urls = Retail(result.GetProperty("data")).ToList();
        Assert.Equal(4, urls.Count);
        foreach (var url in urls)
        {
            var bytes = await library.App.Client.GetByteArrayAsync(url, TestContext.Current.CancellationToken);
            Assert.Equal(ImageFormat.Jpeg, library.App.Service<ImageProcessor>().Probe(bytes).Format);
        }
    }

    [Fact]
    public async Task The_vendors_sdk_reads_our_404_for_a_malformed_vin()
    {
        using var output = JsonDocument.Parse(await RunAsync("123Invalid"));
        var result = output.RootElement;

        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal(404, result.GetProperty("status").GetInt32());
        Assert.Contains("does not have any photos", result.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    // The SDK strips the response's single top-level key, so "data" may arrive as {retail: [...]} or as the list.
    private static IEnumerable<string> Retail(JsonElement data) =>
        (data.ValueKind == JsonValueKind.Array ? data : data.TryGetProperty("retail", out var retail) ? retail : data.GetProperty("data").GetProperty("retail"))
            .EnumerateArray().Select(u => u.GetString()!);

    private Task<string> RunAsync(string vin) => NodeClients.RunAsync("autodev-photos.mjs", new Dictionary<string, string>
    {
        ["BASE_URL"] = library.App.Address.ToString().TrimEnd('/'),
        ["KEY"] = library.Key,
        ["VIN"] = vin,
        ["HOME"] = Path.GetTempPath(), // the SDK reads an optional config file from the home folder
    });
}
