using System.Net;
using System.Net.Http.Json;
using VehicleImages.Application.Keys;
using VehicleImages.Domain.Keys;
using VehicleImages.Storage.Keys;

namespace VehicleImages.Api.Tests.Admin;

/// <summary>
/// Rotating an admin key, like revoking it, ends every admin UI session opened with the old secret, whichever
/// process rotates it; and a sign-in with a secret rotated a moment ago is refused, however recently it was checked.
/// </summary>
public sealed class AdminSessionRotationTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>, IDisposable
{
    // Cookies are sent by hand, so each request carries exactly the session the test means.
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = fixture.App.Address };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Rotating_a_key_through_the_admin_api_ends_the_sessions_opened_with_its_old_secret()
    {
        var (id, secret) = await CreateAdminKeyAsync();
        var cookie = await SignInAsync(secret);
        Assert.Equal(HttpStatusCode.OK, await SessionStatusAsync(cookie));

        using var rotate = new HttpRequestMessage(HttpMethod.Post, $"/v1/admin/keys/{id}/rotate");
        rotate.Headers.Add("X-API-Key", fixture.AdminOnlyKey);
        using var rotated = await _client.SendAsync(rotate, Cancel);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await SessionStatusAsync(cookie));
    }

    [Fact]
    public async Task Rotating_a_key_from_another_process_ends_its_sessions_too()
    {
        var (id, secret) = await CreateAdminKeyAsync();
        var cookie = await SignInAsync(secret);

        // The CLI's `keys rotate` runs the same key manager over the same stores in its own process.
        await fixture.App.Service<KeyManager>().RotateAsync(id, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, await SessionStatusAsync(cookie));
    }

    [Fact]
    public async Task Signing_in_with_a_secret_another_process_just_rotated_is_refused_though_it_was_checked_a_moment_ago()
    {
        var (id, secret) = await CreateAdminKeyAsync();
        await SignInAsync(secret);

        // Another process replaces the secret in the shared store; this one still remembers the old secret as good.
        await fixture.App.Service<IApiKeyStore>().ReplaceSecretAsync(id, "vik_Xxxx", KeySecrets.Hash(KeySecrets.Generate()), Cancel);
        using var late = await _client.PostAsJsonAsync("/v1/admin/session", new { key = secret }, Cancel);

        Assert.NotEqual(HttpStatusCode.OK, late.StatusCode);
        Assert.False(late.Headers.Contains("Set-Cookie"));
    }

    private async Task<(Guid Id, string Secret)> CreateAdminKeyAsync()
    {
        var (key, secret) = await fixture.App.Service<KeyManager>().CreateAsync("rotated admin", null, KeyScopes.Admin, Cancel);
        return (key.Id, secret);
    }

    private async Task<string> SignInAsync(string secret)
    {
        using var signIn = await _client.PostAsJsonAsync("/v1/admin/session", new { key = secret }, Cancel);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        return signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private async Task<HttpStatusCode> SessionStatusAsync(string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/session");
        request.Headers.Add("Cookie", cookie);
        using var response = await _client.SendAsync(request, Cancel);
        return response.StatusCode;
    }
}
