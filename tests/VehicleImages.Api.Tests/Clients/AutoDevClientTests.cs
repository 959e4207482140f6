using System.Text.Json;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Keys;
using VehicleImages.Imaging;

namespace VehicleImages.Api.Tests.Clients;

/// <summary>
/// auto.dev's own SDK (@auto.dev/sdk), constructed with our baseUrl, gets the photo list and reads our errors as it
/// reads the vendor's: the 404, a wrong key as a key problem, a key without the API as a plan problem.
/// </summary>
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

    [Fact]
    public async Task The_vendors_sdk_reports_an_unknown_key_as_a_key_problem_not_a_plan_problem()
    {
        using var output = JsonDocument.Parse(await RunAsync(LibraryFixture.FordVin, KeySecrets.Generate()));
        var result = output.RootElement;

        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal(401, result.GetProperty("status").GetInt32());
        Assert.Equal("UNAUTHORIZED", result.GetProperty("code").GetString());
        Assert.Contains("Check your API key", result.GetProperty("suggestion").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_vendors_sdk_reports_a_key_without_the_api_as_a_plan_problem()
    {
        using var output = JsonDocument.Parse(await RunAsync(LibraryFixture.FordVin, library.AdminOnlyKey));
        var result = output.RootElement;

        Assert.Equal(403, result.GetProperty("status").GetInt32());
        Assert.Equal("PLAN_REQUIRED", result.GetProperty("code").GetString());
        Assert.Contains("Upgrade", result.GetProperty("suggestion").GetString(), StringComparison.Ordinal);
    }

    // The SDK strips the response's single top-level key, so "data" may arrive as {retail: [...]} or as the list.
    private static IEnumerable<string> Retail(JsonElement data) =>
        (data.ValueKind == JsonValueKind.Array ? data : data.TryGetProperty("retail", out var retail) ? retail : data.GetProperty("data").GetProperty("retail"))
            .EnumerateArray().Select(u => u.GetString()!);

    private Task<string> RunAsync(string vin, string? key = null) => NodeClients.RunAsync("autodev-photos.mjs", new Dictionary<string, string>
    {
        ["BASE_URL"] = library.App.Address.ToString().TrimEnd('/'),
        ["KEY"] = key ?? library.Key,
        ["VIN"] = vin,
        ["HOME"] = Path.GetTempPath(), // the SDK reads an optional config file from the home folder
    });
}
