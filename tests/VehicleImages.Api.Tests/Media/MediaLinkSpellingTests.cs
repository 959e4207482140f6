using System.Globalization;
using System.Net;
using System.Text.Json;
using VehicleImages.Application.Media;

namespace VehicleImages.Api.Tests.Media;

/// <summary>A media link works only as the API wrote it, so a CDN caches each rendition once; every other spelling is 403 in problem details.</summary>
public sealed class MediaLinkSpellingTests(LibraryFixture library) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> Spellings =>
        [.. LinkSpellings.OfTheQuery, .. LinkSpellings.OfTheExpiry, "an upper-case image ID", "an escaped character in the path", "a trailing slash"];

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task Every_other_spelling_of_a_link_is_403_in_problem_details(string spelling)
    {
        var link = await LinkAsync();
        var respelled = spelling switch
        {
            "an upper-case image ID" => link.Replace(IdOf(link), IdOf(link).ToUpperInvariant(), StringComparison.Ordinal),
            "an escaped character in the path" => link.Replace("small-opaque", LinkSpellings.Escaped('s') + "mall-opaque", StringComparison.Ordinal),
            "a trailing slash" => link.Replace(".jpg?", ".jpg/?", StringComparison.Ordinal),
            _ => LinkSpellings.Respell(link, spelling),
        };
        Assert.NotEqual(link, respelled);
        Assert.Equal(HttpStatusCode.OK, (await library.App.Client.GetAsync(link, Cancel)).StatusCode);

        var response = await library.App.Client.GetAsync(LinkSpellings.AsWritten(library.App, respelled), Cancel);

        await LinkSpellings.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("width=wide")]
    [InlineData("width=1e3")]
    [InlineData("width=0")]
    [InlineData("width=-320")]
    [InlineData("width=10001")]
    [InlineData("width=99999999999999999999")]
    [InlineData("width=")]
    public async Task A_width_that_is_no_width_is_400_in_problem_details(string width)
    {
        var response = await library.App.Client.GetAsync($"{await LinkAsync()}&{width}", Cancel);

        await LinkSpellings.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_canonical_width_is_served()
    {
        var response = await library.App.Client.GetAsync($"{await LinkAsync()}&width=320", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("exp=soon&sig=AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("exp=1&exp=2&sig=AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("exp=1&sig=a&sig=b")]
    [InlineData("")]
    public async Task A_malformed_or_unsigned_query_is_403_with_a_body_never_an_empty_400(string query)
    {
        var response = await library.App.Client.GetAsync($"/media/0123456789abcdef/small-opaque.jpg?{query}", Cancel);

        await LinkSpellings.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    // A link signed by the app as the API signs, with a signature that holds '-' or '_' so that every re-spelling of
    // the alphabet changes it.
    private async Task<string> LinkAsync()
    {
        var api = await library.App.Client.GetAsync($"/images?key={library.Key}&make=jaguar&model=f-pace&year=2019&angle=front&size=Small", Cancel);
        using var body = JsonDocument.Parse(await api.Content.ReadAsStringAsync(Cancel));
        var handedOut = new Uri(body.RootElement.GetProperty("images")[0].GetProperty("link").GetString()!).PathAndQuery;
        var path = handedOut[..handedOut.IndexOf('?', StringComparison.Ordinal)];
        var signer = library.App.Service<LinkSigner>();
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        while (signer.Sign(path, expires) is var sig && !sig.Contains('-', StringComparison.Ordinal) && !sig.Contains('_', StringComparison.Ordinal))
        {
            expires++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{path}?exp={expires}&sig={signer.Sign(path, expires)}");
    }

    private static string IdOf(string link) => link.Split('/')[2];
}
