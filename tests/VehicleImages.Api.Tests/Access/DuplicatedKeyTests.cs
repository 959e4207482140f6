using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Tests.Access;

/// <summary>
/// A key presented twice, in every way each family's clients can, is that one key: admitted, and never a guess
/// toward the address's lockout. Different keys at once are refused in the family's envelope, and are no guess either.
/// </summary>
public sealed class DuplicatedKeyTests(GuessingFixture fixture) : IClassFixture<GuessingFixture>
{
    [Theory]
    [MemberData(nameof(KeyPresentations.Names), MemberType = typeof(KeyPresentations))]
    public async Task A_valid_key_presented_twice_is_admitted_and_never_counted_as_a_guess(string way)
    {
        var family = KeyPresentations.Family(way);
        var secret = await fixture.CreateKeyAsync();
        using var peer = fixture.NewPeer();

        for (var i = 0; i <= GuessingFixture.Allowance; i++)
        {
            using var response = await KeyPresentations.SendAsync(peer, way, secret, secret);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }

        await GuessingFixture.AssertWholeAllowanceAsync(peer, family);
    }

    [Theory]
    [MemberData(nameof(KeyPresentations.Names), MemberType = typeof(KeyPresentations))]
    public async Task Different_keys_at_once_are_refused_in_the_envelope_and_never_counted_as_a_guess(string way)
    {
        var family = KeyPresentations.Family(way);
        var secret = await fixture.CreateKeyAsync();
        using var peer = fixture.NewPeer();

        for (var i = 0; i <= GuessingFixture.Allowance; i++)
        {
            // The valid key first, then second: neither place wins.
            var other = KeySecrets.Generate();
            using var response = i % 2 == 0
                ? await KeyPresentations.SendAsync(peer, way, secret, other)
                : await KeyPresentations.SendAsync(peer, way, other, secret);
            var message = await FamilyCalls.AssertRefusalAsync(family, response, FamilyCalls.NoUsableKeyStatus(family));
            Assert.Contains("different API keys", message, StringComparison.Ordinal);
        }

        await GuessingFixture.AssertWholeAllowanceAsync(peer, family);
    }
}
