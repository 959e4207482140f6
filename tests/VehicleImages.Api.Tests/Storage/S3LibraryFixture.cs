using System.Globalization;

namespace VehicleImages.Api.Tests.Storage;

/// <summary>
/// The fixture library with its blobs in a bucket of the run's S3 server (Ceph RGW), which the app reaches through a
/// proxy on a port of its own. Stopping the proxy takes the S3 endpoint down (connection refused); starting it again
/// on the same port brings it back, as a restarted or re-routed S3 service would.
/// </summary>
public sealed class S3LibraryFixture(S3Server server) : LibraryFixture
{
    private S3TestBucket? _bucket;
    private FaultInjectingProxy? _proxy;
    private int _port;

    public S3TestBucket Bucket => _bucket ?? throw new InvalidOperationException("Not started.");

    /// <summary>The S3 endpoint as the app knows it.</summary>
    public Uri Endpoint => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_port}"));

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        // One retry with a short deadline keeps an outage's answers quick; the defaults are 4 and 30 s.
        ["Storage:Blobs"] = $"s3://{Bucket.Name}?endpoint={Endpoint}&pathStyle=true&accessKey={Bucket.Endpoint.AccessKey}&secretKey={Bucket.Endpoint.SecretKey}&retries=1&timeoutSeconds=5",
    };

    /// <summary>Nothing listens on the S3 endpoint's port any more.</summary>
    public async Task StopS3Async()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
            _proxy = null;
        }
    }

    /// <summary>The S3 endpoint answers again, on the same port.</summary>
    public void StartS3() => _proxy ??= new FaultInjectingProxy(Bucket.Endpoint.Port, _ => Fault.None, listenPort: _port);

    protected override async ValueTask PrepareAsync()
    {
        _bucket = new S3TestBucket(server);
        await _bucket.InitializeAsync();
        _proxy = new FaultInjectingProxy(_bucket.Endpoint.Port, _ => Fault.None);
        _port = _proxy.Port;
    }

    protected override async ValueTask CleanUpAsync()
    {
        await StopS3Async();
        if (_bucket is not null)
        {
            await _bucket.DisposeAsync();
        }
    }
}
