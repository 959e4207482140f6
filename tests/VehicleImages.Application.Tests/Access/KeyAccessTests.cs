using VehicleImages.Application.Access;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Application.Tests.Access;

public sealed class KeyAccessTests
{
    private const string Address = "192.0.2.7";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_live_key_is_admitted_with_what_it_has_left()
    {
        await using var rig = await StartAsync();
        var (key, secret) = await rig.Keys.CreateAsync("app", "metered", KeyScopes.Api, Cancel);

        var admission = await rig.Access.AdmitAsync(secret, ApiFamily.CarsXe, Address, Cancel);

        Assert.True(admission.Admitted);
        Assert.Equal(key.Id, admission.Key!.Id);
        Assert.Equal(2, admission.RateRemaining);
        Assert.Equal(new QuotaUsage(0, 5), admission.Quota);
    }

    [Theory]
    [InlineData(null, RefusalReason.MissingKey)]
    [InlineData(" ", RefusalReason.MissingKey)]
    [InlineData("vik_0000000000000000000000000000000000", RefusalReason.InvalidKey)]
    public async Task Missing_and_unknown_keys_are_refused(string? secret, RefusalReason reason)
    {
        await using var rig = await StartAsync();

        var admission = await rig.Access.AdmitAsync(secret, ApiFamily.CarsXe, Address, Cancel);

        Assert.Equal(reason, admission.Refusal);
        Assert.Null(admission.Key);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_the_next_request()
    {
        await using var rig = await StartAsync();
        var (key, secret) = await rig.Keys.CreateAsync("app", null, KeyScopes.Api, Cancel);
        Assert.True((await rig.Access.AdmitAsync(secret, ApiFamily.CarsXe, Address, Cancel)).Admitted);

        await rig.Keys.RevokeAsync(key.Id, Cancel);

        Assert.Equal(RefusalReason.RevokedKey, (await rig.Access.AdmitAsync(secret, ApiFamily.CarsXe, Address, Cancel)).Refusal);
    }

    [Fact]
    public async Task A_family_outside_the_plan_or_a_missing_scope_is_not_enabled()
    {
        await using var rig = await StartAsync();
        var (_, carsXeOnly) = await rig.Keys.CreateAsync("app", "carsxe-only", KeyScopes.Api, Cancel);
        var (_, adminOnly) = await rig.Keys.CreateAsync("ops", null, KeyScopes.Admin, Cancel);

        Assert.True((await rig.Access.AdmitAsync(carsXeOnly, ApiFamily.CarsXe, Address, Cancel)).Admitted);
        var refused = await rig.Access.AdmitAsync(carsXeOnly, ApiFamily.OneAuto, Address, Cancel);
        Assert.Equal(RefusalReason.NotEnabled, refused.Refusal);
        Assert.Contains("OneAuto", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RefusalReason.NotEnabled, (await rig.Access.AdmitAsync(adminOnly, ApiFamily.Native, Address, Cancel)).Refusal);
        Assert.Equal(RefusalReason.NotEnabled, (await rig.Access.AdmitAsync(carsXeOnly, ApiFamily.Native, KeyScopes.Admin, Address, Cancel)).Refusal);
        Assert.True((await rig.Access.AdmitAsync(adminOnly, ApiFamily.Native, KeyScopes.Admin, Address, Cancel)).Admitted);
    }

    [Fact]
    public async Task Requests_beyond_the_burst_wait_for_the_rate()
    {
        await using var rig = await StartAsync();
        var (_, secret) = await rig.Keys.CreateAsync("app", "metered", KeyScopes.Api, Cancel);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await rig.Access.AdmitAsync(secret, ApiFamily.AutoDev, Address, Cancel)).Admitted);
        }

        var refused = await rig.Access.AdmitAsync(secret, ApiFamily.AutoDev, Address, Cancel);
        Assert.Equal(RefusalReason.RateLimited, refused.Refusal);
        Assert.Equal(TimeSpan.FromSeconds(0.5), refused.RetryAfter);

        rig.Clock.Advance(refused.RetryAfter!.Value);
        Assert.True((await rig.Access.AdmitAsync(secret, ApiFamily.AutoDev, Address, Cancel)).Admitted);
    }

    [Fact]
    public async Task A_spent_quota_is_refused_until_the_month_ends()
    {
        await using var rig = await StartAsync();
        var (key, secret) = await rig.Keys.CreateAsync("app", "metered", KeyScopes.Api, Cancel);
        for (var i = 0; i < 5; i++)
        {
            rig.Usage.Record(key.Id, "/images", chargeable: true);
        }

        rig.Usage.Record(key.Id, "/images", chargeable: false);

        var refused = await rig.Access.AdmitAsync(secret, ApiFamily.CarsXe, Address, Cancel);
        Assert.Equal(RefusalReason.QuotaExceeded, refused.Refusal);
        Assert.Equal(new QuotaUsage(5, 5), refused.Quota);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero) - rig.Clock.GetUtcNow(), refused.RetryAfter);

        rig.Clock.Advance(refused.RetryAfter!.Value);
        Assert.True((await rig.Access.AdmitAsync(secret, ApiFamily.CarsXe, Address, Cancel)).Admitted);
    }

    [Fact]
    public async Task An_address_guessing_keys_gets_429_for_unknown_keys_until_its_allowance_refills_but_admits_a_good_key()
    {
        await using var rig = await StartAsync();
        var (_, secret) = await rig.Keys.CreateAsync("app", null, KeyScopes.Api, Cancel);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(RefusalReason.InvalidKey, (await rig.Access.AdmitAsync(KeySecrets.Generate(), ApiFamily.CarsXe, Address, Cancel)).Refusal);
        }

        var guessing = await rig.Access.AdmitAsync(KeySecrets.Generate(), ApiFamily.CarsXe, Address, Cancel);
        Assert.Equal(RefusalReason.TooManyFailedAttempts, guessing.Refusal);
        Assert.True((await rig.Access.AdmitAsync(secret, ApiFamily.CarsXe, Address, Cancel)).Admitted);
        Assert.Equal(RefusalReason.TooManyFailedAttempts, (await rig.Access.AdmitAsync(KeySecrets.Generate(), ApiFamily.CarsXe, Address, Cancel)).Refusal);
        Assert.Equal(RefusalReason.InvalidKey, (await rig.Access.AdmitAsync(KeySecrets.Generate(), ApiFamily.CarsXe, "198.51.100.1", Cancel)).Refusal);

        rig.Clock.Advance(guessing.RetryAfter!.Value);
        Assert.Equal(RefusalReason.InvalidKey, (await rig.Access.AdmitAsync(KeySecrets.Generate(), ApiFamily.CarsXe, Address, Cancel)).Refusal);
    }

    [Fact]
    public async Task A_key_presented_twice_is_that_key_and_different_keys_at_once_are_refused_unread_and_uncounted()
    {
        await using var rig = await StartAsync();
        var (key, secret) = await rig.Keys.CreateAsync("app", null, KeyScopes.Api, Cancel);
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(key.Id, (await rig.Access.AdmitAsync(PresentedKey.Among([secret, $" {secret} ", ""]), ApiFamily.CarsXe, Address, Cancel)).Key!.Id);
            var conflict = await rig.Access.AdmitAsync(PresentedKey.Among([secret, KeySecrets.Generate()]), ApiFamily.CarsXe, Address, Cancel);
            Assert.Equal(RefusalReason.ConflictingKeys, conflict.Refusal);
            Assert.Null(conflict.Key);
        }

        // Seven of each, past the allowance of six: had any counted, this unknown key would be refused as guessing.
        Assert.Equal(RefusalReason.InvalidKey, (await rig.Access.AdmitAsync(KeySecrets.Generate(), ApiFamily.CarsXe, Address, Cancel)).Refusal);
    }

    [Fact]
    public async Task A_plan_changed_in_the_book_applies_to_the_next_request()
    {
        var options = Options();
        await using var rig = await AccessRig.StartAsync(options, Cancel);
        var (_, secret) = await rig.Keys.CreateAsync("app", "carsxe-only", KeyScopes.Api, Cancel);
        Assert.Equal(RefusalReason.NotEnabled, (await rig.Access.AdmitAsync(secret, ApiFamily.OneAuto, Address, Cancel)).Refusal);

        options.Plans["carsxe-only"].Families.Add("OneAuto");
        rig.Plans.Update(options);

        Assert.True((await rig.Access.AdmitAsync(secret, ApiFamily.OneAuto, Address, Cancel)).Admitted);
    }

    private static Task<AccessRig> StartAsync() => AccessRig.StartAsync(Options(), Cancel);

    private static AccessOptions Options()
    {
        var options = new AccessOptions { FailedKeyAttemptsPerMinute = 6 };
        options.Plans["metered"] = new PlanSettings { RequestsPerSecond = 2, Burst = 3, MonthlyQuota = 5 };
        options.Plans["carsxe-only"] = new PlanSettings();
        options.Plans["carsxe-only"].Families.Add("CarsXe");
        return options;
    }
}
