using VehicleImages.Storage.Blobs.S3;
using Xunit;

namespace VehicleImages.Testing;

/// <summary>
/// A bucket of its own for one test class (a class fixture) on the run's shared <see cref="S3Server"/>. Tests that
/// each want an empty store take one under a fresh key prefix.
/// </summary>
public sealed class S3TestBucket(S3Server server) : IAsyncLifetime
{
    private S3Endpoint? _endpoint;

    public string Name { get; } = $"vi-test-{Guid.NewGuid().ToString("N")[..16]}";

    public S3Endpoint Endpoint => _endpoint ?? throw new InvalidOperationException("The bucket is not made yet.");

    public async ValueTask InitializeAsync()
    {
        _endpoint = await server.GetAsync();
        using var store = new S3BlobStore(Options(pathStyle: true));
        await store.EnsureBucketAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // The server, and every bucket on it, goes at the end of the run.

    /// <summary>Options for this bucket on the server; virtual-host style reaches it as http://BUCKET.localhost:PORT.</summary>
    public S3BlobOptions Options(bool pathStyle, string keyPrefix = "") => new()
    {
        Bucket = Name,
        ServiceUrl = pathStyle ? Endpoint.PathStyleUrl : Endpoint.VirtualHostUrl,
        Region = Endpoint.Region,
        AccessKey = Endpoint.AccessKey,
        SecretKey = Endpoint.SecretKey,
        ForcePathStyle = pathStyle,
        KeyPrefix = keyPrefix,
    };

    /// <summary>Options for an empty store of its own: this bucket under a prefix no other test uses.</summary>
    public S3BlobOptions FreshStore(bool pathStyle) => Options(pathStyle, $"t-{Guid.NewGuid():N}/");
}
