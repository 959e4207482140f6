using VehicleImages.Storage.Sessions;

namespace VehicleImages.Storage.Tests.Sessions;

/// <summary>What every admin session store must do.</summary>
public abstract class AdminSessionStoreContract : IAsyncLifetime
{
    private static readonly Guid Key = Guid.Parse("0197a000-0000-7000-8000-00000000000a");
    private static readonly DateTimeOffset Noon = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    protected IAdminSessionStore Sessions { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract Task<IAdminSessionStore> OpenEmptyAsync();

    public async ValueTask InitializeAsync() => Sessions = await OpenEmptyAsync();

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await CloseAsync();
    }

    protected virtual ValueTask CloseAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_session_reads_back_by_its_token_hash()
    {
        var session = new AdminSession("hash-a", Key, Noon, Noon.AddHours(8));
        await Sessions.AddAsync(session, Cancel);

        Assert.Equal(session, await Sessions.FindAsync("hash-a", Cancel));
        Assert.Null(await Sessions.FindAsync("hash-b", Cancel));
    }

    [Fact]
    public async Task A_session_ends_once()
    {
        await Sessions.AddAsync(new AdminSession("hash-a", Key, Noon, Noon.AddHours(8)), Cancel);

        Assert.True(await Sessions.EndAsync("hash-a", Noon.AddHours(1), Cancel));
        Assert.False(await Sessions.EndAsync("hash-a", Noon.AddHours(2), Cancel));
        Assert.False(await Sessions.EndAsync("hash-b", Noon, Cancel));

        var ended = await Sessions.FindAsync("hash-a", Cancel);
        Assert.Equal(Noon.AddHours(1), ended!.EndedAt);
        Assert.False(ended.IsLiveAt(Noon.AddHours(1)));
    }

    [Fact]
    public async Task Ending_a_keys_sessions_ends_its_live_ones_only()
    {
        var other = Guid.Parse("0197a000-0000-7000-8000-00000000000b");
        await Sessions.AddAsync(new AdminSession("mine-live", Key, Noon, Noon.AddHours(8)), Cancel);
        await Sessions.AddAsync(new AdminSession("mine-ended", Key, Noon, Noon.AddHours(8), Noon.AddMinutes(5)), Cancel);
        await Sessions.AddAsync(new AdminSession("other-live", other, Noon, Noon.AddHours(8)), Cancel);

        Assert.Equal(1, await Sessions.EndAllOfKeyAsync(Key, Noon.AddHours(1), Cancel));

        Assert.Equal(Noon.AddHours(1), (await Sessions.FindAsync("mine-live", Cancel))!.EndedAt);
        Assert.Equal(Noon.AddMinutes(5), (await Sessions.FindAsync("mine-ended", Cancel))!.EndedAt);
        Assert.Null((await Sessions.FindAsync("other-live", Cancel))!.EndedAt);
    }

    [Fact]
    public async Task Purging_deletes_sessions_expired_or_ended_before_the_cutoff_only()
    {
        await Sessions.AddAsync(new AdminSession("expired", Key, Noon.AddHours(-9), Noon.AddHours(-1)), Cancel);
        await Sessions.AddAsync(new AdminSession("ended", Key, Noon.AddHours(-2), Noon.AddHours(6), Noon.AddMinutes(-30)), Cancel);
        await Sessions.AddAsync(new AdminSession("live", Key, Noon, Noon.AddHours(8)), Cancel);
        await Sessions.AddAsync(new AdminSession("expires-later", Key, Noon.AddHours(-7), Noon.AddHours(1)), Cancel);

        Assert.Equal(2, await Sessions.PurgeAsync(Noon, Cancel));

        Assert.Null(await Sessions.FindAsync("expired", Cancel));
        Assert.Null(await Sessions.FindAsync("ended", Cancel));
        Assert.True((await Sessions.FindAsync("live", Cancel))!.IsLiveAt(Noon));
        Assert.NotNull(await Sessions.FindAsync("expires-later", Cancel));
    }
}
