using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using VehicleImages.Application.Vision;
using VehicleImages.Vision;
using VehicleImages.Vision.Backbone;

using VehicleImages.Benchmarks.Common;

namespace VehicleImages.Benchmarks;

/// <summary>
/// What loading the vision models costs: constructing <see cref="ImageVision"/> (reading both ONNX files, checking
/// their SHA-256, creating the two ONNX Runtime sessions, reading the heads), in fresh processes, as a CLI
/// command or a server start pays it, and again in the same process, as a second construction would.
/// </summary>
internal static class VisionLoad
{
    public const string OnceFlag = "--once";

    public static async Task<int> RunAsync(CommandLine args)
    {
        var runs = args.Int("--runs", 7);
        var fresh = new List<Load>();
        for (var run = 0; run < runs; run++)
        {
            await QuietMachine.WaitAsync();
            fresh.Add(await LoadInFreshProcessAsync());
        }

        var again = new List<Load>();
        for (var run = 0; run < runs; run++)
        {
            again.Add(Measure(() => new ImageVision(new VisionOptions()).Dispose()));
        }

        var files = Measure(ReadAndCheck);
        Console.WriteLine($"# {runs} constructions of ImageVision in fresh processes, then {runs} more in this one; models in {ImageVision.DefaultModelDirectory} (page cache warm after the first)");
        Console.WriteLine("| load | wall ms (median) | CPU ms, all threads (median) | wall ms, each run |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(Row("first construction in a fresh process (what a CLI command or a server start pays)", fresh));
        Console.WriteLine(Row("a later construction in the same process", again));
        Console.WriteLine(Row("of which: reading both ONNX files and their SHA-256 (once, warm)", [files]));
        if (QuietMachine.BusyStarts > 0)
        {
            Console.WriteLine($"({QuietMachine.BusyStarts} of {runs} fresh processes started while the machine was busy with other work)");
        }

        return 0;
    }

    /// <summary>One construction, in the process <see cref="RunAsync"/> started for it: prints wall and CPU ms.</summary>
    public static int Once()
    {
        var load = Measure(() => new ImageVision(new VisionOptions()).Dispose());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{load.WallMs:0.0} {load.CpuMs:0.0}"));
        return 0;
    }

    private static string Row(string name, List<Load> loads) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Stats.Median(loads.Select(l => l.WallMs)):0} | {Stats.Median(loads.Select(l => l.CpuMs)):0} | {string.Join(", ", loads.Select(l => l.WallMs.ToString("0", CultureInfo.InvariantCulture)))} |");

    private static async Task<Load> LoadInFreshProcessAsync()
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

        var fields = output.Trim().Split(' ');
        return new Load(double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture));
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
}
