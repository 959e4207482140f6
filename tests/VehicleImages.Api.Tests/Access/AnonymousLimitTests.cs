using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Tests.Access;

/// <summary>
/// Requests no key answers for are limited per client address: keyless requests to the APIs, and every request to
/// an open endpoint or an unknown path. The clock stands still, so no bucket refills during a test.
/// </summary>
public sealed class AnonymousLimitTests
{
    private const int Burst = 5;
    private const int PlanBurst = 3;

    private static readonly string[] OpenPaths = ["/healthz", "/readyz", "/docs", "/admin/login", "/media/x/y.jpg", "/photos/stock/x.jpg", "/no-such-path"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(FamilyCalls.Families), MemberType = typeof(FamilyCalls))]
    public async Task A_flood_of_keyless_requests_from_one_address_gets_429_with_retry_after_in_the_familys_envelope_while_another_address_is_served(string name)
    {
        var family = FamilyCalls.Parse(name);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(clock);
        var (_, key) = await app.Service<Application.Keys.KeyManager>().CreateAsync("app", null, KeyScopes.Api, Cancel);
        using var flooder = Peer(app, 2);
        using var other = Peer(app, 3);

        for (var i = 0; i < Burst; i++)
        {
            Assert.Equal(FamilyCalls.NoUsableKeyStatus(family), (int)(await flooder.SendAsync(FamilyCalls.Request(family, key: null))).StatusCode);
        }

        using var refused = await flooder.SendAsync(FamilyCalls.Request(family, key: null));
        Assert.Contains("without an API key", await FamilyCalls.AssertRefusalAsync(family, refused, 429), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.True(refused.Headers.CacheControl?.NoStore, "a refusal must not be cached for everyone by a CDN");

        Assert.Equal(FamilyCalls.NoUsableKeyStatus(family), (int)(await other.SendAsync(FamilyCalls.Request(family, key: null))).StatusCode);
        Assert.True((await flooder.SendAsync(FamilyCalls.Request(family, key))).IsSuccessStatusCode, "a key is judged by its plan, not by its address");

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(FamilyCalls.NoUsableKeyStatus(family), (int)(await flooder.SendAsync(FamilyCalls.Request(family, key: null))).StatusCode);
    }

    [Fact]
    public async Task Open_endpoints_and_unknown_paths_are_limited_per_address_even_with_a_key()
    {
        await using var app = await StartAsync(new ManualClock(DateTimeOffset.UtcNow));
        var (_, key) = await app.Service<Application.Keys.KeyManager>().CreateAsync("app", null, KeyScopes.Api, Cancel);
        using var flooder = Peer(app, 2);
        using var other = Peer(app, 3);
        for (var i = 0; i < Burst; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await flooder.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/healthz"))).StatusCode);
        }

        foreach (var path in OpenPaths)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-API-Key", key);
            using var refused = await flooder.SendAsync(request);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
        }

        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/healthz"))).StatusCode);
    }

    [Fact]
    public async Task A_keys_own_plan_limit_is_unaffected_by_its_address_and_takes_nothing_from_the_address()
    {
        await using var app = await StartAsync(new ManualClock(DateTimeOffset.UtcNow));
        var (_, key) = await app.Service<Application.Keys.KeyManager>().CreateAsync("app", "small", KeyScopes.Api, Cancel);
        using var client = Peer(app, 2);

        // Keyed requests up to the plan's burst and past it, then the address's whole anonymous burst: neither took from the other.
        for (var i = 0; i < PlanBurst; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(FamilyCalls.Request(ApiFamily.Native, key))).StatusCode);
        }

        using var overPlan = await client.SendAsync(FamilyCalls.Request(ApiFamily.Native, key));
        Assert.Equal(HttpStatusCode.TooManyRequests, overPlan.StatusCode);
        Assert.Equal(PlanBurst.ToString(CultureInfo.InvariantCulture), overPlan.Headers.GetValues("X-RateLimit-Limit").Single());
        for (var i = 0; i < Burst; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/healthz"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/healthz"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(FamilyCalls.Request(ApiFamily.Native, key))).StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.TooManyRequests)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    public async Task The_address_limited_is_the_tcp_peer_unless_the_peer_is_a_trusted_proxy(string? proxy, HttpStatusCode anotherForwardedClient)
    {
        await using var app = await StartAsync(new ManualClock(DateTimeOffset.UtcNow), proxy);
        for (var i = 0; i < Burst; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await HealthAsync(app, "203.0.113.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await HealthAsync(app, "203.0.113.7"));
        Assert.Equal(anotherForwardedClient, await HealthAsync(app, "198.51.100.20"));
    }

    [Fact]
    public async Task An_exempt_network_such_as_a_cdns_is_not_limited()
    {
        await using var app = await StartAsync(new ManualClock(DateTimeOffset.UtcNow), exempt: "127.0.0.8/29");
        using var cdn = Peer(app, 9);
        using var browser = Peer(app, 2);
        for (var i = 0; i < Burst * 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await cdn.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/healthz"))).StatusCode);
            Assert.Equal(i < Burst ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, (await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/healthz"))).StatusCode);
        }
    }

    private static Task<TestApp> StartAsync(ManualClock clock, string? trustedProxy = null, string? exempt = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Access:AnonymousRequestsPerSecond"] = "1",
            ["Access:AnonymousBurst"] = Burst.ToString(CultureInfo.InvariantCulture),
            ["Access:Plans:small:RequestsPerSecond"] = "1",
            ["Access:Plans:small:Burst"] = PlanBurst.ToString(CultureInfo.InvariantCulture),
        };
        if (trustedProxy is not null)
        {
            settings["Http:TrustedProxies:0"] = trustedProxy;
        }

        if (exempt is not null)
        {
            settings["Access:AnonymousLimitExempt:0"] = exempt;
        }

        return TestApp.StartAsync(settings, replace: services => services.AddSingleton<TimeProvider>(clock));
    }

    private static Peer Peer(TestApp app, int host) => new(app.Address, IPAddress.Parse($"127.0.0.{host}"));

    private static async Task<HttpStatusCode> HealthAsync(TestApp app, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var answer = await app.Client.SendAsync(request, Cancel);
        return answer.StatusCode;
    }
}
