using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VehicleImages.Api.Tests.Media;
using VehicleImages.Application.Media;

namespace VehicleImages.Api.Tests.AutoDev;

/// <summary>
/// auto.dev photo links are permanent and work only as the API wrote them: every other spelling is 403 in auto.dev's
/// envelope, and expiring photo links handed out before are honoured until they expire.
/// </summary>
public sealed class PhotoLinkSpellingTests(PhotoLinkSpellingTests.Fixture library) : IClassFixture<PhotoLinkSpellingTests.Fixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> Spellings =>
        [.. LinkSpellings.OfTheQuery, "a lower-case VIN", "a photo number with a leading zero", "an escaped character in the VIN", "an expiry added"];

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task Every_other_spelling_of_a_photo_link_is_403_in_the_auto_dev_envelope(string spelling)
    {
        var link = await PhotoLinkAsync();
        var vin = LibraryFixture.FordVin;
        var respelled = spelling switch
        {
            "a lower-case VIN" => link.Replace(vin, vin.ToLowerInvariant(), StringComparison.Ordinal),
            "a photo number with a leading zero" => link.Replace("-1.jpg", "-01.jpg", StringComparison.Ordinal),
            "an escaped character in the VIN" => link.Replace(vin, LinkSpellings.Escaped(vin[0]) + vin[1..], StringComparison.Ordinal),
            "an expiry added" => link.Replace("?sig=", $"?exp={DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds()}&sig=", StringComparison.Ordinal),
            _ => LinkSpellings.Respell(link, spelling),
        };
        Assert.NotEqual(link, respelled);
        Assert.Equal(HttpStatusCode.OK, (await library.App.Client.GetAsync(link, Cancel)).StatusCode);

        var response = await library.App.Client.GetAsync(LinkSpellings.AsWritten(library.App, respelled), Cancel);

        await LinkSpellings.AssertAutoDevErrorAsync(response, HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Theory]
    [InlineData("width=wide")]
    [InlineData("width=0")]
    [InlineData("width=10001")]
    [InlineData("width=")]
    public async Task A_width_that_is_no_width_is_400_in_the_auto_dev_envelope(string width)
    {
        var response = await library.App.Client.GetAsync($"{await PhotoLinkAsync()}&{width}", Cancel);

        await LinkSpellings.AssertAutoDevErrorAsync(response, HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Theory]
    [InlineData("exp=soon&sig=AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("sig=AAAAAAAAAAAAAAAAAAAAAA&sig=AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("sig=AAAAAAAAAAAAAAAAAAAAAA&width=x&width=y")]
    [InlineData("")]
    public async Task A_malformed_or_unsigned_query_is_403_with_a_body_never_an_empty_400(string query)
    {
        var response = await library.App.Client.GetAsync($"/photos/retail/{LibraryFixture.FordVin}-1.jpg?{query}", Cancel);

        await LinkSpellings.AssertAutoDevErrorAsync(response, HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Photo_links_are_the_vendors_path_with_a_permanent_signature_cached_a_day()
    {
        var link = await PhotoLinkAsync();
        var response = await library.App.Client.GetAsync(link, Cancel);

        Assert.Matches($"^/photos/retail/{LibraryFixture.FordVin}-1\\.jpg\\?sig=[A-Za-z0-9_-]{{22}}$", link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl!.MaxAge);
        Assert.DoesNotContain("immutable", response.Headers.CacheControl.Extensions.Select(e => e.Name));
    }

    [Fact]
    public async Task An_expiring_photo_link_handed_out_before_is_honoured_until_it_expires()
    {
        var path = $"/photos/retail/{LibraryFixture.FordVin}-2.jpg";
        var signer = library.App.Service<LinkSigner>();
        var expires = DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeSeconds();
        var expired = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();

        var live = await library.App.Client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"{path}?exp={expires}&sig={signer.Sign(path, expires)}"), Cancel);
        var dead = await library.App.Client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"{path}?exp={expired}&sig={signer.Sign(path, expired)}"), Cancel);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains("immutable", live.Headers.CacheControl!.Extensions.Select(e => e.Name));
        await LinkSpellings.AssertAutoDevErrorAsync(dead, HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    // The first retail photo's link, as the API hands it out.
    private async Task<string> PhotoLinkAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/photos/{LibraryFixture.FordVin}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", library.Key);
        var response = await library.App.Client.SendAsync(request, Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return new Uri(body.RootElement.GetProperty("data").GetProperty("retail")[0].GetString()!).PathAndQuery;
    }

    /// <summary>
    /// The library signed with a key under which the first photo's signature holds '-' or '_', so that re-spelling
    /// the base64 alphabet changes it. The key is found by counting, not written down.
    /// </summary>
    public sealed class Fixture : LibraryFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Media:SigningKeys:0"] = Convert.ToBase64String(SigningKey()) };

        private static byte[] SigningKey()
        {
            var path = $"/photos/retail/{FordVin}-1.jpg";
            return Enumerable.Range(0, 1_000)
                .Select(n => SHA256.HashData(Encoding.UTF8.GetBytes($"photo-link-spelling-{n}")))
                .First(key => new LinkSigner([new Application.Media.SigningKey(key)], TimeSpan.FromDays(8), TimeSpan.Zero).SignPermanent(path).IndexOfAny(['-', '_']) >= 0);
        }
    }
}
