using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using VehicleImages.Domain.Images;
using VehicleImages.Imaging;

namespace VehicleImages.Api.Tests.AutoDev;

public sealed class AutoDevPhotosTests(LibraryFixture library) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("bearer")]
    [InlineData("header")]
    [InlineData("query")]
    public async Task The_key_is_taken_from_bearer_x_api_key_or_api_key(string way)
    {
        var (status, _, _) = await SendAsync($"/photos/{LibraryFixture.FordVin}", way);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Photos_come_in_gallery_order_by_sequence_with_unsequenced_exterior_before_interior()
    {
        var (_, body, _) = await SendAsync($"/photos/{LibraryFixture.FordVin}");
        var retail = body.GetProperty("data").GetProperty("retail").EnumerateArray().Select(u => u.GetString()!).ToList();

        Assert.Equal(4, retail.Count);
        Assert.Equal(
            [$"/photos/retail/{LibraryFixture.FordVin}-1.jpg", $"/photos/retail/{LibraryFixture.FordVin}-2.jpg", $"/photos/retail/{LibraryFixture.FordVin}-3.jpg", $"/photos/retail/{LibraryFixture.FordVin}-4.jpg"],
            retail.Select(u => new Uri(u).AbsolutePath));
        Assert.Equal(await ContextOf(retail[0]), await ContextOf(await LinkForAsync("ford-vin-1")));
        Assert.Equal(await ContextOf(retail[3]), await ContextOf(await LinkForAsync("ford-vin-cabin")));
        Assert.Single(body.GetProperty("data").GetProperty("wholesale").EnumerateArray());
    }

    [Fact]
    public async Task A_valid_vin_without_photos_is_200_with_an_empty_retail_array()
    {
        var (status, body, _) = await SendAsync("/photos/SADCM2FV6KA360455");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"data":{"retail":[]}}""", body.GetRawText());
    }

    [Fact]
    public async Task A_lower_case_vin_is_read()
    {
        var (status, body, _) = await SendAsync($"/photos/{LibraryFixture.FordVin.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, body.GetProperty("data").GetProperty("retail").GetArrayLength());
    }

    [Theory]
    [InlineData("/photos/1FTEW1C52PFA8682")]
    [InlineData("/photos/1FTEW1C52PFA868255")]
    [InlineData("/photos/1FTEW1C52PFA8682I")]
    [InlineData("/photos/1FTEW1C52PFA8682O")]
    [InlineData("/photos/1FTEW1Q52PFA86825")]
    [InlineData("/photos/1HGCM82633A123456")]
    [InlineData("/photos/123Invalid")]
    [InlineData("/photos/%FF%FE%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/photos/%F0%9F%9A%97%F0%9F%9A%97")]
    [InlineData("/photos/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task A_malformed_vin_is_404_in_the_documented_envelope(string path)
    {
        var (status, body, requestId) = await SendAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(["status", "error", "code", "path", "requestId"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(404, body.GetProperty("status").GetInt32());
        Assert.Equal("RESOURCE_NOT_FOUND", body.GetProperty("code").GetString());
        Assert.StartsWith("/photos/", body.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(requestId, body.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task A_nul_in_the_path_is_refused_by_the_http_layer_with_400_before_any_handler()
    {
        // Kestrel rejects a decoded NUL in the request target itself: a 4xx, never a 500, but without an envelope.
        var (status, _, _) = await SendRawAsync("/photos/%00%FF%FE");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task A_very_long_path_is_never_a_500()
    {
        var (status, _, _) = await SendAsync("/photos/" + new string('A', 4000));

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Every_response_carries_an_x_request_id()
    {
        var ok = await library.App.Client.GetAsync($"/photos/{LibraryFixture.FordVin}?apiKey={library.Key}", Cancel);
        var missing = await library.App.Client.GetAsync($"/photos/{LibraryFixture.FordVin}", Cancel);

        Assert.Matches("^[0-9a-f]{16}$", ok.Headers.GetValues("x-request-id").Single());
        Assert.NotEqual(ok.Headers.GetValues("x-request-id").Single(), missing.Headers.GetValues("x-request-id").Single());
    }

    [Theory]
    [InlineData("missing", 401, "UNAUTHORIZED")]
    [InlineData("unknown", 401, "UNAUTHORIZED")]
    [InlineData("revoked", 403, "API_KEY_REVOKED")]
    [InlineData("without the API", 403, "PLAN_REQUIRED")]
    public async Task Key_refusals_get_the_status_and_code_the_vendors_sdk_reads(string key, int status, string code)
    {
        var secret = key switch
        {
            "missing" => null,
            "unknown" => Domain.Keys.KeySecrets.Generate(),
            "revoked" => library.RevokedKey,
            _ => library.AdminOnlyKey,
        };

        var response = await library.App.Client.GetAsync($"/photos/{LibraryFixture.FordVin}" + (secret is null ? "" : $"?apiKey={secret}"), Cancel);

        Assert.Equal(status, (int)response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(status, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Photo_files_are_real_jpegs_at_full_size_by_default()
    {
        var (_, body, _) = await SendAsync($"/photos/{LibraryFixture.FordVin}");
        var imaging = library.App.Service<ImageProcessor>();

        foreach (var url in body.GetProperty("data").GetProperty("retail").EnumerateArray().Select(u => u.GetString()!))
        {
            var response = await library.App.Client.GetAsync(url, Cancel);
            var header = imaging.Probe(await response.Content.ReadAsByteArrayAsync(Cancel));
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal((ImageFormat.Jpeg, 1000, 750), (header.Format, header.Width, header.Height));
        }
    }

    [Theory]
    [InlineData(300, 320)]
    [InlineData(640, 640)]
    [InlineData(641, 1000)]
    public async Task A_width_picks_the_smallest_standard_size_at_least_that_wide_never_upscaled(int width, int expected)
    {
        var url = (await SendAsync($"/photos/{LibraryFixture.FordVin}")).Body.GetProperty("data").GetProperty("retail")[0].GetString()!;

        var bytes = await library.App.Client.GetByteArrayAsync($"{url}&width={width}", Cancel);

        Assert.Equal(expected, library.App.Service<ImageProcessor>().Probe(bytes).Width);
    }

    [Theory]
    [InlineData("-1.jpg", HttpStatusCode.Forbidden)]
    [InlineData("-9.jpg", HttpStatusCode.NotFound)]
    public async Task A_tampered_photo_link_is_403_and_one_past_the_gallery_is_404(string suffix, HttpStatusCode expected)
    {
        var url = (await SendAsync($"/photos/{LibraryFixture.FordVin}")).Body.GetProperty("data").GetProperty("retail")[1].GetString()!;
        var path = new Uri(url).AbsolutePath;
        var link = suffix == "-1.jpg"
            ? url.Replace("-2.jpg", suffix, StringComparison.Ordinal)
            : SignedPath(path.Replace("-2.jpg", suffix, StringComparison.Ordinal));

        var response = await library.App.Client.GetAsync(link, Cancel);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/photos/auction/1FTEW1C52PFA86825-1.jpg")]
    [InlineData("/photos/retail/1FTEW1C52PFA86825-0.jpg")]
    [InlineData("/photos/retail/1FTEW1C52PFA86825-1.png")]
    [InlineData("/photos/retail/not-a-vin-1.jpg")]
    public async Task Photo_paths_that_are_not_ours_are_404(string path)
    {
        var response = await library.App.Client.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private string SignedPath(string path)
    {
        var links = library.App.Service<Application.Media.MediaLinks>();
        return links.Permanent(path);
    }

    private async Task<string> LinkForAsync(string name)
    {
        var response = await library.App.Client.GetAsync($"/images?key={library.Key}&make=ford&model=f-150&validate=false&photoType={(name.Contains("cabin", StringComparison.Ordinal) ? "interior" : "exterior")}", Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return body.RootElement.GetProperty("images").EnumerateArray().First(i => i.GetProperty("contextLink").GetString()!.EndsWith('/' + name)).GetProperty("link").GetString()!;
    }

    // Two links show the same photo when their bytes hash alike.
    private async Task<string> ContextOf(string link) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(await library.App.Client.GetByteArrayAsync(link, Cancel)));

    private async Task<(HttpStatusCode Status, string Body, bool HasRequestId)> SendRawAsync(string path)
    {
        var response = await library.App.Client.GetAsync(path, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel), response.Headers.Contains("x-request-id"));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, string RequestId)> SendAsync(string path, string way = "bearer")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, way == "query" ? $"{path}?apiKey={library.Key}" : path);
        if (way == "bearer")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", library.Key);
        }
        else if (way == "header")
        {
            request.Headers.Add("X-API-Key", library.Key);
        }

        var response = await library.App.Client.SendAsync(request, Cancel);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();
        return (response.StatusCode, body, response.Headers.GetValues("x-request-id").Single());
    }
}
