using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using VehicleImages.Application.Media;
using VehicleImages.Application.Renditions;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Api.Tests.Media;

public sealed class MediaEndpointTests(LibraryFixture library) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_link_serves_with_a_strong_etag_and_long_lived_cache_headers()
    {
        var response = await library.App.Client.GetAsync(await LinkAsync("Small"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.InRange(response.Headers.CacheControl.MaxAge!.Value, TimeSpan.FromDays(7), TimeSpan.FromDays(8));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task If_none_match_with_the_etag_gives_304_without_a_body()
    {
        var link = await LinkAsync("Small");
        var first = await library.App.Client.GetAsync(link, Cancel);

        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await library.App.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task A_range_request_gets_206_with_exactly_those_bytes()
    {
        var link = await LinkAsync("Medium");
        var whole = await library.App.Client.GetByteArrayAsync(link, Cancel);

        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Range = new RangeHeaderValue(100, 199);
        var partial = await library.App.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(whole[100..200], await partial.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal($"bytes 100-199/{whole.Length}", partial.Content.Headers.ContentRange!.ToString());
    }

    [Theory]
    [InlineData("image/avif,image/webp,*/*", "image/avif")]
    [InlineData("image/webp,*/*;q=0.8", "image/webp")]
    [InlineData("image/avif;q=0,image/webp", "image/webp")]
    [InlineData("*/*", "image/jpeg")]
    [InlineData("", "image/jpeg")]
    public async Task An_auto_link_picks_the_format_from_accept_and_says_it_varies(string accept, string expected)
    {
        var link = Signed(await ImageIdAsync("fpace-s-white-front"), "small-opaque.auto");
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        if (accept.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await library.App.Client.SendAsync(request, Cancel);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);

        Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Equal(expected, library.App.Service<ImageProcessor>().Probe(bytes).Format.MimeType());
    }

    [Fact]
    public async Task A_transparent_background_keeps_alpha_and_an_opaque_one_flattens_it()
    {
        var id = await ImageIdAsync("fpace-prestige-black-cut");
        var imaging = library.App.Service<ImageProcessor>();

        var transparent = await library.App.Client.GetByteArrayAsync(Signed(id, "small-transparent.png"), Cancel);
        var opaque = await library.App.Client.GetByteArrayAsync(Signed(id, "small-opaque.png"), Cancel);

        Assert.True(imaging.Probe(transparent).HasAlpha);
        Assert.False(imaging.Probe(opaque).HasAlpha);
    }

    [Fact]
    public async Task A_tampered_link_is_403()
    {
        var link = await LinkAsync("Small");

        var otherVariant = await library.App.Client.GetAsync(link.Replace("small-opaque.jpg", "large-opaque.jpg", StringComparison.Ordinal), Cancel);
        var otherSignature = await library.App.Client.GetAsync(link[..^4] + (link[^4..] == "AAAA" ? "BBBB" : "AAAA"), Cancel);
        var longerLife = await library.App.Client.GetAsync(link.Replace("exp=", "exp=9", StringComparison.Ordinal), Cancel);
        var unsigned = await library.App.Client.GetAsync(link[..link.IndexOf('?', StringComparison.Ordinal)], Cancel);

        Assert.All([otherVariant, otherSignature, longerLife, unsigned], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal("application/problem+json", otherVariant.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_expired_link_is_403()
    {
        var id = await ImageIdAsync("fpace-s-white-front");
        var path = MediaLinks.PathOf(id, MediaVariant.TryParse("small-opaque.jpg", out var variant) ? variant : throw new InvalidOperationException());
        var past = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
        var signature = library.App.Service<LinkSigner>().Sign(path, past);

        var response = await library.App.Client.GetAsync($"{path}?exp={past}&sig={signature}", Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_validly_signed_link_to_an_unknown_image_is_404()
    {
        var response = await library.App.Client.GetAsync(Signed(new ImageId(12345), "small-opaque.jpg"), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/media/not-an-id/small-opaque.jpg?exp=1&sig=x")]
    [InlineData("/media/0123456789abcdef/huge-opaque.jpg?exp=1&sig=x")]
    [InlineData("/media/0123456789abcdef/small-opaque.gif?exp=1&sig=x")]
    [InlineData("/media/0123456789abcdef/small-opaque.jpg?exp=notanumber&sig=x")]
    public async Task Malformed_media_paths_get_a_4xx_never_a_500(string path)
    {
        var response = await library.App.Client.GetAsync(path, Cancel);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_missing_rendition_make_it_once()
    {
        var link = Signed(await ImageIdAsync("fpace-s-white-side"), "large-opaque.avif");
        var renditions = library.App.Service<RenditionService>();
        var before = renditions.Renders;

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => library.App.Client.GetAsync(link, Cancel)));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsByteArrayAsync(Cancel)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(bodies.Select(Convert.ToBase64String).Distinct());
        Assert.Equal(before + 1, renditions.Renders);
    }

    [Fact]
    public async Task An_empty_rendition_blob_left_by_a_power_cut_is_rendered_again()
    {
        var image = await library.App.Service<ICatalog>().FindImageAsync(await ImageIdAsync("fpace-s-white-side"), Cancel);
        var renditions = library.App.Service<RenditionService>();
        var spec = new RenditionSpec(RenditionSize.Medium, Background.Opaque, ImageFormat.WebP);
        var made = await renditions.EnsureAsync(image!, spec, Cancel);
        var blobs = library.App.Service<IBlobStore>();
        var bytes = await blobs.GetAsync(made.Key, Cancel);
        await blobs.PutAsync(made.Key, Array.Empty<byte>(), Durability.Deferred, Cancel);
        var before = renditions.Renders;

        var again = await renditions.EnsureAsync(image!, spec, Cancel);

        Assert.Equal(before + 1, renditions.Renders);
        Assert.Equal(bytes, await blobs.GetAsync(again.Key, Cancel));
    }

    [Fact]
    public async Task A_warm_rendition_is_served_from_memory_without_the_blob_store()
    {
        var id = await ImageIdAsync("fpace-s-white-side");
        var link = Signed(id, "small-opaque.png");
        var first = await library.App.Client.GetByteArrayAsync(link, Cancel);
        var image = await library.App.Service<ICatalog>().FindImageAsync(id, Cancel);
        var spec = new RenditionSpec(RenditionSize.Small, Background.Opaque, ImageFormat.Png).Canonical(image!.Width, image.Height, image.HasAlpha);
        await library.App.Service<IBlobStore>().DeleteAsync(BlobKeys.Rendition(image.Hash, spec), Cancel);
        var renders = library.App.Service<RenditionService>().Renders;

        var response = await library.App.Client.GetAsync(link, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(first, await response.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(renders, library.App.Service<RenditionService>().Renders);
    }

    [Fact]
    public async Task Repeated_requests_get_the_same_link_within_the_expiry_bucket()
    {
        Assert.Equal(await LinkAsync("Small"), await LinkAsync("Small"));
    }

    private async Task<string> LinkAsync(string size)
    {
        var response = await library.App.Client.GetAsync($"/images?key={library.Key}&make=jaguar&model=f-pace&year=2019&angle=front&size={size}", Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return new Uri(body.RootElement.GetProperty("images")[0].GetProperty("link").GetString()!).PathAndQuery;
    }

    private async Task<ImageId> ImageIdAsync(string name)
    {
        var response = await library.App.Client.GetAsync($"/images?key={library.Key}&make=jaguar&model=f-pace&validate=false", Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var image = body.RootElement.GetProperty("images").EnumerateArray().First(i => i.GetProperty("contextLink").GetString()!.EndsWith('/' + name));
        return ImageId.Parse(new Uri(image.GetProperty("link").GetString()!).Segments[2].TrimEnd('/'));
    }

    private string Signed(ImageId id, string variant)
    {
        var path = $"/media/{id}/{variant}";
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"{path}?exp={expires}&sig={library.App.Service<LinkSigner>().Sign(path, expires)}");
    }
}
