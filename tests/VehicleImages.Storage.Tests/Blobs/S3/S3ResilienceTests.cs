using VehicleImages.Storage.Blobs;
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

        await store.PutAsync("renditions/retried", "survived"u8.ToArray(), Durability.Immediate, Cancel);
        var read = await store.GetAsync("renditions/retried", Cancel);

        Assert.Equal("survived"u8.ToArray(), read);
        Assert.Equal(2, proxy.FaultsServed);
        Assert.Equal(4, proxy.Seen.Count);
    }

    [Fact]
    public async Task Without_retries_the_same_503_makes_the_store_unavailable()
    {
        await using var proxy = new FaultInjectingProxy(bucket.Endpoint.Port, FaultInjectingProxy.FirstRequests(1, Fault.ServiceUnavailable));
        using var store = Through(proxy, maxRetries: 0);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.PutAsync("renditions/unlucky", new byte[] { 1 }, Durability.Immediate, Cancel));

        var answer = Assert.IsType<AmazonS3Exception>(error.InnerException);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal("SlowDown", answer.ErrorCode);
        Assert.Contains("HTTP 503 SlowDown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_answers_500_to_every_attempt_makes_the_store_unavailable_after_the_retries()
    {
        await using var proxy = new FaultInjectingProxy(bucket.Endpoint.Port, _ => Fault.InternalError);
        using var store = Through(proxy, maxRetries: 2);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.GetAsync("renditions/never", Cancel));

        Assert.Equal(3, proxy.Seen.Count);
    }

    [Fact]
    public async Task A_server_that_hangs_past_the_retries_makes_the_store_unavailable()
    {
        await using var proxy = new FaultInjectingProxy(bucket.Endpoint.Port, _ => Fault.Hang);
        using var store = Through(proxy, maxRetries: 1, timeout: TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.StatAsync("renditions/stuck", Cancel));

        Assert.Contains("no answer within 0.5 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, proxy.Seen.Count);
    }

    [Fact]
    public async Task With_nothing_listening_every_operation_is_unavailable_and_the_store_recovers_by_itself_when_the_endpoint_returns()
    {
        var port = ClosedPort();
        using var store = new S3BlobStore(bucket.FreshStore(pathStyle: true) with
        {
            ServiceUrl = new Uri($"http://127.0.0.1:{port}"),
            MaxRetries = 1,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        });
        var key = "renditions/comes-back";

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.PutAsync(key, new byte[] { 7 }, Durability.Immediate, Cancel));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.GetAsync(key, Cancel));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.OpenReadAsync(key, Cancel));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.StatAsync(key, Cancel));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.DeleteAsync(key, Cancel));

        // The endpoint comes back on the same port; the same store instance works again without being told.
        await using var proxy = new FaultInjectingProxy(bucket.Endpoint.Port, _ => Fault.None, listenPort: port);
        await store.PutAsync(key, new byte[] { 7 }, Durability.Immediate, Cancel);
        Assert.Equal([7], await store.GetAsync(key, Cancel));
    }

    [Fact]
    public async Task A_request_that_hangs_times_out_and_is_retried()
    {
        await using var proxy = new FaultInjectingProxy(bucket.Endpoint.Port, FaultInjectingProxy.FirstRequests(2, Fault.Hang));
        using var store = Through(proxy, maxRetries: 2, timeout: TimeSpan.FromSeconds(1));
        // Only so a store that waited on a hung request for ever fails here rather than hanging the run.
        using var backstop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        backstop.CancelAfter(TimeSpan.FromMinutes(1));

        await store.PutAsync("renditions/patient", new byte[] { 1 }, Durability.Immediate, backstop.Token);
        var read = await store.GetAsync("renditions/patient", backstop.Token);

        // The hung requests are never answered, so the put succeeds only by giving up on each and sending it again.
        Assert.Equal([1], read);
        Assert.Equal([Fault.Hang, Fault.Hang, Fault.None, Fault.None], proxy.Seen.Select(request => request.Fault));
        Assert.All(proxy.Seen.Take(3), request => Assert.StartsWith("PUT ", request.RequestLine, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_is_not_retried()
    {
        await using var proxy = new FaultInjectingProxy(bucket.Endpoint.Port, _ => Fault.None);
        using var store = new S3BlobStore(bucket.FreshStore(pathStyle: true) with { ServiceUrl = proxy.Url, SecretKey = "not-the-secret" });

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => store.PutAsync("renditions/refused", new byte[] { 1 }, Durability.Immediate, Cancel));

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
