using System.Globalization;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Tests.Access;

/// <summary>An address that keeps presenting unknown keys is refused for a while, in each family's envelope.</summary>
public sealed class FailedAttemptTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(FamilyCalls.Families), MemberType = typeof(FamilyCalls))]
    public async Task Guessing_keys_is_limited_per_address_even_for_a_good_key_afterwards(string name)
    {
        var family = FamilyCalls.Parse(name);
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?> { ["Access:FailedKeyAttemptsPerMinute"] = "3" });
        var (_, good) = await app.Service<Application.Keys.KeyManager>().CreateAsync("app", null, KeyScopes.Api, Cancel);
        for (var i = 0; i < 3; i++)
        {
            await FamilyCalls.AssertRefusalAsync(family, await app.Client.SendAsync(FamilyCalls.Request(family, KeySecrets.Generate()), Cancel), FamilyCalls.UnknownKeyStatus(family));
        }

        var blocked = await app.Client.SendAsync(FamilyCalls.Request(family, good), Cancel);

        Assert.Contains("Too many invalid API keys", await FamilyCalls.AssertRefusalAsync(family, blocked, 429), StringComparison.Ordinal);
        Assert.InRange(int.Parse(blocked.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 20);
    }
}
