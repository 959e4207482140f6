using System.Net;
using VehicleImages.Application.Access;
using VehicleImages.Domain.Keys;
using VehicleImages.Storage.Usage;

namespace VehicleImages.Api.Tests.Access;

/// <summary>Usage metering through the real server: exact counts under concurrency, chargeability, and the flush on shutdown.</summary>
public sealed class MeteringTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_thousand_concurrent_requests_on_one_key_are_counted_exactly_and_split_by_chargeability()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Access:UsageFlushInterval"] = "00:00:00.050" });
        var (key, secret) = await KeyAsync(app);

        // Half are answered 200 (chargeable), half fail validation with 400 (not charged, as CarsXE counts them).
        var responses = await Task.WhenAll(Enumerable.Range(0, 2000).Select(i =>
            app.Client.GetAsync(i % 2 == 0 ? $"/images?make=Jaguar&model=F-PACE&key={secret}" : $"/images?make=Jaguar&angle=sideways&key={secret}", Cancel)));
        await app.Service<UsageMeter>().FlushAsync(Cancel);

        Assert.Equal(1000, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1000, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var counts = await app.Service<IUsageStore>().QueryAsync(key.Id, today.AddDays(-1), today, Cancel);
        Assert.Equal(2000, counts.Sum(c => c.Count));
        Assert.Equal(1000, counts.Where(c => c.Chargeable).Sum(c => c.Count));
        Assert.All(counts, c => Assert.Equal("/images", c.Endpoint));
    }

    [Fact]
    public async Task A_clean_stop_flushes_what_was_counted()
    {
        var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Access:UsageFlushInterval"] = "01:00:00" });
        try
        {
            var (key, secret) = await KeyAsync(app);
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"/v1/vins/{FamilyCalls.Vin}?key={secret}", Cancel)).StatusCode);
            }

            var store = app.Service<IUsageStore>();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Assert.Empty(await store.QueryAsync(key.Id, today.AddDays(-1), today, Cancel));

            await app.App.StopAsync(Cancel);

            var counted = Assert.Single(await store.QueryAsync(key.Id, today.AddDays(-1), today, Cancel));
            Assert.Equal(("/v1/vins/{vin}", true, 5L), (counted.Endpoint, counted.Chargeable, counted.Count));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Refusals_of_a_known_key_are_counted_but_never_charged()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Access:Plans:carsxe:Families:0"] = "CarsXe" });
        var (key, secret) = await KeyAsync(app, "carsxe");

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client.GetAsync($"/v1/vins/{FamilyCalls.Vin}?key={secret}", Cancel)).StatusCode);
        await app.Service<UsageMeter>().FlushAsync(Cancel);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var counted = Assert.Single(await app.Service<IUsageStore>().QueryAsync(key.Id, today.AddDays(-1), today, Cancel));
        Assert.Equal(("/v1/vins/{vin}", false, 1L), (counted.Endpoint, counted.Chargeable, counted.Count));
    }

    private static Task<(ApiKey Key, string Secret)> KeyAsync(TestApp app, string plan = "default") =>
        app.Service<Application.Keys.KeyManager>().CreateAsync("metered", plan, KeyScopes.Api, CancellationToken.None);
}
