using Amazon.S3;
using Amazon.S3.Model;
using Polly;

namespace VehicleImages.Storage.Blobs.S3;

/// <summary>
/// Puts a large blob in parts. The object appears whole when the upload completes, or not at all; an upload that
/// fails is aborted, so that its parts do not linger in the bucket (and on the bill). The bucket's lifecycle rule
/// (see <see cref="S3BlobStore.EnsureBucketAsync"/>) clears what a killed process could not abort.
/// </summary>
internal sealed class S3MultipartUpload(IAmazonS3 client, ResiliencePipeline pipeline, string store, TimeSpan requestTimeout)
{
    // A few parts in flight fill the link without a large burst of memory or connections.
    private const int PartsInFlight = 4;

    public async Task PutAsync(string bucket, string key, ReadOnlyMemory<byte> content, int partSize, CancellationToken cancellationToken)
    {
        var started = await pipeline.RequestAsync(
            store,
            async token => await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key }, token),
            cancellationToken);
        try
        {
            var partCount = (int)((content.Length + partSize - 1) / partSize);
            var parts = new PartETag[partCount];
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = PartsInFlight, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, partCount), parallel, async (index, token) =>
            {
                var offset = index * partSize;
                var part = content.Slice(offset, Math.Min(partSize, content.Length - offset));
                var uploaded = await pipeline.RequestAsync(
                    store,
                    async attempt => await client.UploadPartAsync(
                        new UploadPartRequest
                        {
                            BucketName = bucket,
                            Key = key,
                            UploadId = started.UploadId,
                            PartNumber = index + 1,
                            InputStream = MemoryBody.Of(part),
                            UseChunkEncoding = false,
                        },
                        attempt),
                    token);
                parts[index] = new PartETag(index + 1, uploaded.ETag);
            });

            await pipeline.RequestAsync(
                store,
                async token => await client.CompleteMultipartUploadAsync(
                    new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = started.UploadId, PartETags = [.. parts] },
                    token),
                cancellationToken);
        }
        catch
        {
            await AbortAsync(bucket, key, started.UploadId);
            throw;
        }
    }

    private async Task AbortAsync(string bucket, string key, string uploadId)
    {
        // Not the caller's token: a cancelled put must still clean up after itself, within a deadline of its own.
        using var deadline = new CancellationTokenSource(requestTimeout * 2);
        try
        {
            await pipeline.ExecuteAsync(
                async token => await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, token),
                deadline.Token);
        }
#pragma warning disable CA1031 // The put's own failure is the one to report; the lifecycle rule clears what this leaves.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
