using System.Net.Http.Headers;
using System.Text.Json;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Tests.Access;

/// <summary>One request per family, with the key where that family's clients put it, and its envelope's shape.</summary>
internal static class FamilyCalls
{
    public const string Vin = "1FTEW1C52PFA86825";

    public static readonly TheoryData<string> Families = new(Enum.GetNames<ApiFamily>());

    public static ApiFamily Parse(string family) => Enum.Parse<ApiFamily>(family);

    public static HttpRequestMessage Request(ApiFamily family, string? key)
    {
        var request = family switch
        {
            ApiFamily.CarsXe => new HttpRequestMessage(HttpMethod.Get, "/images?make=Jaguar&model=F-PACE" + (key is null ? "" : $"&key={key}")),
            ApiFamily.AutoDev => new HttpRequestMessage(HttpMethod.Get, $"/photos/{Vin}"),
            ApiFamily.OneAuto => new HttpRequestMessage(HttpMethod.Get, "/vehicleimagery/imagesearch?manufacturer_desc=Jaguar&model_range_desc=F-PACE&manufactured_year=2019"),
            _ => new HttpRequestMessage(HttpMethod.Get, $"/v1/vins/{Vin}"),
        };
        if (key is not null)
        {
            switch (family)
            {
                case ApiFamily.AutoDev:
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                    break;
                case ApiFamily.OneAuto:
                    request.Headers.Add("x-api-key", key);
                    break;
                case ApiFamily.Native:
                    request.Headers.Add("X-API-Key", key);
                    break;
            }
        }

        return request;
    }

    /// <summary>How the family refuses an unknown key: auto.dev as its SDK reads a key problem (401), the others 403.</summary>
    public static int UnknownKeyStatus(ApiFamily family) => family == ApiFamily.AutoDev ? 401 : 403;

    /// <summary>How the family refuses a request that has no usable key: OneAuto 403, the others 401.</summary>
    public static int NoUsableKeyStatus(ApiFamily family) => family == ApiFamily.OneAuto ? 403 : 401;

    /// <summary>The route the family's request is metered under.</summary>
    public static string Endpoint(ApiFamily family) => family switch
    {
        ApiFamily.CarsXe => "/images",
        ApiFamily.AutoDev => "/photos/{vin}",
        ApiFamily.OneAuto => "/vehicleimagery/imagesearch",
        _ => "/v1/vins/{vin}",
    };

    /// <summary>Checks that a refusal is in the family's own envelope and returns its message.</summary>
    public static async Task<string> AssertRefusalAsync(ApiFamily family, HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(text).RootElement;
        switch (family)
        {
            case ApiFamily.CarsXe:
                Assert.False(body.GetProperty("success").GetBoolean());
                Assert.Equal(0, body.GetProperty("images").GetArrayLength());
                return body.GetProperty("error").GetString()!;
            case ApiFamily.AutoDev:
                Assert.Equal(status, body.GetProperty("status").GetInt32());
                Assert.Equal(response.RequestMessage!.RequestUri!.AbsolutePath, body.GetProperty("path").GetString());
                Assert.Equal(response.Headers.GetValues("x-request-id").Single(), body.GetProperty("requestId").GetString());
                Assert.NotEmpty(body.GetProperty("code").GetString()!);
                return body.GetProperty("error").GetString()!;
            case ApiFamily.OneAuto:
                Assert.Equal(["success", "error"], body.EnumerateObject().Select(p => p.Name));
                Assert.False(body.GetProperty("success").GetBoolean());
                return body.GetProperty("error").GetString()!;
            default:
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(status, body.GetProperty("status").GetInt32());
                Assert.NotEmpty(body.GetProperty("title").GetString()!);
                return body.GetProperty("detail").GetString()!;
        }
    }
}
