using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.S3;
using VehicleImages.Storage.Blobs.S3;

namespace VehicleImages.Storage.Tests.Blobs.S3;

/// <summary>Retries, deadlines and readiness against a real server behind a proxy that fails requests on purpose.</summary>
public sealed class S3ResilienceTests(S3TestBucket bucket) : IClassFixture<S3TestBucket>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_put_and_a_get_that_first_meet_a_503_succeed_by_retrying()
    {
        var requests = 0;
        await using var proxy = new FaultInjectingProxy(bucket.Endpoint.Port, _ => Interlocked.Increment(ref requests) % 2 == 1 ? Fault.ServiceUnavailable : Fault.None);
        using var store = Through(proxy, maxRetries: 2);

        await store.PutAsync("renditions/retried", "survived"u8.ToArray(), Cancel);
        var read = await store.GetAsync("renditions/retried", Cancel);

        Assert.Equal("survived"u8.ToArray(), read);
        Assert.Equal(2, proxy.FaultsServed);
        Assert.Equal(4, proxy.Seen.Count);
    }

    [Fact]
    public async Task Without_retries_the_same_503_fails_the_put()
    {
        await using var proxy = new FaultInjectingProxy(bucket.Endpoint.Port, FaultInjectingProxy.FirstRequests(1, Fault.ServiceUnavailable));
        using var store = Through(proxy, maxRetries: 0);

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => store.PutAsync("renditions/unlucky", new byte[] { 1 }, Cancel));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("SlowDown", error.ErrorCode);
    }

    [Fact]
    public async Task A_request_that_hangs_times_out_and_is_retried()
    {
        await using var proxy = new FaultInjectingProxy(bucket.Endpoint.Port, FaultInjectingProxy.FirstRequests(2, Fault.Hang));
        using var store = Through(proxy, maxRetries: 2, timeout: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await store.PutAsync("renditions/patient", new byte[] { 1 }, Cancel);
        var read = await store.GetAsync("renditions/patient", Cancel);

        Assert.Equal([1], read);
        Assert.Equal(2, proxy.FaultsServed);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_refusal_is_not_retried()
    {
        await using var proxy = new FaultInjectingProxy(bucket.Endpoint.Port, _ => Fault.None);
        using var store = new S3BlobStore(bucket.FreshStore(pathStyle: true) with { ServiceUrl = proxy.Url, SecretKey = "not-the-secret" });

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => store.PutAsync("renditions/refused", new byte[] { 1 }, Cancel));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Single(proxy.Seen);
    }

    [Fact]
    public async Task Ping_throws_when_nothing_listens_on_the_port()
    {
        using var store = new S3BlobStore(bucket.Options(pathStyle: true) with { ServiceUrl = new Uri($"http://127.0.0.1:{ClosedPort()}") });

        var error = await Assert.ThrowsAsync<IOException>(() => store.PingAsync(Cancel));

        Assert.Contains(bucket.Name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_throws_when_the_server_hangs_after_one_attempt()
    {
        await using var proxy = new FaultInjectingProxy(bucket.Endpoint.Port, _ => Fault.Hang);
        using var store = Through(proxy, maxRetries: 4, timeout: TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<IOException>(() => store.PingAsync(Cancel));

        Assert.Single(proxy.Seen);
    }

    [Fact]
    public async Task Ping_throws_when_the_bucket_does_not_exist()
    {
        using var store = new S3BlobStore(bucket.Options(pathStyle: true) with { Bucket = "vi-no-such-bucket" });

        var error = await Assert.ThrowsAsync<IOException>(() => store.PingAsync(Cancel));

        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    private S3BlobStore Through(FaultInjectingProxy proxy, int maxRetries, TimeSpan? timeout = null) =>
        new(bucket.FreshStore(pathStyle: true) with
        {
            ServiceUrl = proxy.Url,
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
        });

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
