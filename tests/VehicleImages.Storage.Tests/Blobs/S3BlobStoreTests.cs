using System.Net;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Blobs.S3;

namespace VehicleImages.Storage.Tests.Blobs;

/// <summary>
/// The blob store contract on a real S3 server (Ceph RGW), once per addressing style: path style
/// (http://127.0.0.1:PORT/BUCKET/KEY) and virtual-host style (http://BUCKET.localhost:PORT/KEY). Each test gets an
/// empty store: the class's bucket under a key prefix of its own.
/// </summary>
public abstract class S3BlobStoreTests(S3TestBucket bucket, bool pathStyle) : BlobStoreContract, IClassFixture<S3TestBucket>
{
    protected S3BlobStore S3 => (S3BlobStore)Store;

    protected override Task<IBlobStore> OpenEmptyAsync() => Task.FromResult<IBlobStore>(new S3BlobStore(bucket.FreshStore(pathStyle)));

    protected override ValueTask CloseAsync()
    {
        S3.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Keys_live_under_the_store_prefix_in_the_bucket()
    {
        await Store.PutAsync("originals/prefixed", new byte[] { 7 }, Durability.Immediate, Cancel);

        var head = await S3.Client.GetObjectMetadataAsync(bucket.Name, S3.Options.KeyPrefix + "originals/prefixed", Cancel);
        Assert.Equal(1, head.Headers.ContentLength);
        Assert.StartsWith("t-", S3.Options.KeyPrefix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stat_gives_the_length_and_a_recent_write_time()
    {
        await Store.PutAsync("renditions/stat", new byte[1234], Durability.Immediate, Cancel);

        var info = await Store.StatAsync("renditions/stat", Cancel);

        Assert.Equal(1234, info!.Length);
        Assert.InRange(info.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task A_stream_reads_from_any_position_and_back_again()
    {
        var content = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        await Store.PutAsync("originals/seek", content, Durability.Immediate, Cancel);
        await using var stream = (await Store.OpenReadAsync("originals/seek", Cancel))!;

        var tail = new byte[1000];
        stream.Seek(-1000, SeekOrigin.End);
        await stream.ReadExactlyAsync(tail, Cancel);
        stream.Position = 0;
        using var whole = new MemoryStream();
        await stream.CopyToAsync(whole, Cancel);

        Assert.Equal(content[^1000..], tail);
        Assert.Equal(content, whole.ToArray());
        Assert.Equal(0, await stream.ReadAsync(new byte[1], Cancel));
    }

    [Fact]
    public async Task A_blob_replaced_while_it_is_read_fails_the_read_rather_than_mixing_versions()
    {
        await Store.PutAsync("renditions/replaced", new byte[100_000], Durability.Immediate, Cancel);
        await using var stream = (await Store.OpenReadAsync("renditions/replaced", Cancel))!;
        await Store.PutAsync("renditions/replaced", Enumerable.Repeat((byte)1, 100_000).ToArray(), Durability.Immediate, Cancel);

        stream.Seek(50_000, SeekOrigin.Begin);

        await Assert.ThrowsAsync<IOException>(async () => await stream.ReadExactlyAsync(new byte[10], Cancel));
    }

    [Fact]
    public async Task A_presigned_link_fetches_the_blob_with_a_plain_GET()
    {
        await Store.PutAsync("renditions/linked", "a picture"u8.ToArray(), Durability.Immediate, Cancel);

        var link = await S3.PresignGetAsync("renditions/linked", TimeSpan.FromMinutes(5), "image/jpeg", Cancel);
        using var http = PlainHttpClient();
        using var response = await http.GetAsync(link, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a picture"u8.ToArray(), await response.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_presigned_link_addresses_the_bucket_in_the_configured_style()
    {
        var link = await S3.PresignGetAsync("renditions/style", TimeSpan.FromMinutes(5), null, Cancel);

        if (pathStyle)
        {
            Assert.Equal("127.0.0.1", link.Host);
            Assert.StartsWith($"/{bucket.Name}/t-", link.AbsolutePath, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal($"{bucket.Name}.localhost", link.Host);
            Assert.StartsWith("/t-", link.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("expiry")]
    [InlineData("key")]
    public async Task A_tampered_presigned_link_is_refused(string tampered)
    {
        await Store.PutAsync("renditions/guarded", new byte[] { 1 }, Durability.Immediate, Cancel);
        await Store.PutAsync("renditions/other", new byte[] { 2 }, Durability.Immediate, Cancel);
        var link = (await S3.PresignGetAsync("renditions/guarded", TimeSpan.FromMinutes(5), null, Cancel)).ToString();

        var forged = tampered switch
        {
            "signature" => ReplaceQueryValue(link, "X-Amz-Signature", value => (value[0] == '0' ? "1" : "0") + value[1..]),
            "expiry" => ReplaceQueryValue(link, "X-Amz-Expires", _ => "604800"),
            _ => link.Replace("renditions/guarded", "renditions/other", StringComparison.Ordinal),
        };
        Assert.NotEqual(link, forged);
        using var http = PlainHttpClient();
        using var response = await http.GetAsync(new Uri(forged), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_presigned_link_is_refused()
    {
        await Store.PutAsync("renditions/brief", new byte[] { 1 }, Durability.Immediate, Cancel);
        // SigV4 counts from the signing time in whole seconds, so the link lives 2-3 s from now.
        var link = await S3.PresignGetAsync("renditions/brief", TimeSpan.FromSeconds(3), null, Cancel);
        using var http = PlainHttpClient();
        using var fresh = await http.GetAsync(link, Cancel);

        await Task.Delay(TimeSpan.FromSeconds(4), Cancel);
        using var expired = await http.GetAsync(link, Cancel);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7 * 24 * 3600 + 1)]
    public async Task Presigned_lifetimes_beyond_what_SigV4_allows_are_refused(int seconds) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => S3.PresignGetAsync("renditions/x", TimeSpan.FromSeconds(seconds), null, Cancel));

    [Fact]
    public void The_store_says_it_can_presign() => Assert.IsAssignableFrom<IPresignedLinks>(Store);

    // A client with nothing of the store's but the rule that *.localhost is loopback, which virtual-host links need.
    private static HttpClient PlainHttpClient() => new(new SocketsHttpHandler { ConnectCallback = LoopbackNames.ConnectAsync });

    private static string ReplaceQueryValue(string url, string name, Func<string, string> change)
    {
        var start = url.IndexOf(name + "=", StringComparison.Ordinal) + name.Length + 1;
        var end = url.IndexOf('&', start) is var amp and >= 0 ? amp : url.Length;
        return url[..start] + change(url[start..end]) + url[end..];
    }

    public sealed class PathStyle(S3TestBucket bucket) : S3BlobStoreTests(bucket, pathStyle: true);

    public sealed class VirtualHost(S3TestBucket bucket) : S3BlobStoreTests(bucket, pathStyle: false);
}
