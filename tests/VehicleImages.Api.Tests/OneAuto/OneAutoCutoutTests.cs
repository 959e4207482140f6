using System.Net;
using System.Text.Json;
using VehicleImages.Application.Renditions;
using VehicleImages.Domain.Images;
using VehicleImages.Imaging;
using VehicleImages.Imaging.Cutout;

namespace VehicleImages.Api.Tests.OneAuto;

/// <summary>imagefromid with a transparent background for photos without alpha: a clean cut-out, or an honest 206.</summary>
public sealed class OneAutoCutoutTests(StudioLibraryFixture library) : IClassFixture<StudioLibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_photo_on_a_plain_background_is_cut_out_once_and_served_with_200_as_png()
    {
        var imaging = library.App.Service<ImageProcessor>();
        var path = $"/vehicleimagery/imagefromid?image_id={StudioLibraryFixture.Configuration}-7&image_background=Transparent";

        var (status, body) = await GetAsync(path);
        var url = body.GetProperty("result").GetProperty("image_url").GetString();
        var media = await library.App.Client.GetAsync(url, Cancel);
        var served = await media.Content.ReadAsByteArrayAsync(Cancel);
        var renders = library.App.Service<RenditionService>().Renders;
        var (againStatus, again) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("warning", out var warning) && warning.ValueKind == JsonValueKind.String);
        Assert.Equal("image/png", media.Content.Headers.ContentType?.MediaType);
        using var decoded = imaging.Decode(served, int.MaxValue);
        using var original = imaging.Decode(library.PlainPhoto, int.MaxValue);
        Assert.Equal(BackgroundRemover.Remove(original.Pixels()).Rgba.Data, decoded.Pixels().Data);
        Assert.Equal(0, decoded.Pixels()[0, 0, 3]);
        Assert.Equal((HttpStatusCode.OK, url), (againStatus, again.GetProperty("result").GetProperty("image_url").GetString()));
        Assert.Equal(renders, library.App.Service<RenditionService>().Renders);
    }

    [Fact]
    public async Task A_photo_on_a_busy_background_is_206_with_the_opaque_image_and_the_reason()
    {
        var imaging = library.App.Service<ImageProcessor>();
        var path = $"/vehicleimagery/imagefromid?image_id={StudioLibraryFixture.Configuration}-8&image_background=Transparent";

        var (status, body) = await GetAsync(path);
        var served = await library.App.Client.GetByteArrayAsync(body.GetProperty("result").GetProperty("image_url").GetString(), Cancel);
        var renders = library.App.Service<RenditionService>().Renders;
        var (againStatus, _) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.PartialContent, status);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Contains("not clean", body.GetProperty("warning").GetString(), StringComparison.Ordinal);
        var header = imaging.Probe(served);
        Assert.Equal((ImageFormat.Png, false), (header.Format, header.HasAlpha));
        Assert.Equal(HttpStatusCode.PartialContent, againStatus);
        Assert.Equal(renders, library.App.Service<RenditionService>().Renders);
    }

    [Fact]
    public async Task Opaque_serves_the_photo_as_jpeg_with_200()
    {
        var (status, body) = await GetAsync($"/vehicleimagery/imagefromid?image_id={StudioLibraryFixture.Configuration}-8&image_background=Opaque");
        var served = await library.App.Client.GetByteArrayAsync(body.GetProperty("result").GetProperty("image_url").GetString(), Cancel);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ImageFormat.Jpeg, library.App.Service<ImageProcessor>().Probe(served).Format);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", library.Key);
        var response = await library.App.Client.SendAsync(request, Cancel);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());
    }
}
