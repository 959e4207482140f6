using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using VehicleImages.Application.Vision;
using VehicleImages.Imaging;
using VehicleImages.Vision;
using VehicleImages.Vision.Backbone;

using VehicleImages.Benchmarks.Common;

namespace VehicleImages.Benchmarks;

/// <summary>
/// What loading the vision models costs: constructing <see cref="ImageVision"/> (reading both ONNX files, checking
/// their SHA-256, creating the two ONNX Runtime sessions, reading the heads), in fresh processes, as a CLI
/// command or a server start pays it, and again in the same process, as a second construction would. Each fresh
/// process also reports its peak resident memory before the load, after it, and after a few inferences on as many
/// threads as cores, so the peak memory of an ingest with vision on can be told apart into models and inference.
/// </summary>
internal static class VisionLoad
{
    public const string OnceFlag = "--once";
    private const int Inferences = 20;

    public static async Task<int> RunAsync(CommandLine args)
    {
        var runs = args.Int("--runs", 7);
        var fresh = new List<FreshLoad>();
        for (var run = 0; run < runs; run++)
        {
            await QuietMachine.WaitAsync();
            fresh.Add(await LoadInFreshProcessAsync());
        }

        // Not counted: this process's first construction pays what the fresh processes measure.
        new ImageVision(new VisionOptions()).Dispose();
        var again = new List<Load>();
        for (var run = 0; run < runs; run++)
        {
            again.Add(Measure(() => new ImageVision(new VisionOptions()).Dispose()));
        }

        var files = Measure(ReadAndCheck);
        Console.WriteLine($"# {runs} constructions of ImageVision in fresh processes, then {runs} more in this one; models in {ImageVision.DefaultModelDirectory} (page cache warm after the first)");
        Console.WriteLine("| load | wall ms (median) | CPU ms, all threads (median) | wall ms, each run |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(Row("first construction in a fresh process (what a CLI command or a server start pays)", [.. fresh.Select(f => f.Load)]));
        Console.WriteLine(Row("a later construction in the same process", again));
        Console.WriteLine(Row("of which: reading both ONNX files and their SHA-256 (once, warm)", [files]));
        if (QuietMachine.BusyStarts > 0)
        {
            Console.WriteLine($"({QuietMachine.BusyStarts} of {runs} fresh processes started while the machine was busy with other work)");
        }

        Console.WriteLine();
        Console.WriteLine($"Peak resident memory (VmHWM) of the fresh processes, median: {Stats.Median(fresh.Select(f => f.PeakBeforeMiB)):0} MiB before the load, "
            + $"{Stats.Median(fresh.Select(f => f.PeakLoadedMiB)):0} MiB after it, {Stats.Median(fresh.Select(f => f.PeakSeenMiB)):0} MiB after {Inferences} inferences "
            + $"({Environment.ProcessorCount} at a time) on a 640×427 colour image; the load allocated {Stats.Median(fresh.Select(f => f.ManagedAllocatedMiB)):0} MiB of managed memory, "
            + $"and {Stats.Median(fresh.Select(f => f.ResidentAfterCollectMiB)):0} MiB stayed resident after a full, compacting garbage collection.");
        return 0;
    }

    /// <summary>
    /// One construction and a few inferences, in the process <see cref="RunAsync"/> started for it: prints wall and
    /// CPU ms of the construction, and the peak resident MiB before it, after it and after the inferences.
    /// </summary>
    public static int Once()
    {
        var self = Environment.ProcessId;
        var peakBefore = ProcessMemory.PeakRssMiB(self, withDescendants: false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        ImageVision? vision = null;
        var load = Measure(() => vision = new ImageVision(new VisionOptions()));
        using (vision)
        {
            var allocatedMiB = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576d;
            var peakLoaded = ProcessMemory.PeakRssMiB(self, withDescendants: false);
            var photo = SyntheticPhoto(640, 427);
            Parallel.For(0, Inferences, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, _ => vision!.See(photo));
            var peakSeen = ProcessMemory.PeakRssMiB(self, withDescendants: false);

            // What stays resident once the garbage collector has given back what the load allocated and dropped.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var residentAfterCollect = ProcessMemory.CurrentRssMiB(self);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{load.WallMs:0.0} {load.CpuMs:0.0} {peakBefore:0.0} {peakLoaded:0.0} {peakSeen:0.0} {allocatedMiB:0.0} {residentAfterCollect:0.0}"));
        }

        return 0;
    }

    // Noise: the inference's memory does not depend on what the pixels show.
    private static PixelBuffer SyntheticPhoto(int width, int height)
    {
        var data = new byte[width * height * 3];
        new Random(1).NextBytes(data);
        return new PixelBuffer(data, width, height, 3);
    }

    private static string Row(string name, List<Load> loads) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Stats.Median(loads.Select(l => l.WallMs)):0} | {Stats.Median(loads.Select(l => l.CpuMs)):0} | {string.Join(", ", loads.Select(l => l.WallMs.ToString("0", CultureInfo.InvariantCulture)))} |");

    private static async Task<FreshLoad> LoadInFreshProcessAsync()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VehicleImages.Benchmarks.dll"));
        start.ArgumentList.Add("vision-load");
        start.ArgumentList.Add(OnceFlag);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The fresh process failed with exit code {process.ExitCode}.");
        }

        var fields = output.Trim().Split(' ').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new FreshLoad(new Load(fields[0], fields[1]), fields[2], fields[3], fields[4], fields[5], fields[6]);
    }

    private static void ReadAndCheck()
    {
        foreach (var file in new[] { ResNetBackbone.PreprocessFile, ResNetBackbone.ModelFile })
        {
            _ = SHA256.HashData(File.ReadAllBytes(Path.Combine(ImageVision.DefaultModelDirectory, file)));
        }
    }

    private static Load Measure(Action load)
    {
        var cpuBefore = ProcessMemory.CpuSeconds(Environment.ProcessId);
        var clock = Stopwatch.StartNew();
        load();
        var wall = clock.Elapsed.TotalMilliseconds;
        return new Load(wall, (ProcessMemory.CpuSeconds(Environment.ProcessId) - cpuBefore) * 1e3);
    }

    private readonly record struct Load(double WallMs, double CpuMs);

    private readonly record struct FreshLoad(Load Load, double PeakBeforeMiB, double PeakLoadedMiB, double PeakSeenMiB, double ManagedAllocatedMiB, double ResidentAfterCollectMiB);
}
