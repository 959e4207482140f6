using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace VehicleImages.Api.Tests.Admin;

/// <summary>
/// Every admin page and admin endpoint, found in the app's own routing table so one added later is covered too,
/// refuses a request without an admin key or session (401), and one with a key that is not an admin's (403). Only
/// the sign-in page, its assets (which hold no data) and the sign-in endpoint itself are open.
/// </summary>
public sealed partial class AdminAccessTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static readonly string[] Open = ["GET /admin/login", "GET /admin/assets/{name}", "POST /v1/admin/session"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> Credentials() => ["none", "unknown session", "api key", "invalid key", "revoked key"];

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task Every_admin_page_and_endpoint_refuses_a_caller_without_an_admin_key_or_session(string credential)
    {
        var expected = credential is "none" or "unknown session" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = fixture.App.Address };
        var endpoints = AdminEndpoints();
        Assert.Contains("PATCH /v1/admin/images/{id}", endpoints.Select(e => e.Name));
        Assert.Contains("GET /admin/keys", endpoints.Select(e => e.Name));

        var wrong = new List<string>();
        foreach (var (name, method, path) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PATCH" or "PUT")
            {
                request.Content = JsonContent.Create(new { name = "x", view = "rear", plan = "default" });
            }

            Present(request, credential);
            using var response = await client.SendAsync(request, Cancel);
            if (response.StatusCode != expected)
            {
                wrong.Add($"{name}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Signing_in_takes_an_admin_key_and_refuses_any_other()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = fixture.App.Address };

        async Task<HttpResponseMessage> SignInAsync(object body) => await client.PostAsJsonAsync("/v1/admin/session", body, Cancel);

        var none = await SignInAsync(new { });
        var apiKey = await SignInAsync(new { key = fixture.Key });
        var revoked = await SignInAsync(new { key = fixture.RevokedKey });
        var admin = await SignInAsync(new { key = fixture.AdminOnlyKey });

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, apiKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
        Assert.False(none.Headers.Contains("Set-Cookie") || apiKey.Headers.Contains("Set-Cookie") || revoked.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var cookie = Assert.Single(admin.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(fixture.AdminOnlyKey, cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_opens_the_pages_and_the_api_until_it_signs_out_and_then_nothing()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = fixture.App.Address };
        using var signIn = await client.PostAsJsonAsync("/v1/admin/session", new { key = fixture.AdminOnlyKey }, Cancel);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var csrf = (await signIn.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("csrfToken").GetString()!;

        async Task<HttpStatusCode> StatusAsync(HttpMethod method, string path)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Add("Cookie", cookie);
            request.Headers.Add("X-CSRF-Token", csrf);
            using var response = await client.SendAsync(request, Cancel);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(HttpMethod.Get, "/admin/"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(HttpMethod.Get, "/v1/admin/images"));
        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(HttpMethod.Delete, "/v1/admin/session"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Get, "/admin/"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(HttpMethod.Get, "/v1/admin/images"));
    }

    private void Present(HttpRequestMessage request, string credential)
    {
        switch (credential)
        {
            case "unknown session":
                request.Headers.Add("Cookie", "vi_admin_session=not-a-session");
                break;
            case "api key":
                request.Headers.Authorization = new("Bearer", fixture.Key);
                break;
            case "invalid key":
                request.Headers.Add("X-API-Key", "vik_notAKeyThisServerGaveOut000000000000");
                break;
            case "revoked key":
                request.Headers.Authorization = new("Bearer", fixture.RevokedKey);
                break;
        }
    }

    // "METHOD /pattern" and a path to call it at, for every route under /admin and /v1/admin but the open ones.
    private List<(string Name, string Method, string Path)> AdminEndpoints() =>
    [
        .. fixture.App.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/admin", StringComparison.Ordinal) || raw.StartsWith("/v1/admin", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (Method: method, Raw: e.RoutePattern.RawText!)))
            .Select(e => (Name: $"{e.Method} {e.Raw}", e.Method, Path: Parameter().Replace(e.Raw, m => m.Groups["guid"].Success ? Guid.NewGuid().ToString() : "0123456789abcdef")))
            .Where(e => !Open.Contains(e.Name))
            .Distinct(),
    ];

    [GeneratedRegex(@"\{[^}:]+(?<guid>:guid)?\}")]
    private static partial Regex Parameter();
}
