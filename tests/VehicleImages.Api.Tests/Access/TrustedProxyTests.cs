using System.Net;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Tests.Access;

/// <summary>Behind a trusted proxy, key guessing is limited per client (X-Forwarded-For); from anyone else the header is ignored.</summary>
public sealed class TrustedProxyTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.0/8", HttpStatusCode.Forbidden)]
    [InlineData("10.1.2.3", HttpStatusCode.TooManyRequests)]
    public async Task A_guessing_client_behind_the_proxy_does_not_lock_out_the_others_only_when_the_proxy_is_trusted(string proxy, HttpStatusCode otherClientsUnknownKey)
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Access:FailedKeyAttemptsPerMinute"] = "2",
            ["Http:TrustedProxies:0"] = proxy,
        });
        var (_, good) = await app.Service<Application.Keys.KeyManager>().CreateAsync("app", null, KeyScopes.Api, Cancel);

        for (var i = 0; i < 3; i++)
        {
            await ImagesAsync(app, KeySecrets.Generate(), "203.0.113.7");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await ImagesAsync(app, KeySecrets.Generate(), "203.0.113.7"));
        Assert.Equal(otherClientsUnknownKey, await ImagesAsync(app, KeySecrets.Generate(), "198.51.100.20"));

        // A valid key is judged on its own, from the guessing client and from the others alike.
        Assert.Equal(HttpStatusCode.OK, await ImagesAsync(app, good, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await ImagesAsync(app, good, "198.51.100.20"));
    }

    private static async Task<HttpStatusCode> ImagesAsync(TestApp app, string key, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/images?key={key}&make=Jaguar&model=F-PACE");
        request.Headers.Add("X-Forwarded-For", client);
        using var answer = await app.Client.SendAsync(request, Cancel);
        return answer.StatusCode;
    }
}
