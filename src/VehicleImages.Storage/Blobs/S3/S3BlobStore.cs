using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Polly;

namespace VehicleImages.Storage.Blobs.S3;

/// <summary>
/// Blobs as objects in an S3 bucket (AWS S3 or any S3-compatible store). S3 makes every write atomic by itself: an
/// object appears whole when its PUT, or its multipart upload, completes. Every request has a deadline and is retried
/// when it fails transiently (see <see cref="S3Resilience"/>).
/// </summary>
public sealed class S3BlobStore : IBlobStore, IPresignedLinks, IDisposable
{
    private const string AbortUploadsRule = "abort-incomplete-multipart-uploads";

    private readonly AmazonS3Client _client;
    private readonly ResiliencePipeline _retrying;
    private readonly ResiliencePipeline _once;
    private readonly S3MultipartUpload _multipart;

    public S3BlobStore(S3BlobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _client = S3Clients.Create(options);
        _retrying = S3Resilience.Retrying(options);
        _once = S3Resilience.Once(options);
        _multipart = new S3MultipartUpload(_client, _retrying, Name, options.RequestTimeout);
    }

    public S3BlobOptions Options { get; }

    /// <summary>SigV4's limit on a presigned URL's lifetime.</summary>
    public TimeSpan MaxLifetime => TimeSpan.FromDays(7);

    private string Bucket => Options.Bucket;

    // For messages: which store failed.
    private string Name => $"The S3 bucket '{Bucket}' at {Options.ServiceUrl?.ToString() ?? Options.Region}";

    internal IAmazonS3 Client => _client;

