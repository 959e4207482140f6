using System.Net;
using System.Text.Json;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Api.Tests.Storage;

/// <summary>
/// The S3 endpoint goes down (connection refused) under a running app and comes back: each family answers its 503
/// with Retry-After meanwhile, readiness is red with the reason, and all recovers without a restart.
/// </summary>
public sealed class S3OutageTests(S3LibraryFixture library) : IClassFixture<S3LibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // A rendition no ingest made (PNG on white), so answering needs the bucket: read the original, render, store.
    private static readonly string ImageFromId =
        $"/vehicleimagery/imagefromid?image_id={new VehicleConfiguration("Audi", "TT", "Coupe 2.0 TFSI", null, new YearRange(2006, 2014)).Id}-2&image_background=Transparent";

    [Fact]
    public async Task While_S3_is_down_families_answer_503_in_their_envelopes_and_readiness_is_red_then_all_recovers_by_itself()
    {
        var mediaLink = await MediaLinkAsync();
        Assert.Equal(HttpStatusCode.OK, (await library.App.Client.GetAsync(mediaLink, Cancel)).StatusCode);

        await library.StopS3Async();
        try
        {
            var ready = await library.App.Client.GetAsync("/readyz", Cancel);
            var oneAuto = await SendAsync(ImageFromId);
            var media = await library.App.Client.GetAsync(mediaLink, Cancel);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var blobs = (await JsonAsync(ready)).GetProperty("checks").GetProperty("blobs");
            Assert.False(blobs.GetProperty("ok").GetBoolean());
            Assert.Contains(library.Bucket.Name, blobs.GetProperty("detail").GetString(), StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, oneAuto.StatusCode);
            Assert.Equal("5", oneAuto.Headers.RetryAfter!.ToString());
            var envelope = await JsonAsync(oneAuto);
            Assert.Equal(["success", "error"], envelope.EnumerateObject().Select(p => p.Name));
            Assert.Equal("Service temporarily unavailable: storage is unreachable; retry shortly", envelope.GetProperty("error").GetString());

            Assert.Equal(HttpStatusCode.ServiceUnavailable, media.StatusCode);
            Assert.Equal("5", media.Headers.RetryAfter!.ToString());
            Assert.Equal("application/problem+json", media.Content.Headers.ContentType!.MediaType);
            Assert.Equal(503, (await JsonAsync(media)).GetProperty("status").GetInt32());
        }
        finally
        {
            library.StartS3();
        }

        Assert.Equal(HttpStatusCode.OK, (await library.App.Client.GetAsync("/readyz", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.PartialContent, (await SendAsync(ImageFromId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await library.App.Client.GetAsync(mediaLink, Cancel)).StatusCode);
    }

    // A signed link to an original, which the media endpoint streams from the bucket.
    private async Task<string> MediaLinkAsync()
    {
        var response = await library.App.Client.GetAsync($"/images?key={library.Key}&make=jaguar&model=f-pace&year=2019&angle=front&size=All", Cancel);
        return new Uri((await JsonAsync(response)).GetProperty("images")[0].GetProperty("link").GetString()!).PathAndQuery;
    }

    private async Task<HttpResponseMessage> SendAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", library.Key);
        return await library.App.Client.SendAsync(request, Cancel);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
}
