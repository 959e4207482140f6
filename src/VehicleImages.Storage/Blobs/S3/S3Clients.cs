using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace VehicleImages.Storage.Blobs.S3;

/// <summary>Builds the AWS SDK client that the options describe.</summary>
internal static class S3Clients
{
    public static AmazonS3Client Create(S3BlobOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,

            // Since 2025 the SDK adds CRC checksum trailers to uploads, which S3-compatible servers such as Ceph RGW
            // refuse. Integrity does not depend on them: over HTTP the signature covers the payload's SHA-256, over
            // HTTPS TLS protects it.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,

            // Deadlines and retries are S3Resilience's alone: two retry layers would multiply the attempts.
            MaxErrorRetry = 0,
            HttpClientFactory = new HttpClients(),
        };
        if (options.ServiceUrl is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return options switch
        {
            { AccessKey: { } key, SecretKey: { } secret, SessionToken: { } token } => new AmazonS3Client(new SessionAWSCredentials(key, secret, token), config),
            { AccessKey: { } key, SecretKey: { } secret } => new AmazonS3Client(new BasicAWSCredentials(key, secret), config),
            _ => new AmazonS3Client(config),
        };
    }

    /// <summary>Gives the SDK HTTP clients that reach *.localhost, with no deadline of their own (S3Resilience sets them).</summary>
    private sealed class HttpClients : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new SocketsHttpHandler
        {
            // As the SDK's own handler: S3's redirects go back to the SDK, and bodies arrive exactly as stored.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,

            // Reconnecting now and then follows DNS changes of the endpoint, e.g. behind a load balancer.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = LoopbackNames.ConnectAsync,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}
