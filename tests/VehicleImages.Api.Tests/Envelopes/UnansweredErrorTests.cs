using System.Net;

namespace VehicleImages.Api.Tests.Envelopes;

/// <summary>
/// The errors no endpoint writes itself (no such path, a wrong method, a parameter that cannot be bound) answer in
/// the envelope of the family whose prefix the path is under, with a body, never the framework's empty 400/404/405.
/// </summary>
public sealed class UnansweredErrorTests(LibraryFixture library) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/images/anything")]
    [InlineData("/images/anything?format=xml")]
    [InlineData("/photos/")]
    [InlineData("/photos/retail/")]
    [InlineData("/photos/retail/1FTEW1C52PFA86825-1.jpg/more")]
    [InlineData("/vehicleimagery/")]
    [InlineData("/vehicleimagery/imagesearchfromvin/extra")]
    [InlineData("/vehicleimagery/nosuchsearch")]
    [InlineData("/media/")]
    [InlineData("/media/abc")]
    [InlineData("/v1/")]
    [InlineData("/v1/nothing/here")]
    [InlineData("/v1/vins/")]
    [InlineData("/v1/admin/nothing")]
    [InlineData("/nothing")]
    public async Task An_unknown_path_is_a_404_in_its_familys_envelope(string path)
    {
        var (response, body) = await SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(FamilyEnvelope.Violation(HttpMethod.Get, response.RequestMessage!.RequestUri!, response, body));
    }

    [Theory]
    [InlineData("POST", "/images?make=jaguar&model=f-pace")]
    [InlineData("DELETE", "/images?make=jaguar&model=f-pace&format=xml")]
    [InlineData("POST", "/photos/1FTEW1C52PFA86825")]
    [InlineData("PUT", "/photos/retail/1FTEW1C52PFA86825-1.jpg")]
    [InlineData("POST", "/vehicleimagery/imagesearch")]
    [InlineData("PATCH", "/vehicleimagery/imagefromid")]
    [InlineData("POST", "/media/0123456789abcdef/original")]
    [InlineData("PUT", "/v1/vins/1FTEW1C52PFA86825")]
    [InlineData("POST", "/healthz")]
    public async Task A_wrong_method_is_a_405_in_its_familys_envelope_with_the_allowed_ones(string method, string path)
    {
        var verb = new HttpMethod(method);
        var (response, body) = await SendAsync(verb, path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Null(FamilyEnvelope.Violation(verb, response.RequestMessage!.RequestUri!, response, body));
    }

    [Theory]
    [InlineData("/media/0123456789abcdef/original?exp=soon&sig=x")]
    [InlineData("/media/0123456789abcdef/original?exp=1&exp=2&sig=x")]
    [InlineData("/media/0123456789abcdef/original?exp=1&sig=a&sig=b")]
    [InlineData("/media/0123456789abcdef/original?exp=1&sig=x&width=wide")]
    [InlineData("/media/0123456789abcdef/original?exp=1&sig=x&width=1&width=2")]
    [InlineData("/media/0123456789abcdef/original?exp=99999999999999999999999&sig=x")]
    [InlineData("/photos/retail/1FTEW1C52PFA86825-1.jpg?exp=soon&sig=x")]
    [InlineData("/photos/retail/1FTEW1C52PFA86825-1.jpg?exp=1&exp=2&sig=x")]
    [InlineData("/photos/retail/1FTEW1C52PFA86825-1.jpg?sig=a&sig=b")]
    [InlineData("/photos/retail/1FTEW1C52PFA86825-1.jpg?sig=x&width=wide")]
    [InlineData("/photos/retail/1FTEW1C52PFA86825-1.jpg?sig=x&width=1&width=2")]
    public async Task A_media_link_with_an_unreadable_or_repeated_parameter_is_refused_in_its_familys_envelope(string link)
    {
        var (response, body) = await SendAsync(HttpMethod.Get, link);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.NotEmpty(body);
        Assert.Null(FamilyEnvelope.Violation(HttpMethod.Get, response.RequestMessage!.RequestUri!, response, body));
    }

    [Fact]
    public async Task An_admin_body_that_is_not_json_is_a_400_problem_saying_what_could_not_be_read()
    {
        var admin = await library.CreateKeyAsync("envelopes admin", VehicleImages.Domain.Keys.KeyScopes.Admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/keys") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-API-Key", admin);

        using var response = await library.App.Client.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(FamilyEnvelope.Violation(HttpMethod.Post, request.RequestUri!, response, body));
        Assert.Contains("JSON", body, StringComparison.Ordinal);
    }

    private async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-api-key", library.Key);
        var response = await library.App.Client.SendAsync(request, Cancel);
        return (response, await response.Content.ReadAsStringAsync(Cancel));
    }
}