    /// <summary>An S3 write is durable when it is acknowledged, so both durabilities are the same write.</summary>
    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, Durability durability, CancellationToken cancellationToken)
    {
        var objectKey = ObjectKey(key);
        if (content.Length > Options.MultipartThreshold)
        {
            await _multipart.PutAsync(Bucket, objectKey, content, Options.PartSize, cancellationToken);
            return;
        }

        // The body is in memory, so it is hashed and signed whole rather than sent in signed chunks.
        await _retrying.RequestAsync(
            Name,
            async token => await _client.PutObjectAsync(
                new PutObjectRequest { BucketName = Bucket, Key = objectKey, InputStream = MemoryBody.Of(content), UseChunkEncoding = false },
                token),
            cancellationToken);
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = Bucket, Key = ObjectKey(key) };

        // The body is read inside the attempt, so that a transfer that breaks or stalls is retried like any request.
        return await _retrying.RequestAsync(
            Name,
            async token =>
            {
                using var response = await NullWhenMissing(() => _client.GetObjectAsync(request, token));
                if (response is null)
                {
                    return null;
                }

                var bytes = new byte[checked((int)response.Headers.ContentLength)];
                await response.ResponseStream.ReadExactlyAsync(bytes, token);
                return bytes;
            },
            cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var objectKey = ObjectKey(key);
        var whole = await _retrying.RequestAsync(
            Name,
            async token => await NullWhenMissing(() => _client.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = objectKey }, token)),
            cancellationToken);
        return whole is null ? null : new S3ReadStream(whole, (offset, eTag, token) => OpenRangeAsync(objectKey, offset, eTag, token), Options.RequestTimeout);
    }

    public async Task<BlobInfo?> StatAsync(string key, CancellationToken cancellationToken)
    {
        var request = new GetObjectMetadataRequest { BucketName = Bucket, Key = ObjectKey(key) };
        var metadata = await _retrying.RequestAsync(
            Name,
            async token => await NullWhenMissing(() => _client.GetObjectMetadataAsync(request, token)),
            cancellationToken);
        return metadata is null ? null : new BlobInfo(metadata.Headers.ContentLength, ToUtc(metadata.LastModified));
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        // S3 answers a delete of a missing object with success, as the contract asks.
        var request = new DeleteObjectRequest { BucketName = Bucket, Key = ObjectKey(key) };
        await _retrying.RequestAsync(Name, async token => await _client.DeleteObjectAsync(request, token), cancellationToken);
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _once.ExecuteAsync(
                async token => await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = Bucket }, token),
                cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"{Name} is not reachable: {S3Resilience.Describe(e)}", e);
        }
    }

    public async Task<Uri> PresignGetAsync(string key, TimeSpan lifetime, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, MaxLifetime);
        cancellationToken.ThrowIfCancellationRequested();
        var request = new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = ObjectKey(key),
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow + lifetime,

            // The SDK would write https:// whatever the endpoint says.
            Protocol = Options.ServiceUrl?.Scheme == Uri.UriSchemeHttp ? Protocol.HTTP : Protocol.HTTPS,
        };
        if (contentType is not null)
        {
            // Objects are stored without a type; the link names it so that browsers show an image, not a download.
            request.ResponseHeaderOverrides.ContentType = contentType;
        }

        return new Uri(await _client.GetPreSignedURLAsync(request));
    }

    /// <summary>
    /// Creates the bucket if it does not exist, with a rule that clears multipart uploads left incomplete for a day;
    /// true when it was created. An explicit step of set-up, not of every start: the service's credentials need not
    /// be allowed to create buckets.
    /// </summary>
    public async Task<bool> EnsureBucketAsync(CancellationToken cancellationToken)
    {
        if (await BucketExistsAsync(cancellationToken))
        {
            return false;
        }

        var create = new PutBucketRequest { BucketName = Bucket };
        if (Options.ServiceUrl is null && Options.Region != "us-east-1")
        {
            // AWS wants the region named outside us-east-1; S3-compatible servers expect their own zone names, or none.
            create.BucketRegionName = Options.Region;
        }

        try
        {
            await _retrying.RequestAsync(Name, async token => await _client.PutBucketAsync(create, token), cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou")
        {
            return false; // Another process made it first.
        }

        var lifecycle = new PutLifecycleConfigurationRequest
        {
            BucketName = Bucket,
            Configuration = new LifecycleConfiguration
            {
                Rules =
                [
                    new LifecycleRule
                    {
                        Id = AbortUploadsRule,
                        Status = LifecycleRuleStatus.Enabled,
                        Filter = new LifecycleFilter { LifecycleFilterPredicate = new LifecyclePrefixPredicate { Prefix = "" } },
                        AbortIncompleteMultipartUpload = new LifecycleRuleAbortIncompleteMultipartUpload { DaysAfterInitiation = 1 },
                    },
                ],
            },
        };
        await _retrying.RequestAsync(Name, async token => await _client.PutLifecycleConfigurationAsync(lifecycle, token), cancellationToken);
        return true;
    }

    public void Dispose() => _client.Dispose();

    private async Task<bool> BucketExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _retrying.RequestAsync(Name, async token => await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = Bucket }, token), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private async Task<GetObjectResponse> OpenRangeAsync(string objectKey, long offset, string eTag, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = Bucket, Key = objectKey, ByteRange = new ByteRange($"bytes={offset}-"), EtagToMatch = eTag };
        try
        {
            return await _retrying.RequestAsync(Name, async token => await _client.GetObjectAsync(request, token), cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            throw new IOException($"The blob '{objectKey}' was replaced or deleted while it was being read.", e);
        }
    }

    private string ObjectKey(string key)
    {
        BlobKey.Validate(key);
        return Options.KeyPrefix + key;
    }

    // A missing key is an answer (null); a missing bucket is an error, which Ping reports.
    private static async Task<T?> NullWhenMissing<T>(Func<Task<T>> request)
        where T : class
    {
        try
        {
            return await request();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            return null;
        }
    }

    private static DateTimeOffset ToUtc(DateTime? time) =>
        time is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc)) : DateTimeOffset.UnixEpoch;

}
