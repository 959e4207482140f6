using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Application.Keys;
using VehicleImages.Domain.Keys;
using static VehicleImages.Api.Tests.Access.FamilyCalls;

namespace VehicleImages.Api.Tests.Access;

/// <summary>Each family's answers to a key that is missing, wrong, revoked, not enabled, too fast or out of quota.</summary>
public sealed class RefusalTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.Client;

    [Theory]
    [MemberData(nameof(Families), MemberType = typeof(FamilyCalls))]
    public async Task A_missing_key_is_401_or_for_OneAuto_403(string name)
    {
        var family = Parse(name);

        var response = await Client.SendAsync(Request(family, key: null), Cancel);

        var message = await AssertRefusalAsync(family, response, family == ApiFamily.OneAuto ? 403 : 401);
        Assert.Contains("API key", message, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Retry-After"));
    }

    [Theory]
    [MemberData(nameof(Families), MemberType = typeof(FamilyCalls))]
    public async Task An_unknown_key_is_401_for_auto_dev_as_its_sdk_reads_a_key_problem_and_403_elsewhere(string name)
    {
        var family = Parse(name);

        var response = await Client.SendAsync(Request(family, KeySecrets.Generate()), Cancel);

        Assert.Contains("API key", await AssertRefusalAsync(family, response, UnknownKeyStatus(family)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Families), MemberType = typeof(FamilyCalls))]
    public async Task A_revoked_key_is_403_from_the_next_request(string name)
    {
        var family = Parse(name);
        var (key, secret) = await fixture.CreateKeyAsync();
        Assert.True((await Client.SendAsync(Request(family, secret), Cancel)).IsSuccessStatusCode);

        await fixture.App.Service<KeyManager>().RevokeAsync(key.Id, Cancel);

        var response = await Client.SendAsync(Request(family, secret), Cancel);
        Assert.Contains("revoked", await AssertRefusalAsync(family, response, 403), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Families), MemberType = typeof(FamilyCalls))]
    public async Task A_family_outside_the_keys_plan_is_403_not_enabled(string name)
    {
        var family = Parse(name);
        var (_, secret) = await fixture.CreateKeyAsync(family == ApiFamily.Native ? "only-CarsXe" : "only-Native");

        var response = await Client.SendAsync(Request(family, secret), Cancel);

        var message = await AssertRefusalAsync(family, response, 403);
        Assert.Contains("does not include", message, StringComparison.Ordinal);
        if (family == ApiFamily.OneAuto)
        {
            Assert.StartsWith("Service not enabled", message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Families), MemberType = typeof(FamilyCalls))]
    public async Task A_burst_beyond_the_plans_rate_is_429_with_retry_after_and_recovers_after_it(string name)
    {
        var family = Parse(name);
        // An app on a clock that moves only when told to: the burst is the plan's 2 however long each answer takes.
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(
            new Dictionary<string, string?> { ["Access:Plans:slow:RequestsPerSecond"] = "1", ["Access:Plans:slow:Burst"] = "2" },
            replace: services => services.AddSingleton<TimeProvider>(clock));
        var (_, secret) = await app.Service<KeyManager>().CreateAsync("test", "slow", KeyScopes.Api, Cancel);

        var first = await app.Client.SendAsync(Request(family, secret), Cancel);
        var second = await app.Client.SendAsync(Request(family, secret), Cancel);
        var refused = await app.Client.SendAsync(Request(family, secret), Cancel);

        Assert.True(first.IsSuccessStatusCode && second.IsSuccessStatusCode, $"{(int)first.StatusCode}, {(int)second.StatusCode} within the burst");
        Assert.Contains("rate limit", await AssertRefusalAsync(family, refused, 429), StringComparison.OrdinalIgnoreCase);
        var wait = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.Equal(1, wait);
        Assert.Equal("0", refused.Headers.GetValues("X-RateLimit-Remaining").Single());

        clock.Advance(TimeSpan.FromSeconds(wait));
        var recovered = await app.Client.SendAsync(Request(family, secret), Cancel);
        Assert.True(recovered.IsSuccessStatusCode, $"{(int)recovered.StatusCode} {recovered.Headers} {await recovered.Content.ReadAsStringAsync(Cancel)}");
    }

    [Theory]
    [MemberData(nameof(Families), MemberType = typeof(FamilyCalls))]
    public async Task A_spent_quota_is_429_until_the_month_ends(string name)
    {
        var family = Parse(name);
        var (key, secret) = await fixture.CreateKeyAsync("quota");
        for (var i = 0; i < AccessFixture.Quota; i++)
        {
            fixture.Meter.Record(key.Id, Endpoint(family), chargeable: true);
        }

        var refused = await Client.SendAsync(Request(family, secret), Cancel);

        Assert.Contains("quota", await AssertRefusalAsync(family, refused, 429), StringComparison.OrdinalIgnoreCase);
        var now = DateTimeOffset.UtcNow;
        var untilNextMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1) - now;
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), untilNextMonth.TotalSeconds - 60, untilNextMonth.TotalSeconds + 60);
        Assert.Equal("0", refused.Headers.GetValues("X-Quota-Remaining").Single());
    }

    [Fact]
    public async Task CarsXe_429s_carry_the_quota_usage_in_json_and_xml()
    {
        var (key, secret) = await fixture.CreateKeyAsync("quota");
        for (var i = 0; i < AccessFixture.Quota; i++)
        {
            fixture.Meter.Record(key.Id, "/images", chargeable: true);
        }

        var json = await Client.GetAsync($"/images?make=Jaguar&model=F-PACE&key={secret}", Cancel);
        var xml = await Client.GetAsync($"/images?make=Jaguar&model=F-PACE&format=xml&key={secret}", Cancel);

        var usage = JsonDocument.Parse(await json.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("usage");
        Assert.Equal((3, 3, 0), (usage.GetProperty("current").GetInt32(), usage.GetProperty("limit").GetInt32(), usage.GetProperty("remaining").GetInt32()));
        Assert.Equal(HttpStatusCode.TooManyRequests, xml.StatusCode);
        var document = System.Xml.Linq.XDocument.Parse(await xml.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("0", document.Root!.Element("usage")!.Element("remaining")!.Value);
        Assert.Equal("3", document.Root!.Element("usage")!.Element("current")!.Value);
    }

    [Fact]
    public async Task CarsXe_requests_spend_the_quota_and_the_headers_count_it_down()
    {
        var (_, secret) = await fixture.CreateKeyAsync("quota");

        // A validation failure is not charged, and is still answered as one.
        var invalid = await Client.GetAsync($"/images?make=Jaguar&key={secret}", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("3", invalid.Headers.GetValues("X-Quota-Remaining").Single());

        var remaining = new List<string>();
        for (var i = 0; i < AccessFixture.Quota; i++)
        {
            var response = await Client.GetAsync($"/images?make=Jaguar&model=F-PACE&key={secret}", Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("3", response.Headers.GetValues("X-Quota-Limit").Single());
            remaining.Add(response.Headers.GetValues("X-Quota-Remaining").Single());
        }

        Assert.Equal(["2", "1", "0"], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Client.GetAsync($"/images?make=Jaguar&model=F-PACE&key={secret}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task OneAuto_answers_other_than_200_do_not_spend_the_quota()
    {
        var (_, secret) = await fixture.CreateKeyAsync("quota");

        for (var i = 0; i < AccessFixture.Quota + 2; i++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(Request(ApiFamily.OneAuto, secret), Cancel)).StatusCode);
        }
    }

    [Fact]
    public async Task Admitted_answers_say_what_rate_and_quota_are_left()
    {
        var (_, unlimited) = await fixture.CreateKeyAsync();

        var response = await Client.SendAsync(Request(ApiFamily.Native, unlimited), Cancel);

        Assert.Equal("100000", response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("99999", response.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.False(response.Headers.Contains("X-Quota-Limit"));
    }
}
