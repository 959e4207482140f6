using System.Net;
using System.Text.Json;

namespace VehicleImages.Api.Tests.Native;

public sealed class VinEndpointsTests(LibraryFixture library) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_vin_decodes_from_vpic_with_its_check_digit_and_the_librarys_photos()
    {
        var (status, body) = await GetAsync($"/v1/vins/{LibraryFixture.FordVin.ToLowerInvariant()}?key={library.Key}");

        Assert.Equal(HttpStatusCode.OK, status);
        var vin = body.GetProperty("vin");
        Assert.Equal(LibraryFixture.FordVin, vin.GetProperty("vin").GetString());
        Assert.True(vin.GetProperty("valid").GetBoolean());
        Assert.Equal(("1FT", "1FTEW1C5PF", 2023), (vin.GetProperty("wmi").GetString(), vin.GetProperty("squishVin").GetString(), vin.GetProperty("modelYear").GetInt32()));
        Assert.Equal(("Ford", "F-150", "SuperCrew", "Pickup"), (vin.GetProperty("make").GetString(), vin.GetProperty("model").GetString(), vin.GetProperty("trim").GetString(), vin.GetProperty("body").GetString()));
        Assert.Equal("vpic", vin.GetProperty("decodedFrom").GetString());
        Assert.Equal(5, body.GetProperty("photos").GetArrayLength());
        Assert.Equal("retail", body.GetProperty("photos")[0].GetProperty("source").GetString());
        Assert.Equal(1, body.GetProperty("photos")[0].GetProperty("sequence").GetInt32());
    }

    [Fact]
    public async Task A_wrong_check_digit_is_reported_with_the_digit_it_should_be()
    {
        var (status, body) = await GetAsync($"/v1/vins/1HGCM82633A123456?key={library.Key}");

        Assert.Equal(HttpStatusCode.OK, status);
        var vin = body.GetProperty("vin");
        Assert.False(vin.GetProperty("valid").GetBoolean());
        Assert.Equal("7", vin.GetProperty("checkDigit").GetProperty("expected").GetString());
        Assert.True(vin.GetProperty("checkDigit").GetProperty("required").GetBoolean());
        Assert.Contains("should be 7", vin.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1FTEW1C52PFA8682")]
    [InlineData("1FTEW1C52PFA8682I")]
    [InlineData("%3Cjunk%3E")]
    public async Task Text_that_is_not_a_vin_is_a_400_problem(string vin)
    {
        var response = await library.App.Client.GetAsync($"/v1/vins/{vin}?key={library.Key}", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_native_api_takes_the_key_in_any_familys_way_and_refuses_none()
    {
        using var bearer = new HttpRequestMessage(HttpMethod.Get, $"/v1/vins/{LibraryFixture.FordVin}");
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", library.Key);

        Assert.Equal(HttpStatusCode.OK, (await library.App.Client.SendAsync(bearer, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await library.App.Client.GetAsync($"/v1/vins/{LibraryFixture.FordVin}", Cancel)).StatusCode);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        var response = await library.App.Client.GetAsync(path, Cancel);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());
    }
}
