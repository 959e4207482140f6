using VehicleImages.Domain.Keys;
using VehicleImages.Storage.Keys;

namespace VehicleImages.Storage.Tests.Keys;

/// <summary>What every API key store must do.</summary>
public abstract class ApiKeyStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    protected IApiKeyStore Keys { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract Task<IApiKeyStore> OpenEmptyAsync();

    public async ValueTask InitializeAsync() => Keys = await OpenEmptyAsync();

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await CloseAsync();
    }

    protected virtual ValueTask CloseAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_key_is_found_by_the_hash_of_its_secret_with_every_field()
    {
        var (key, secret) = KeySecrets.Create("dealer site", KeyScopes.Api | KeyScopes.Admin, "pro", Now);
        await Keys.AddAsync(key, Cancel);

        Assert.Equal(key, await Keys.FindBySecretHashAsync(KeySecrets.Hash(secret), Cancel));
        Assert.Equal(key, await Keys.FindAsync(key.Id, Cancel));
    }

    [Fact]
    public async Task The_secret_itself_is_never_stored()
    {
        var (key, secret) = KeySecrets.Create("app", KeyScopes.Api, "default", Now);
        await Keys.AddAsync(key, Cancel);

        var stored = Assert.Single(await Keys.ListAsync(Cancel));
        Assert.DoesNotContain(secret, stored.ToString(), StringComparison.Ordinal);
        Assert.Null(await Keys.FindBySecretHashAsync(secret, Cancel));
    }

    [Fact]
    public async Task An_unknown_hash_finds_nothing()
    {
        Assert.Null(await Keys.FindBySecretHashAsync(KeySecrets.Hash(KeySecrets.Generate()), Cancel));
    }

    [Fact]
    public async Task A_revoked_key_keeps_its_first_revocation_time()
    {
        var (key, _) = KeySecrets.Create("app", KeyScopes.Api, "default", Now);
        await Keys.AddAsync(key, Cancel);

        Assert.True(await Keys.RevokeAsync(key.Id, Now.AddHours(1), Cancel));
        Assert.True(await Keys.RevokeAsync(key.Id, Now.AddHours(2), Cancel));

        Assert.Equal(Now.AddHours(1), (await Keys.FindAsync(key.Id, Cancel))!.RevokedAt);
        Assert.False(await Keys.RevokeAsync(Guid.NewGuid(), Now, Cancel));
    }

    [Fact]
    public async Task Keys_are_listed_oldest_first()
    {
        var first = KeySecrets.Create("first", KeyScopes.Api, "default", Now).Key;
        var second = KeySecrets.Create("second", KeyScopes.Api, "default", Now.AddMinutes(1)).Key;
        await Keys.AddAsync(second, Cancel);
        await Keys.AddAsync(first, Cancel);

        Assert.Equal(["first", "second"], (await Keys.ListAsync(Cancel)).Select(k => k.Name));
    }

    [Fact]
    public async Task A_rotated_key_answers_to_its_new_secret_only_and_keeps_its_identity()
    {
        var (key, oldSecret) = KeySecrets.Create("app", KeyScopes.Api, "pro", Now);
        await Keys.AddAsync(key, Cancel);
        var newSecret = KeySecrets.Generate();

        Assert.True(await Keys.ReplaceSecretAsync(key.Id, KeySecrets.PrefixOf(newSecret), KeySecrets.Hash(newSecret), Cancel));

        Assert.Null(await Keys.FindBySecretHashAsync(KeySecrets.Hash(oldSecret), Cancel));
        var rotated = await Keys.FindBySecretHashAsync(KeySecrets.Hash(newSecret), Cancel);
        Assert.Equal(key with { Prefix = KeySecrets.PrefixOf(newSecret), SecretHash = KeySecrets.Hash(newSecret) }, rotated);
    }

    [Fact]
    public async Task A_revoked_or_unknown_key_cannot_be_rotated()
    {
        var (key, _) = KeySecrets.Create("app", KeyScopes.Api, "default", Now);
        await Keys.AddAsync(key, Cancel);
        await Keys.RevokeAsync(key.Id, Now, Cancel);
        var secret = KeySecrets.Generate();

        Assert.False(await Keys.ReplaceSecretAsync(key.Id, KeySecrets.PrefixOf(secret), KeySecrets.Hash(secret), Cancel));
        Assert.False(await Keys.ReplaceSecretAsync(Guid.NewGuid(), KeySecrets.PrefixOf(secret), KeySecrets.Hash(secret), Cancel));
        Assert.Null(await Keys.FindBySecretHashAsync(KeySecrets.Hash(secret), Cancel));
    }

    [Fact]
    public async Task Times_keep_their_instant_whatever_the_offset()
    {
        var created = new DateTimeOffset(2026, 11, 21, 11, 0, 0, TimeSpan.FromHours(2));
        var (key, _) = KeySecrets.Create("app", KeyScopes.Api, "default", created);
        await Keys.AddAsync(key, Cancel);

        await Keys.RevokeAsync(key.Id, created.AddHours(1).ToOffset(TimeSpan.FromHours(-5)), Cancel);

        var read = await Keys.FindAsync(key.Id, Cancel);
        Assert.Equal(created, read!.CreatedAt);
        Assert.Equal(created.AddHours(1), read.RevokedAt);
    }

    [Fact]
    public async Task A_key_moves_to_another_plan()
    {
        var (key, _) = KeySecrets.Create("app", KeyScopes.Api, "default", Now);
        await Keys.AddAsync(key, Cancel);

        Assert.True(await Keys.SetPlanAsync(key.Id, "pro", Cancel));
        Assert.False(await Keys.SetPlanAsync(Guid.NewGuid(), "pro", Cancel));

        Assert.Equal("pro", (await Keys.FindAsync(key.Id, Cancel))!.Plan);
    }
}
