using Npgsql;
using VehicleImages.Domain.Renditions;
using VehicleImages.Storage;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Cli.Tests.ScaleOut;

/// <summary>
/// An ingest into PostgreSQL and S3 cut short by an outage of each, then run again: it ends in exactly the catalog
/// of one uninterrupted run, with every row's blobs in the bucket. The database server is this class's own, so
/// halting it disturbs no other test; the bucket is reached through a proxy that can be taken down.
/// </summary>
public sealed class IngestOutageTests(S3Server s3) : IAsyncLifetime
{
    private const int Files = 60;
    private readonly PostgresServer _postgres = new();
    private readonly TempDirectory _input = new("vi-outage-input");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (Corpus.IsPresent)
        {
            foreach (var photo in Directory.EnumerateFiles(Corpus.File("stanford"), "*.jpg").Order(StringComparer.Ordinal).Take(Files))
            {
                File.Copy(photo, _input.Combine(Path.GetFileName(photo)));
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _postgres.DisposeAsync();
        _input.Dispose();
    }

    [Fact]
    public async Task An_ingest_cut_short_by_a_database_and_then_a_bucket_outage_resumes_to_exactly_one_clean_runs_catalog()
    {
        Corpus.Require();
        string[] ingest = ["ingest", _input.Path, "--make", "Jaguar", "--model", "F-PACE", "--year", "2019"];
        await using var clean = await SharedBackends.CreateAsync(_postgres, s3, Cancel);
        var (cleanExit, _, cleanError) = await clean.RunCliAsync(ingest);
        Assert.True(cleanExit == 0, cleanError);

        var s3Port = (await s3.GetAsync()).Port;
        var proxy = new FaultInjectingProxy(s3Port, _ => Fault.None);
        var proxyPort = proxy.Port;
        try
        {
            await using var cut = await SharedBackends.CreateAsync(_postgres, s3, Cancel, _ => proxy.Url);

            // The database goes away a few images in, and comes back.
            using (var run = StartIngest(cut, ingest))
            {
                await WaitForImagesAsync(cut, 10, run);
                await _postgres.HaltAsync();
                var stopped = await run.WaitAsync(TimeSpan.FromMinutes(3));
                await _postgres.ResumeAsync();
                AssertStoppedBy("database", stopped, run);
            }

            // Then the bucket does, further on.
            using (var run = StartIngest(cut, ingest))
            {
                await WaitForImagesAsync(cut, 30, run);
                await proxy.DisposeAsync();
                var stopped = await run.WaitAsync(TimeSpan.FromMinutes(3));
                proxy = new FaultInjectingProxy(s3Port, _ => Fault.None, listenPort: proxyPort);
                AssertStoppedBy("bucket", stopped, run);
            }

            var (exitCode, output, error) = await cut.RunCliAsync(ingest);

            Assert.True(exitCode == 0, error);
            Assert.DoesNotContain(" 0 duplicates", output, StringComparison.Ordinal); // the last run really skipped work
            Assert.Equal(await CatalogDump.OfPostgresAsync(clean.ConnectionString), await CatalogDump.OfPostgresAsync(cut.ConnectionString));
            Assert.True(await CountImagesAsync(cut) > 30);
            await AssertEveryRowHasItsBlobsAsync(cut);
        }
        finally
        {
            await proxy.DisposeAsync();
        }
    }

    // An outage stops the run with a failure exit and the reason; it must not plough on and report success.
    private static void AssertStoppedBy(string outage, int exitCode, CliProcess run) =>
        Assert.True(exitCode != 0, $"the {outage} outage did not stop the ingest: {run.StandardOutput} {run.StandardError}");

    private static CliProcess StartIngest(SharedBackends backends, string[] ingest) =>
        CliProcess.Start([.. ingest, "--data", backends.NewDataFolder()], backends.Environment.ToDictionary());

    private static async Task WaitForImagesAsync(SharedBackends backends, int count, CliProcess run)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !run.HasExited)
        {
            if (await CountImagesAsync(backends) >= count)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The ingest never reached {count} images before it {(run.HasExited ? "exited" : "timed out")}: {run.StandardError}");
    }

    private static async Task<long> CountImagesAsync(SharedBackends backends)
    {
        try
        {
            await using var connection = new NpgsqlConnection(backends.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM images", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException)
        {
            return 0; // the schema is still being created
        }
    }

    private static async Task AssertEveryRowHasItsBlobsAsync(SharedBackends backends)
    {
        var options = new StorageOptions
        {
            Catalog = backends.Environment["VEHICLE_IMAGES_Storage__Catalog"],
            Blobs = backends.Environment["VEHICLE_IMAGES_Storage__Blobs"],
        };
        var catalog = await StorageFactory.OpenCatalogAsync(options, Cancel);
        var store = StorageFactory.OpenBlobStore(options);
        using var disposesTheClient = store as IDisposable;
        await foreach (var (id, _) in catalog.PerceptualHashesAsync(Cancel))
        {
            var image = (await catalog.FindImageAsync(id, Cancel))!;
            Assert.Equal(image.ByteSize, (await store.StatAsync(BlobKeys.Original(image.Hash), Cancel))?.Length);
            foreach (var rendition in image.Renditions)
            {
                Assert.Equal(rendition.ByteSize, (await store.StatAsync(BlobKeys.Rendition(image.Hash, rendition.Spec), Cancel))?.Length);
            }
        }
    }
}
