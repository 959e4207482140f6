using System.Globalization;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Tests.Access;

/// <summary>
/// An address that keeps presenting unknown keys gets 429 for its unknown keys for a while, in each family's
/// envelope; a valid key from the same address (another client behind the same NAT or proxy) is still admitted.
/// </summary>
public sealed class FailedAttemptTests(GuessingFixture fixture) : IClassFixture<GuessingFixture>
{
    [Theory]
    [MemberData(nameof(FamilyCalls.Families), MemberType = typeof(FamilyCalls))]
    public async Task An_address_locked_out_by_unknown_keys_still_admits_a_valid_key_and_stays_locked_for_unknown_ones(string name)
    {
        var family = FamilyCalls.Parse(name);
        var good = await fixture.CreateKeyAsync();
        using var peer = fixture.NewPeer();
        await GuessingFixture.AssertWholeAllowanceAsync(peer, family);

        using var admitted = await peer.SendAsync(FamilyCalls.Request(family, good));
        using var stillGuessing = await peer.SendAsync(FamilyCalls.Request(family, KeySecrets.Generate()));

        Assert.True(admitted.IsSuccessStatusCode, $"{(int)admitted.StatusCode}: {await admitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        Assert.Contains("Too many invalid API keys", await FamilyCalls.AssertRefusalAsync(family, stillGuessing, 429), StringComparison.Ordinal);
        Assert.InRange(int.Parse(stillGuessing.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 20);
    }

    [Fact]
    public async Task An_address_locked_out_may_present_unknown_keys_again_once_its_allowance_refills()
    {
        using var peer = fixture.NewPeer();
        await GuessingFixture.AssertWholeAllowanceAsync(peer, ApiFamily.CarsXe);
        using var locked = await peer.SendAsync(FamilyCalls.Request(ApiFamily.CarsXe, KeySecrets.Generate()));
        var wait = int.Parse(locked.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);

        fixture.Clock.Advance(TimeSpan.FromSeconds(wait));

        using var unknown = await peer.SendAsync(FamilyCalls.Request(ApiFamily.CarsXe, KeySecrets.Generate()));
        await FamilyCalls.AssertRefusalAsync(ApiFamily.CarsXe, unknown, 403);
    }
}
