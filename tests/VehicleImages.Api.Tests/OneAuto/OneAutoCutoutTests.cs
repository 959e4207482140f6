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
        var decoded = imaging.Decode(served, int.MaxValue);
        var original = imaging.Decode(library.PlainPhoto, int.MaxValue);
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

    [Theory]
    [InlineData("Opaque", "-opaque-framed.jpg", false)]
    [InlineData("Transparent", "-cutout-framed.png", true)]
    public async Task Framed_true_serves_the_car_trimmed_and_padded_into_a_4_by_3_frame(string background, string variant, bool alpha)
    {
        var imaging = library.App.Service<ImageProcessor>();

        var (status, body) = await GetAsync($"/vehicleimagery/imagefromid?image_id={StudioLibraryFixture.Configuration}-7&image_background={background}&framed=true");
        var url = body.GetProperty("result").GetProperty("image_url").GetString()!;
        var header = imaging.Probe(await library.App.Client.GetByteArrayAsync(url, Cancel));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(variant + "?", url, StringComparison.Ordinal);
        Assert.Equal((DrawnCar.Width, DrawnCar.Width * 3 / 4, alpha), (header.Width, header.Height, header.HasAlpha));
    }

    [Fact]
    public async Task Framed_must_be_the_literal_string_true_or_false()
    {
        var (status, body) = await GetAsync($"/vehicleimagery/imagefromid?image_id={StudioLibraryFixture.Configuration}-7&framed=1");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("framed", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", library.Key);
        var response = await library.App.Client.SendAsync(request, Cancel);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());
    }
}
