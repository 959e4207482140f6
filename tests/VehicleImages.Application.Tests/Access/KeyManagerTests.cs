using VehicleImages.Application.Access;
using VehicleImages.Application.Keys;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Application.Tests.Access;

public sealed class KeyManagerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_key_has_a_recognisable_prefix_and_is_stored_without_its_secret()
    {
        await using var rig = await AccessRig.StartAsync(new AccessOptions(), Cancel);

        var (key, secret) = await rig.Keys.CreateAsync("dealer site", null, KeyScopes.Api, Cancel);

        Assert.StartsWith("vik_", secret, StringComparison.Ordinal);
        Assert.Equal(36, secret.Length);
        Assert.Equal(secret[..8], key.Prefix);
        Assert.Equal("default", key.Plan);
        var listed = Assert.Single(await rig.Keys.ListAsync(Cancel));
        Assert.DoesNotContain(secret, listed.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app", "gold", KeyScopes.Api, "No plan named 'gold'")]
    [InlineData(" ", null, KeyScopes.Api, "needs a name")]
    [InlineData("app", null, KeyScopes.None, "scope")]
    public async Task Unusable_requests_are_refused_with_a_reason(string name, string? plan, KeyScopes scopes, string reason)
    {
        await using var rig = await AccessRig.StartAsync(new AccessOptions(), Cancel);

        var refused = await Assert.ThrowsAsync<KeyManagementException>(() => rig.Keys.CreateAsync(name, plan, scopes, Cancel));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Empty(await rig.Keys.ListAsync(Cancel));
    }

    [Fact]
    public async Task Keys_are_found_by_id_whole_secret_or_prefix()
    {
        await using var rig = await AccessRig.StartAsync(new AccessOptions(), Cancel);
        var (key, secret) = await rig.Keys.CreateAsync("app", null, KeyScopes.Api, Cancel);

        Assert.Equal(key, await rig.Keys.FindAsync(key.Id.ToString(), Cancel));
        Assert.Equal(key, await rig.Keys.FindAsync(secret, Cancel));
        Assert.Equal(key, await rig.Keys.FindAsync(key.Prefix + "…", Cancel));
        Assert.Null(await rig.Keys.FindAsync("vik_none", Cancel));
        Assert.Null(await rig.Keys.FindAsync(KeySecrets.Generate(), Cancel));
    }

    [Fact]
    public async Task A_rotated_key_keeps_its_identity_and_only_the_new_secret_works_at_once()
    {
        await using var rig = await AccessRig.StartAsync(new AccessOptions(), Cancel);
        var (key, oldSecret) = await rig.Keys.CreateAsync("app", null, KeyScopes.Api, Cancel);
        Assert.True((await rig.Access.AdmitAsync(oldSecret, ApiFamily.CarsXe, "client", Cancel)).Admitted);

        var (rotated, newSecret) = (await rig.Keys.RotateAsync(key.Id, Cancel))!.Value;

        Assert.Equal(key.Id, rotated.Id);
        Assert.NotEqual(key.Prefix, rotated.Prefix);
        Assert.Equal(RefusalReason.InvalidKey, (await rig.Access.AdmitAsync(oldSecret, ApiFamily.CarsXe, "client", Cancel)).Refusal);
        Assert.Equal(key.Id, (await rig.Access.AdmitAsync(newSecret, ApiFamily.CarsXe, "client", Cancel)).Key!.Id);
        Assert.Null(await rig.Keys.RotateAsync(Guid.NewGuid(), Cancel));
    }

    [Fact]
    public async Task A_key_moved_to_another_plan_is_held_to_it_at_once()
    {
        var options = new AccessOptions();
        options.Plans["oneauto"] = new PlanSettings();
        options.Plans["oneauto"].Families.Add("OneAuto");
        await using var rig = await AccessRig.StartAsync(options, Cancel);
        var (key, secret) = await rig.Keys.CreateAsync("app", null, KeyScopes.Api, Cancel);
        Assert.True((await rig.Access.AdmitAsync(secret, ApiFamily.CarsXe, "client", Cancel)).Admitted);

        Assert.Equal("oneauto", (await rig.Keys.SetPlanAsync(key.Id, "OneAuto", Cancel))!.Plan);

        Assert.Equal(RefusalReason.NotEnabled, (await rig.Access.AdmitAsync(secret, ApiFamily.CarsXe, "client", Cancel)).Refusal);
        await Assert.ThrowsAsync<KeyManagementException>(() => rig.Keys.SetPlanAsync(key.Id, "gold", Cancel));
    }
}
