using System.Text;
using VehicleImages.Application.Answers;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Catalog.Sqlite;

namespace VehicleImages.Application.Tests.Answers;

public sealed class AnswerCacheTests : IDisposable
{
    private readonly ManualClock _clock = new(DateTimeOffset.UnixEpoch);
    private readonly CatalogChanges _changes = new();
    private readonly TempDirectory _folder = new();
    private int _made;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_answer_is_made_once_and_then_remembered()
    {
        var cache = Cache();

        var first = await cache.GetOrMakeAsync("a", Make("one"), Cancel);
        var second = await cache.GetOrMakeAsync("a", Make("two"), Cancel);

        Assert.Equal("one", Encoding.UTF8.GetString(second));
        Assert.Same(first, second);
        Assert.Equal(1, _made);
    }

    [Fact]
    public async Task Without_a_catalog_version_an_answer_lives_the_configured_seconds()
    {
        var cache = Cache(seconds: 2);
        await cache.GetOrMakeAsync("a", Make("old"), Cancel);

        _clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Equal("old", Encoding.UTF8.GetString(await cache.GetOrMakeAsync("a", Make("new"), Cancel)));
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal("new", Encoding.UTF8.GetString(await cache.GetOrMakeAsync("a", Make("new"), Cancel)));
    }

    [Fact]
    public async Task A_write_in_this_process_ends_every_answer_at_once()
    {
        var cache = Cache();
        await cache.GetOrMakeAsync("a", Make("old"), Cancel);

        _changes.Advance();

        Assert.Equal("new", Encoding.UTF8.GetString(await cache.GetOrMakeAsync("a", Make("new"), Cancel)));
        Assert.Equal(2, _made);
    }

    [Fact]
    public async Task An_answer_made_while_the_catalog_changed_is_not_remembered()
    {
        var cache = Cache();

        await cache.GetOrMakeAsync("a", _ => { _changes.Advance(); return Task.FromResult("during"u8.ToArray()); }, Cancel);

        Assert.Equal("after", Encoding.UTF8.GetString(await cache.GetOrMakeAsync("a", Make("after"), Cancel)));
    }

    [Fact]
    public async Task With_a_catalog_version_another_processs_write_shows_within_the_period_and_nothing_else_expires()
    {
        var catalog = await SqliteCatalog.OpenAsync(Path.Combine(_folder.Path, "catalog.db"), Cancel);
        var cache = Cache(seconds: 1, version: catalog);
        await cache.GetOrMakeAsync("a", Make("before"), Cancel);

        // Unchanged, the catalog lets an answer live on well past the period.
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("before", Encoding.UTF8.GetString(await cache.GetOrMakeAsync("a", Make("x"), Cancel)));

        var other = await SqliteCatalog.OpenAsync(Path.Combine(_folder.Path, "catalog.db"), Cancel);
        await other.AddAsync([new CatalogEntry(SampleImages.Configuration(), SampleImages.Image(SampleImages.Configuration(), "new"))], Cancel);

        Assert.Equal("before", Encoding.UTF8.GetString(await cache.GetOrMakeAsync("a", Make("x"), Cancel)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("after", Encoding.UTF8.GetString(await cache.GetOrMakeAsync("a", Make("after"), Cancel)));
    }

    [Fact]
    public async Task Concurrent_misses_of_one_answer_make_it_once()
    {
        var cache = Cache();
        var release = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);

        var waiting = Enumerable.Range(0, 20).Select(_ => cache.GetOrMakeAsync("a", _ => { Interlocked.Increment(ref _made); return release.Task; }, Cancel)).ToList();
        release.SetResult("shared"u8.ToArray());
        var answers = await Task.WhenAll(waiting);

        Assert.Equal(1, _made);
        Assert.All(answers, answer => Assert.Equal("shared", Encoding.UTF8.GetString(answer)));
    }

    [Fact]
    public async Task A_failure_is_not_remembered()
    {
        var cache = Cache();

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrMakeAsync("a", _ => throw new InvalidOperationException("down"), Cancel));

        Assert.Equal("up", Encoding.UTF8.GetString(await cache.GetOrMakeAsync("a", Make("up"), Cancel)));
    }

    [Fact]
    public async Task Many_distinct_answers_stay_within_the_memory_limit_and_the_newest_are_kept()
    {
        var cache = Cache(seconds: 3600, megabytes: 1);
        var body = new string('x', 10_000);

        for (var i = 0; i < 1_000; i++)
        {
            await cache.GetOrMakeAsync($"query {i}", Make(body), Cancel);
            Assert.InRange(cache.Bytes, 0, 1024 * 1024);
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        var made = _made;
        await cache.GetOrMakeAsync("query 999", Make(body), Cancel);
        Assert.Equal(made, _made);
        Assert.InRange(cache.Bytes, 1024 * 1024 / 2, 1024 * 1024);
    }

    [Fact]
    public async Task Zero_seconds_turns_the_cache_off()
    {
        var cache = Cache(seconds: 0);

        await cache.GetOrMakeAsync("a", Make("one"), Cancel);
        await cache.GetOrMakeAsync("a", Make("two"), Cancel);

        Assert.Equal(2, _made);
        Assert.Equal(0, cache.Bytes);
    }

    public void Dispose()
    {
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        _folder.Dispose();
    }

    private AnswerCache Cache(double seconds = 1, int megabytes = 64, ICatalogVersion? version = null) =>
        new(new AnswerCacheOptions { AnswerCacheSeconds = seconds, AnswerCacheMegabytes = megabytes }, _changes, _clock, version);

    private Func<CancellationToken, Task<byte[]>> Make(string body) => _ =>
    {
        Interlocked.Increment(ref _made);
        return Task.FromResult(Encoding.UTF8.GetBytes(body));
    };
}
