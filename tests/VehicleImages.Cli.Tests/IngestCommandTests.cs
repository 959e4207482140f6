using System.Text.Json;
using Microsoft.Data.Sqlite;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Storage.Catalog.Sqlite;

namespace VehicleImages.Cli.Tests;

public sealed class IngestCommandTests
{
    private static readonly string[] CorpusDefaults = ["--make", "Unlabelled", "--model", "Corpus"];

    [Fact]
    public async Task Json_summary_counts_what_was_ingested_and_rejected_by_reason()
    {
        Corpus.Require();
        using var data = new TempDirectory("vi-cli");
        using var input = new TempDirectory("vi-cli-input");
        File.Copy(Corpus.File("stanford/00001.jpg"), input.Combine("car.jpg"));
        await File.WriteAllBytesAsync(input.Combine("bomb.png"), HostileFiles.PngBomb(20_000, 20_000), TestContext.Current.CancellationToken);

        var (exitCode, output, _) = await CliProcess.RunAsync(["ingest", input.Path, "--data", data.Path, "--json", .. CorpusDefaults]);

        Assert.Equal(0, exitCode);
        using var summary = JsonDocument.Parse(output);
        Assert.Equal(1, summary.RootElement.GetProperty("ingested").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("rejectedByReason").GetProperty("too_many_pixels").GetInt32());
        Assert.EndsWith("bomb.png", summary.RootElement.GetProperty("rejections")[0].GetProperty("item").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_goes_to_standard_error_as_plain_lines_when_it_is_not_a_terminal()
    {
        Corpus.Require();
        using var data = new TempDirectory("vi-cli");

        var (exitCode, output, error) = await CliProcess.RunAsync(["ingest", Corpus.File("stanford/00001.jpg"), "--data", data.Path, .. CorpusDefaults]);

        Assert.Equal(0, exitCode);
        Assert.Contains("ingest: 1/1 (100%)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", error, StringComparison.Ordinal); // no terminal escape codes in logs
        Assert.StartsWith("1 items in", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_libvips_the_command_fails_with_the_fix()
    {
        using var data = new TempDirectory("vi-cli");

        var (exitCode, _, error) = await CliProcess.RunAsync(
            ["ingest", data.Path, "--data", data.Path],
            new Dictionary<string, string> { ["VEHICLE_IMAGES_LIBVIPS"] = "/nonexistent/libvips.so.42" });

        Assert.Equal(3, exitCode);
        Assert.Contains("apt-get install libvips42", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_resizes_of_fresh_processes_all_succeed_when_their_workers_start_together()
    {
        // Debian's libvips 8.14 could refuse an argument to a process's first operations when several threads set
        // theirs up at once (see VipsRuntime.RunFirstOperationAlone): a short manifest's workers lost a photo to
        // "resize failed" in about one run in five. Sixteen fresh processes make a regression all but certain to show.
        Corpus.Require();
        using var input = new TempDirectory("vi-first-ops");
        string[] photos = ["00001", "00003", "00004", "00008", "00011", "00012", "00013", "00015"];
        foreach (var photo in photos)
        {
            File.Copy(Corpus.File($"stanford/{photo}.jpg"), input.Combine($"{photo}.jpg"));
        }

        var manifest = input.Combine("manifest.csv");
        await File.WriteAllLinesAsync(manifest, ["file,make,model", .. photos.Select(p => $"{p}.jpg,Test,Car")], TestContext.Current.CancellationToken);

        // One at a time: two processes side by side stagger each other's threads and hide the race.
        for (var run = 0; run < 16; run++)
        {
            using var data = new TempDirectory("vi-first-ops-data");
            var (exitCode, output, error) = await CliProcess.RunAsync(["ingest", manifest, "--data", data.Path, "--json"]);

            Assert.True(exitCode == 0, error);
            using var summary = JsonDocument.Parse(output);
            Assert.True(summary.RootElement.GetProperty("ingested").GetInt32() == photos.Length, output);
        }
    }

    [Fact]
    public async Task A_killed_ingest_completes_on_the_next_run_to_exactly_the_catalog_of_one_clean_run()
    {
        Corpus.Require();
        using var clean = new TempDirectory("vi-clean");
        using var crashed = new TempDirectory("vi-crashed");
        string[] ingest(string data) => ["ingest", Corpus.ManifestPath, "--data", data, .. CorpusDefaults];

        Assert.Equal(0, (await CliProcess.RunAsync(ingest(clean.Path))).ExitCode);

        // Kill twice, at different depths of the run, then let a third run finish.
        foreach (var killAt in new[] { 60, 320 })
        {
            using var victim = CliProcess.Start(ingest(crashed.Path));
            await WaitForImagesAsync(Path.Combine(crashed.Path, "catalog.db"), killAt, victim);
            victim.Kill();
            await victim.WaitAsync(TimeSpan.FromSeconds(30));
        }

        var (exitCode, output, _) = await CliProcess.RunAsync(ingest(crashed.Path));

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(" 0 duplicates", output, StringComparison.Ordinal); // the resumed run really skipped work
        Assert.Equal(await CatalogDump.OfAsync(Path.Combine(clean.Path, "catalog.db")), await CatalogDump.OfAsync(Path.Combine(crashed.Path, "catalog.db")));
        await AssertEveryRowHasItsBlobsAsync(crashed.Path);
    }

    private static async Task WaitForImagesAsync(string database, int count, CliProcess process)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (File.Exists(database) && await CountImagesAsync(database) >= count)
            {
                return;
            }

            await Task.Delay(20);
        }

        if (process.HasExited)
        {
            await process.WaitAsync(TimeSpan.FromSeconds(10)); // every line it wrote, not those read so far
        }

        throw new TimeoutException($"The ingest never reached {count} images before it {(process.HasExited ? "exited" : "timed out")}: {process.StandardError}");
    }

    private static bool _sqliteLoaded;

    private static async Task<long> CountImagesAsync(string database)
    {
        try
        {
            // The catalog is opened once, to load SQLite the way the service does: opening it on every poll would check
            // its migrations each time, which waits on the running ingest's writes and can outlast it on a busy machine.
            if (!_sqliteLoaded)
            {
                await SqliteCatalog.OpenAsync(database, CancellationToken.None);
                _sqliteLoaded = true;
            }

            await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM images";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (SqliteException)
        {
            return 0; // the schema is still being created
        }
    }

    private static async Task AssertEveryRowHasItsBlobsAsync(string data)
    {
        var catalog = await SqliteCatalog.OpenAsync(Path.Combine(data, "catalog.db"), CancellationToken.None);
        var blobs = Path.Combine(data, "blobs");
        await foreach (var (id, _) in catalog.PerceptualHashesAsync(CancellationToken.None))
        {
            var image = (await catalog.FindImageAsync(id, CancellationToken.None))!;
            Assert.True(File.Exists(Path.Combine(blobs, BlobKeys.Original(image.Hash))), $"original of {id}");
            Assert.Equal(ContentHash.Of(await File.ReadAllBytesAsync(Path.Combine(blobs, BlobKeys.Original(image.Hash)))), image.Hash);
            foreach (var rendition in image.Renditions)
            {
                Assert.Equal(rendition.ByteSize, new FileInfo(Path.Combine(blobs, BlobKeys.Rendition(image.Hash, rendition.Spec))).Length);
            }
        }
    }
}
