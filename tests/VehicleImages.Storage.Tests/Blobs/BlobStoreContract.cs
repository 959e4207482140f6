using VehicleImages.Storage.Blobs;

namespace VehicleImages.Storage.Tests.Blobs;

/// <summary>What every blob store must do. Each backend's test class inherits this and says how to open one.</summary>
public abstract class BlobStoreContract : IAsyncLifetime
{
    protected IBlobStore Store { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract Task<IBlobStore> OpenEmptyAsync();

    public async ValueTask InitializeAsync() => Store = await OpenEmptyAsync();

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await CloseAsync();
    }

    /// <summary>Releases what <see cref="OpenEmptyAsync"/> made.</summary>
    protected virtual ValueTask CloseAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_blob_reads_back_as_written()
    {
        byte[] content = [1, 2, 3, 4, 5];
        await Store.PutAsync("originals/ab/blob", content, Durability.Immediate, Cancel);

        Assert.Equal(content, await Store.GetAsync("originals/ab/blob", Cancel));
        Assert.Equal(5, (await Store.StatAsync("originals/ab/blob", Cancel))!.Length);
    }

    [Fact]
    public async Task A_missing_blob_is_null_not_an_error()
    {
        Assert.Null(await Store.GetAsync("originals/no/such", Cancel));
        Assert.Null(await Store.StatAsync("originals/no/such", Cancel));
        Assert.Null(await Store.OpenReadAsync("originals/no/such", Cancel));
    }

    [Fact]
    public async Task A_second_write_replaces_the_first_whole()
    {
        await Store.PutAsync("renditions/k", new byte[1000], Durability.Immediate, Cancel);
        await Store.PutAsync("renditions/k", new byte[] { 9 }, Durability.Immediate, Cancel);

        Assert.Equal([9], await Store.GetAsync("renditions/k", Cancel));
    }

    [Fact]
    public async Task A_blob_opens_as_a_seekable_stream()
    {
        await Store.PutAsync("renditions/stream", "0123456789"u8.ToArray(), Durability.Immediate, Cancel);

        await using var stream = await Store.OpenReadAsync("renditions/stream", Cancel);
        Assert.NotNull(stream);
        Assert.True(stream.CanSeek);
        Assert.Equal(10, stream.Length);
        stream.Seek(4, SeekOrigin.Begin);
        var buffer = new byte[3];
        await stream.ReadExactlyAsync(buffer, Cancel);
        Assert.Equal("456"u8.ToArray(), buffer);
    }

    [Fact]
    public async Task A_deleted_blob_is_gone_and_deleting_again_is_fine()
    {
        await Store.PutAsync("renditions/gone", new byte[] { 1 }, Durability.Immediate, Cancel);
        await Store.DeleteAsync("renditions/gone", Cancel);
        await Store.DeleteAsync("renditions/gone", Cancel);

        Assert.Null(await Store.GetAsync("renditions/gone", Cancel));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("originals/../../etc/passwd")]
    [InlineData("/absolute")]
    [InlineData("originals//double")]
    [InlineData(".incoming/x")]
    [InlineData("Upper/Case")]
    public async Task Keys_that_could_escape_the_store_are_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, new byte[] { 1 }, Durability.Immediate, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync(key, Cancel));
    }

    [Fact]
    public async Task Concurrent_writers_of_one_key_leave_one_whole_blob()
    {
        var contents = Enumerable.Range(1, 16).Select(i => Enumerable.Repeat((byte)i, 64 * 1024).ToArray()).ToArray();

        await Task.WhenAll(contents.Select(c => Store.PutAsync("renditions/race", c, Durability.Immediate, Cancel)));

        var result = await Store.GetAsync("renditions/race", Cancel);
        Assert.Contains(contents, c => c.AsSpan().SequenceEqual(result));
    }

    [Fact]
    public async Task A_deferred_write_is_readable_at_once_and_after_the_flush()
    {
        await Store.PutAsync("renditions/deferred", "later"u8.ToArray(), Durability.Deferred, Cancel);
        Assert.Equal("later"u8.ToArray(), await Store.GetAsync("renditions/deferred", Cancel));

        await Store.FlushAsync(Cancel);

        Assert.Equal(5, (await Store.StatAsync("renditions/deferred", Cancel))!.Length);
        Assert.Equal("later"u8.ToArray(), await Store.GetAsync("renditions/deferred", Cancel));
    }

    [Fact]
    public async Task A_reachable_store_answers_ping() => await Store.PingAsync(Cancel);
}
