using System.Net;
using System.Text.Json;
using VehicleImages.Application.Renditions;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Api.Tests.OneAuto;

/// <summary>The 503 path: when every render slot is taken, an image that has to be rendered is refused in the envelope.</summary>
public sealed class OneAutoSaturationTests(SaturatedLibraryFixture library) : IClassFixture<SaturatedLibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_render_refused_for_lack_of_capacity_is_503_with_retry_after_then_succeeds_when_capacity_returns()
    {
        var tt = new VehicleConfiguration("Audi", "TT", "Coupe 2.0 TFSI", null, new YearRange(2006, 2014)).Id;
        var path = $"/vehicleimagery/imagefromid?image_id={tt}-2&image_background=Transparent";

        // The server's only render slot, held by a render of our own until the refusal has been seen.
        using var release = new ManualResetEventSlim();
        var holder = library.App.Service<RenderGate>().RunAsync(() => release.Wait(TimeSpan.FromSeconds(30)), Cancel);
        HttpResponseMessage refused;
        try
        {
            refused = await SendAsync(path);
        }
        finally
        {
            release.Set();
            await holder;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(["success", "error"], body.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("Service temporarily unavailable", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.PartialContent, (await SendAsync(path)).StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", library.Key);
        return await library.App.Client.SendAsync(request, Cancel);
    }
}
