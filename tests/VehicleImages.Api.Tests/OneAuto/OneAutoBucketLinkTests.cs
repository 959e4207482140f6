using System.Net;
using System.Text.Json;
using System.Web;
using VehicleImages.Api.Tests.Storage;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Imaging;
using VehicleImages.Storage.Blobs.S3;

namespace VehicleImages.Api.Tests.OneAuto;

/// <summary>With the blobs in an S3 bucket, imagefromid hands out the vendor's kind of link: presigned, straight to the bucket, valid 7 days.</summary>
public sealed class OneAutoBucketLinkTests(S3LibraryFixture library) : IClassFixture<S3LibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly Guid FPaceS2019 = new VehicleConfiguration("Jaguar", "F-PACE", "S", null, YearRange.OneYear(2019)).Id;
    private static readonly Guid AudiTt = new VehicleConfiguration("Audi", "TT", "Coupe 2.0 TFSI", null, new YearRange(2006, 2014)).Id;

    [Fact]
    public async Task A_rendition_made_at_ingest_is_linked_presigned_for_7_days_and_a_plain_get_downloads_its_bytes()
    {
        var (status, body) = await ImageFromIdAsync($"image_id={FPaceS2019}-1&image_background=Opaque");
        var link = new Uri(body.GetProperty("result").GetProperty("image_url").GetString()!);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(library.Endpoint.Authority, link.Authority);
        Assert.StartsWith($"/{library.Bucket.Name}/renditions/", link.AbsolutePath, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(link.Query);
        Assert.Equal("AWS4-HMAC-SHA256", query["X-Amz-Algorithm"]);
        Assert.InRange(int.Parse(query["X-Amz-Expires"]!, System.Globalization.CultureInfo.InvariantCulture), 604_790, 604_800);

        using var plain = new HttpClient();
        using var download = await plain.GetAsync(link, Cancel);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await MediaLinkBytesAsync("fpace-s-white-front"), await download.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task A_rendition_missing_from_the_bucket_is_rendered_and_stored_first_so_the_link_downloads_it()
    {
        // PNG on white: the TT is no cut-out, and ingest makes JPEGs only, so the bucket has no such rendition yet.
        var row = LibraryFixture.Rows.Single(r => r.File == "tt-silver-fr");
        var hash = ContentHash.Of(await File.ReadAllBytesAsync(Path.Combine(library.App.DataDirectory, "fixture", row.File + ".jpg"), Cancel));
        var spec = new RenditionSpec(RenditionSize.Wallpaper, Background.Opaque, ImageFormat.Png).Canonical(row.Width, row.Height, hasAlpha: false);
        using var bucket = new S3BlobStore(library.Bucket.Options(pathStyle: true));
        Assert.Null(await bucket.StatAsync(BlobKeys.Rendition(hash, spec), Cancel));

        var (status, body) = await ImageFromIdAsync($"image_id={AudiTt}-2&image_background=Transparent");
        using var plain = new HttpClient();
        var downloaded = await plain.GetByteArrayAsync(new Uri(body.GetProperty("result").GetProperty("image_url").GetString()!), Cancel);

        Assert.Equal(HttpStatusCode.PartialContent, status);
        Assert.Equal(await bucket.GetAsync(BlobKeys.Rendition(hash, spec), Cancel), downloaded);
        var header = library.App.Service<ImageProcessor>().Probe(downloaded);
        Assert.Equal((ImageFormat.Png, false), (header.Format, header.HasAlpha));
        Assert.Equal(RenditionSize.Wallpaper.Fit(row.Width, row.Height), (header.Width, header.Height));
    }

    [Fact]
    public async Task The_other_families_keep_their_signed_media_links()
    {
        var response = await library.App.Client.GetAsync($"/images?key={library.Key}&make=jaguar&model=f-pace&year=2019&angle=front", Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var link = new Uri(body.RootElement.GetProperty("images")[0].GetProperty("link").GetString()!);

        Assert.Equal(library.App.Address.Authority, link.Authority);
        Assert.StartsWith("/media/", link.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("sig=", link.Query, StringComparison.Ordinal);
    }

    // The same rendition through the app's own signed media link, which reads it from the bucket.
    private async Task<byte[]> MediaLinkBytesAsync(string name)
    {
        var response = await library.App.Client.GetAsync($"/images?key={library.Key}&make=jaguar&model=f-pace&angle=front&size=Wallpaper&transparent=false", Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var image = body.RootElement.GetProperty("images").EnumerateArray().First(i => i.GetProperty("contextLink").GetString()!.EndsWith('/' + name));
        return await library.App.Client.GetByteArrayAsync(image.GetProperty("link").GetString(), Cancel);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ImageFromIdAsync(string parameters)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/vehicleimagery/imagefromid?{parameters}");
        request.Headers.Add("x-api-key", library.Key);
        using var response = await library.App.Client.SendAsync(request, Cancel);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());
    }
}
