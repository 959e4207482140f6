using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Application.Ingest.Sources;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging;
using VehicleImages.Storage;
using VehicleImages.Storage.Blobs.S3;

namespace VehicleImages.Api.Tests.Storage;

/// <summary>An ingest into an S3 bucket that goes down half way stops with the outage, and running it again completes it exactly.</summary>
public sealed class S3IngestOutageTests(S3TestBucket bucket) : IClassFixture<S3TestBucket>
{
    private const int Pictures = 8;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_ingest_cut_short_by_an_outage_resumes_to_the_catalog_a_clean_run_makes_with_every_blob_stored()
    {
        using var pictures = new TempDirectory("vi-s3-ingest");
        var files = await WritePicturesAsync(pictures);

        // S3 goes down after a dozen uploads (each picture is an original and its standard renditions).
        var down = false;
        var puts = 0;
        await using var proxy = new FaultInjectingProxy(bucket.Endpoint.Port, request =>
        {
            if (request.StartsWith("PUT ", StringComparison.Ordinal) && Interlocked.Increment(ref puts) > 12)
            {
                down = true;
            }

            return Volatile.Read(ref down) ? Fault.InternalError : Fault.None;
        });
        var store = bucket.FreshStore(pathStyle: true) with { ServiceUrl = proxy.Url };
        await using var interrupted = await StartAsync(store);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => IngestAsync(interrupted, pictures.Path));
        var cutShort = await CatalogDump.OfAsync(Path.Combine(interrupted.DataDirectory, "catalog.db"));

        Volatile.Write(ref down, false);
        Interlocked.Exchange(ref puts, int.MinValue);
        var resumed = await IngestAsync(interrupted, pictures.Path);

        await using var clean = await StartAsync(bucket.FreshStore(pathStyle: true));
        await IngestAsync(clean, pictures.Path);

        var catalog = await CatalogDump.OfAsync(Path.Combine(interrupted.DataDirectory, "catalog.db"));
        Assert.NotEqual(catalog, cutShort);
        Assert.Equal(await CatalogDump.OfAsync(Path.Combine(clean.DataDirectory, "catalog.db")), catalog);
        Assert.Equal(Pictures, resumed.Items);
        Assert.Equal(0, resumed.Rejected);
        using var direct = new S3BlobStore(store with { ServiceUrl = bucket.Endpoint.PathStyleUrl });
        foreach (var file in files)
        {
            Assert.NotNull(await direct.StatAsync(BlobKeys.Original(ContentHash.Of(await File.ReadAllBytesAsync(file, Cancel))), Cancel));
        }
    }

    private static async Task<List<string>> WritePicturesAsync(TempDirectory folder)
    {
        var imaging = new ImageProcessor(new ImagingOptions());
        var files = new List<string>();
        for (var seed = 1; seed <= Pictures; seed++)
        {
            var file = folder.Combine($"picture-{seed}.jpg");
            await File.WriteAllBytesAsync(file, TestPictures.Make(imaging, seed), Cancel);
            files.Add(file);
        }

        return files;
    }

    private static Task<TestApp> StartAsync(S3BlobOptions store) => TestApp.StartAsync(new Dictionary<string, string?>
    {
        ["Storage:Blobs"] = $"s3://{store.Bucket}/{store.KeyPrefix.TrimEnd('/')}?endpoint={store.ServiceUrl}&pathStyle=true&accessKey={store.AccessKey}&secretKey={store.SecretKey}&retries=1",
    });

    private static Task<IngestSummary> IngestAsync(TestApp app, string folder) =>
        app.Service<IngestPipeline>().RunAsync(
            IngestSources.Expand([folder]).ToList(),
            new IngestOptions { Defaults = new RawLabels { Make = "Test", Model = "Outage", Year = "2020" } },
            null,
            Cancel);
}
