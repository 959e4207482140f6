using System.Diagnostics;
using System.Globalization;
using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Fetching;
using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Application.Ingest.Manifests;
using VehicleImages.Application.Renditions;
using VehicleImages.Application.Vins;
using VehicleImages.Application.Vision;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging;
using VehicleImages.Storage;
using VehicleImages.Vision;

using VehicleImages.Benchmarks.Common;

namespace VehicleImages.Benchmarks;

/// <summary>
/// Ingest throughput against its floor, with vision off and on, measured side by side in one process, alternating
/// rounds so machine noise hits all of them alike. The floor is one libvips thumbnail of each file (decode with
/// shrink-on-load to the largest standard size, encode as JPEG) at the same parallelism: ingest must do at least that.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(string corpus, string[] options)
    {
        var rounds = options is ["--rounds", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 3;
        var manifest = Path.Combine(corpus, "manifest.csv");
        var items = ManifestReader.Read(manifest).ToList();
        var files = items.Select(i => File.ReadAllBytes(i.Location)).ToList();
        var imaging = new ImageProcessor(new ImagingOptions());
        var parallelism = Environment.ProcessorCount;

        // As the service composes it: at most one inference per ingest worker, so vision gets the same cores.
        var visionOptions = new VisionOptions { MaxConcurrentInferences = parallelism };
        var loading = Stopwatch.StartNew();
        using var vision = new ImageVision(visionOptions);
        Console.WriteLine($"# {items.Count} corpus files, {files.Sum(f => f.LongLength) / 1e6:0.0} MB, parallelism {parallelism}, libvips {imaging.Library.Version}");
        Console.WriteLine($"# vision {vision.Models}, {visionOptions.MaxConcurrentInferences} inferences at once, loaded in {loading.Elapsed.TotalMilliseconds:0} ms");

        var runs = Path.Combine(Path.GetTempPath(), $"vi-bench-{Guid.NewGuid():N}");
        try
        {
            var ingest = new IngestRuns(imaging, items, parallelism, runs);
            return await CompareAsync(files, imaging, ingest, new VisionStage(vision, visionOptions), rounds);
        }
        finally
        {
            Directory.Delete(runs, recursive: true);
        }
    }

    private static async Task<int> CompareAsync(List<byte[]> files, ImageProcessor imaging, IngestRuns ingest, VisionStage vision, int rounds)
    {
        var parallelism = ingest.Parallelism;
        var floor = new Measure(
            "libvips thumbnail to 1920 px + JPEG encode (floor)",
            () => Task.FromResult(InParallel(files, parallelism, bytes => LibvipsThumbnail.Jpeg(imaging, bytes, StandardRenditions.DecodeEdge))));
        var floorThumbnail = new Measure(
            "libvips thumbnail to 150 px + JPEG encode",
            () => Task.FromResult(InParallel(files, parallelism, bytes => LibvipsThumbnail.Jpeg(imaging, bytes, RenditionSize.Thumbnail.LongEdge()!.Value))));
        var visionOff = new Measure(
            "ingest, vision off (hash, probe, decode, measure, 5 renditions, blobs with one syncfs per batch, SQLite)",
            () => ingest.OnceAsync(null));
        var visionOn = new Measure(
            "ingest, vision on (the same plus `VisionStage.See` on the ≤ 640 px pixels and the vision policy)",
            () => ingest.OnceAsync(vision));
        Measure[] all = [floor, floorThumbnail, visionOff, visionOn];

        // One uncounted round first: JIT compilation and ONNX Runtime's first runs would otherwise land on round 1 only.
        foreach (var measure in all)
        {
            await measure.RunAsync(counted: false);
        }

        for (var round = 1; round <= rounds; round++)
        {
            await QuietMachine.WaitAsync();

            // The two ingests swap places every round, so neither always runs in the other's wake.
            Measure[] order = round % 2 == 1 ? [floor, floorThumbnail, visionOff, visionOn] : [floor, floorThumbnail, visionOn, visionOff];
            foreach (var measure in order)
            {
                await measure.RunAsync(counted: true);
            }

            Console.WriteLine($"round {round}: floor {floor.Rates[^1]:0.0}/s, 150 px floor {floorThumbnail.Rates[^1]:0.0}/s, "
                + $"ingest vision off {visionOff.Rates[^1]:0.0}/s, vision on {visionOn.Rates[^1]:0.0}/s");
        }

        // Each round measures all four back to back, so a ratio within a round is paired against the same machine
        // noise; the median of those ratios is the figure to compare with the targets. The CPU ratio leaves out the
        // time a busy machine's other work took the cores away, which the time ratio cannot.
        Console.WriteLine();
        Console.WriteLine("| measure | images/s (median of rounds) | time ÷ floor's (median of per-round ratios) | CPU ms per image, all threads (median) | CPU ÷ floor's (median of per-round ratios) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var measure in all)
        {
            var ratios = floor.Rates.Zip(measure.Rates, (f, m) => f / m);
            var cpuRatios = measure.CpuMsPerImage.Zip(floor.CpuMsPerImage, (m, f) => m / f);
            Console.WriteLine($"| {measure.Name} | {Stats.Median(measure.Rates):0.0} | {Stats.Median(ratios):0.00}× | {Stats.Median(measure.CpuMsPerImage):0.00} | {Stats.Median(cpuRatios):0.00}× |");
        }

        Console.WriteLine();
        Console.WriteLine($"ingest ÷ floor, vision off: rounds {Listed(floor.Rates.Zip(visionOff.Rates, (f, i) => f / i))}; vision on: rounds {Listed(floor.Rates.Zip(visionOn.Rates, (f, i) => f / i))}");
        var slowdown = visionOff.Rates.Zip(visionOn.Rates, (off, on) => off / on).ToList();
        var addedCpu = visionOn.CpuMsPerImage.Zip(visionOff.CpuMsPerImage, (on, off) => on - off).ToList();
        Console.WriteLine($"ingest time with vision ÷ without: {Stats.Median(slowdown):0.00}× (rounds {Listed(slowdown)}); "
            + $"vision adds {Stats.Median(addedCpu):0.0} ms of CPU per image (median of per-round differences)");
        if (QuietMachine.BusyStarts > 0)
        {
            Console.WriteLine($"({QuietMachine.BusyStarts} of {rounds} rounds started while the machine was busy with other work)");
        }

        return 0;
    }

    private static string Listed(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)));

    private static double InParallel(List<byte[]> files, int parallelism, Action<byte[]> work)
    {
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, work);
        return files.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>One of the things compared, round by round: images per second, and the process's CPU time per image.</summary>
    private sealed class Measure(string name, Func<Task<double>> imagesPerSecond)
    {
        public string Name => name;

        public List<double> Rates { get; } = [];

        public List<double> CpuMsPerImage { get; } = [];

        public async Task RunAsync(bool counted)
        {
            var cpuBefore = ProcessMemory.CpuSeconds(Environment.ProcessId);
            var wall = Stopwatch.StartNew();
            var rate = await imagesPerSecond();
            var images = rate * wall.Elapsed.TotalSeconds;
            var cpuMs = (ProcessMemory.CpuSeconds(Environment.ProcessId) - cpuBefore) * 1e3;
            if (counted)
            {
                Rates.Add(rate);
                CpuMsPerImage.Add(cpuMs / images);
            }
        }
    }

    /// <summary>Whole ingests of the corpus, each into a data folder of its own.</summary>
    private sealed class IngestRuns(ImageProcessor imaging, List<IngestItem> items, int parallelism, string runs)
    {
        public int Parallelism => parallelism;

        // Each round ingests into a new folder of its own under `runs`, deleted only when the benchmark ends. On ext4
        // without a journal (this machine's disk), a new file skips every inode deleted in the last 5 to 10 seconds, one
        // inode-table lookup each: deleting the last round's thousands of files just before a round made every file
        // the next round created cost a scan of them (13% of the ingest's time in a profile), which no real ingest pays.
        public async Task<double> OnceAsync(VisionStage? vision)
        {
            var folder = Path.Combine(runs, $"round-{Guid.NewGuid():N}");
            try
            {
                var storage = new StorageOptions { DataDirectory = folder };
                var pipeline = new IngestPipeline(
                    await StorageFactory.OpenCatalogAsync(storage, CancellationToken.None), StorageFactory.OpenBlobStore(storage), imaging,
                    new VinDecoder(null), FetchAddressPolicy.PublicOnly, TimeProvider.System, vision);
                var clock = Stopwatch.StartNew();
                var summary = await pipeline.RunAsync(
                    items, new IngestOptions { Parallelism = parallelism, Defaults = new RawLabels { Make = "Bench", Model = "Corpus" } }, null, CancellationToken.None);
                var rate = items.Count / clock.Elapsed.TotalSeconds;
                if (summary.Ingested != items.Count)
                {
                    throw new InvalidOperationException($"Ingested {summary.Ingested} of {items.Count}: the benchmark must ingest every file.");
                }

                if ((summary.Vision is null) != (vision is null))
                {
                    throw new InvalidOperationException($"The ingest ran with vision {(summary.Vision is null ? "off" : "on")}, not as the benchmark asked.");
                }

                return rate;
            }
            finally
            {
                StorageFactory.CloseSqliteConnections();
            }
        }
    }
}
