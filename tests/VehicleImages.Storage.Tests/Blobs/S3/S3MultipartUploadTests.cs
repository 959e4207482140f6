using VehicleImages.Storage.Blobs;
using Amazon.S3;
using Amazon.S3.Model;
using VehicleImages.Storage.Blobs.S3;

namespace VehicleImages.Storage.Tests.Blobs.S3;

public sealed class S3MultipartUploadTests(S3TestBucket bucket) : IClassFixture<S3TestBucket>
{
    private const int MiB = 1024 * 1024;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_blob_over_the_default_threshold_goes_up_in_parts_and_reads_back_byte_identical()
    {
        using var store = new S3BlobStore(bucket.FreshStore(pathStyle: true));
        var content = RandomBytes((20 * MiB) + 1);

        await store.PutAsync("originals/large", content, Durability.Immediate, Cancel);

        Assert.Equal(content, await store.GetAsync("originals/large", Cancel));
        await using var stream = (await store.OpenReadAsync("originals/large", Cancel))!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Cancel);
        Assert.Equal(content, copy.ToArray());

        // S3 marks an object assembled from parts with an ETag ending in "-<part count>": 8 + 8 + 4 MiB.
        Assert.EndsWith("-3\"", await ETagAsync(store, "originals/large"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_at_the_threshold_goes_up_in_one_put()
    {
        using var store = new S3BlobStore(bucket.FreshStore(pathStyle: true) with { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB });

        await store.PutAsync("originals/edge", RandomBytes(5 * MiB), Durability.Immediate, Cancel);

        Assert.DoesNotContain('-', await ETagAsync(store, "originals/edge"));
    }

    [Fact]
    public async Task A_failed_multipart_upload_is_aborted_and_leaves_no_parts_behind()
    {
        // The second part fails every time, so the upload fails after its retries.
        await using var proxy = new FaultInjectingProxy(bucket.Endpoint.Port, request => IsSecondPart(request) ? Fault.InternalError : Fault.None);
        using var store = new S3BlobStore(SmallParts(bucket.FreshStore(pathStyle: true)) with { ServiceUrl = proxy.Url, MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.PutAsync("originals/doomed", RandomBytes(11 * MiB), Durability.Immediate, Cancel));

        Assert.Equal(500, (int)Assert.IsType<AmazonS3Exception>(error.InnerException).StatusCode);
        Assert.Contains(proxy.Seen, request => request.RequestLine.StartsWith("POST ", StringComparison.Ordinal) && request.RequestLine.Contains("?uploads", StringComparison.Ordinal));
        Assert.Contains(proxy.Seen, request => request.RequestLine.StartsWith("DELETE ", StringComparison.Ordinal) && request.RequestLine.Contains("uploadId=", StringComparison.Ordinal));
        Assert.Empty(await IncompleteUploadsAsync(store));
        Assert.Null(await store.StatAsync("originals/doomed", Cancel));
    }

    [Fact]
    public async Task A_cancelled_multipart_upload_is_aborted_too()
    {
        await using var proxy = new FaultInjectingProxy(bucket.Endpoint.Port, request => IsSecondPart(request) ? Fault.Hang : Fault.None);
        using var store = new S3BlobStore(SmallParts(bucket.FreshStore(pathStyle: true)) with { ServiceUrl = proxy.Url });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        cancel.CancelAfter(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PutAsync("originals/cancelled", RandomBytes(11 * MiB), Durability.Immediate, cancel.Token));

        Assert.Empty(await IncompleteUploadsAsync(store));
    }

    [Fact]
    public async Task A_new_bucket_gets_a_rule_that_clears_incomplete_uploads_and_ensuring_it_again_changes_nothing()
    {
        using var store = new S3BlobStore(bucket.Options(pathStyle: true) with { Bucket = $"vi-made-{Guid.NewGuid().ToString("N")[..12]}" });

        Assert.True(await store.EnsureBucketAsync(Cancel));
        Assert.False(await store.EnsureBucketAsync(Cancel));

        var lifecycle = await store.Client.GetLifecycleConfigurationAsync(store.Options.Bucket, Cancel);
        var rule = Assert.Single(lifecycle.Configuration.Rules);
        Assert.Equal(1, rule.AbortIncompleteMultipartUpload.DaysAfterInitiation);
        await store.PingAsync(Cancel);
    }

    private static bool IsSecondPart(string requestLine) =>
        requestLine.Split(' ')[1].Split('?').ElementAtOrDefault(1)?.Split('&').Contains("partNumber=2") == true;

    private static S3BlobOptions SmallParts(S3BlobOptions options) => options with { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB };

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(count).NextBytes(bytes);
        return bytes;
    }

    private static async Task<string> ETagAsync(S3BlobStore store, string key) =>
        (await store.Client.GetObjectMetadataAsync(store.Options.Bucket, store.Options.KeyPrefix + key, Cancel)).ETag;

    private async Task<List<MultipartUpload>> IncompleteUploadsAsync(S3BlobStore store)
    {
        // Asked of the server directly, not through the store's proxy.
        using var direct = new S3BlobStore(bucket.Options(pathStyle: true));
        var uploads = await direct.Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket.Name, Prefix = store.Options.KeyPrefix }, Cancel);
        return uploads.MultipartUploads ?? [];
    }
}
