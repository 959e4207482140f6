using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using VehicleImages.Benchmarks.Common;
using VehicleImages.Domain.Renditions;
using VehicleImages.Storage;

namespace VehicleImages.Benchmarks;

/// <summary>
/// `renditions`: cold renditions per second, ours against sharp, on an ingested data folder. Three sides, in rounds
/// (A, B, C, A, B, C, ...) after one uncounted warm-up round each, all at the same concurrency:
/// <list type="bullet">
/// <item>ours over HTTP: the running server's /media links for every image's default rendition of the size, after
/// the rendition folder is emptied, so each request reads the original, renders, writes the blob (fsync) and
/// streams it: a cold request as a client sees it;</item>
/// <item>ours in-process: <c>ImageProcessor.Render</c> on originals already in memory (render-worker process);</item>
/// <item>sharp: the same resize and encode on the same bytes in memory (bench/sharp/render-worker.mjs).</item>
/// </list>
/// </summary>
internal static class RenditionsBenchmark
{
    private const string Http = "ours, HTTP /media (cold)";
    private const string InProcess = "ours, in-process ImageProcessor.Render";
    private const string Sharp = "sharp";

    public static async Task<int> RunAsync(CommandLine options)
    {
        var storage = new StorageOptions { DataDirectory = options.Required("--data") };
        var server = options.Required("--server").TrimEnd('/');
        var serverPid = options.Int("--server-pid", 0);
        var size = Enum.Parse<RenditionSize>(options.Optional("--size") ?? "Large", ignoreCase: true);
        var rounds = options.Int("--rounds", 5);
        var concurrency = options.Int("--concurrency", Environment.ProcessorCount);
        var target = options.Double("--target", 0.9);
        var box = size.LongEdge() ?? throw new ArgumentException("Pick a size with a box (Small, Medium, Large, Wallpaper).", nameof(options));

        // "--images resized" leaves out the images that fit the box, so both sides resize and encode every one.
        var resizedOnly = (options.Optional("--images") ?? "all") == "resized";
        var images = (await LibraryImages.ListAsync(storage, size)).Where(i => !resizedOnly || i.Spec.Size != RenditionSize.Original).ToList();
        var links = LibraryImages.Links(options.Required("--signing-key"));
        var jobs = images.Select(i =>
        {
            var (width, height) = i.Spec.Size.Fit(i.Width, i.Height);
            return new RenderJob(Path.GetFullPath(i.OriginalPath(storage)), box, i.Spec, width, height);
        }).ToList();
        var urls = images.Select(i => server + i.Link(links)).ToList();
        var jobFile = Path.Combine(storage.DataDirectory, "render-jobs.tsv");
        await File.WriteAllLinesAsync(jobFile, jobs.Select(j => j.ToLine()));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"renditions: {jobs.Count} images to {size} ({jobs.Count(j => j.Spec.Size != RenditionSize.Original)} resized, {jobs.Count(j => j.Spec.Size == RenditionSize.Original)} at their own size as they fit the box, which ours serves as they are when they are plain JPEGs and sharp re-encodes; " +
            $"{jobs.Count(j => j.Spec.Format == Domain.Images.ImageFormat.Png)} PNG with alpha), concurrency {concurrency}, {rounds} rounds + 1 warm-up"));

        using var ours = Worker.Start(Environment.ProcessPath!, [Path.Combine(AppContext.BaseDirectory, "VehicleImages.Benchmarks.dll"), "render-worker", "--list", jobFile, "--concurrency", $"{concurrency}"]);
        using var sharp = Worker.Start(options.Optional("--node") ?? "node", [options.Required("--sharp-worker"), jobFile, $"{concurrency}"]);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false }) { Timeout = TimeSpan.FromMinutes(5) };
        var renditionFolder = Path.Combine(storage.BlobDirectory, "renditions");
        var statuses = new Dictionary<int, int>();

        var sides = new (string Name, int Pid, Func<Task<RenderRound>> Run)[]
        {
            (Http, serverPid, () => ServerRoundAsync(client, urls, concurrency, renditionFolder, statuses)),
            (InProcess, ours.Pid, ours.RunAsync),
            (Sharp, sharp.Pid, sharp.RunAsync),
        };

        // Warm-up: JIT and libvips start-up; its outputs also check that both renderers make the same renditions.
        var warm = new Dictionary<string, RenderRound>();
        foreach (var (name, _, run) in sides)
        {
            warm[name] = await run();
        }

        var results = sides.ToDictionary(s => s.Name, _ => new List<RenderRound>());
        var cpu = sides.ToDictionary(s => s.Name, _ => new List<double>());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, pid, run) in sides)
            {
                // CPU time the renderer's process spent on the round, per rendition: tells work from waiting.
                await QuietMachine.WaitAsync();
                var before = ProcessMemory.CpuSeconds(pid);
                var result = await run();
                cpu[name].Add((ProcessMemory.CpuSeconds(pid) - before) * 1000 / result.LatenciesMs.Length);
                results[name].Add(result);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round} {name}: {Rate(result):0.0}/s, p50 {Stats.Percentile(result.LatenciesMs, 50):0.0} ms, p99 {Stats.Percentile(result.LatenciesMs, 99):0.0} ms, CPU {cpu[name][^1]:0.0} ms per rendition"));
            }
        }

        var peaks = new Dictionary<string, double>
        {
            [Http] = serverPid > 0 ? ProcessMemory.PeakRssMiB(serverPid) : double.NaN,
            [InProcess] = ProcessMemory.PeakRssMiB(ours.Pid),
            [Sharp] = ProcessMemory.PeakRssMiB(sharp.Pid),
        };

        Console.WriteLine();
        Console.WriteLine($"Cold {size} renditions ({jobs.Count} images, {concurrency} in flight; {rounds} rounds, medians)");
        Console.WriteLine();
        Console.WriteLine("| renderer | renditions/s | p50 per rendition | p99 per rendition | process CPU per rendition | output MB | peak RSS (VmHWM) | ÷ sharp, renditions/s (median of per-round ratios) | ÷ sharp, by CPU per rendition |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var verdicts = new List<string>();
        foreach (var (name, _, _) in sides)
        {
            var list = results[name];
            var ratios = list.Zip(results[Sharp], (o, s) => Rate(o) / Rate(s)).ToList();
            var ratio = Stats.Median(ratios);

            // Work rather than wall time: sharp's CPU per rendition ÷ ours, per round. Noise from other processes
            // stretches wall time a lot and CPU time little, so this column stays steady when the machine is busy.
            var cpuRatio = Stats.Median(cpu[name].Zip(cpu[Sharp], (o, s) => s / o));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Stats.Median(list.Select(Rate)):0.0} | {Stats.Median(list.Select(r => Stats.Percentile(r.LatenciesMs, 50))):0.0} ms | " +
                $"{Stats.Median(list.Select(r => Stats.Percentile(r.LatenciesMs, 99))):0.0} ms | {Stats.Median(cpu[name]):0.0} ms | {warm[name].Outputs.Sum(o => o[2]) / 1e6:0.0} | {peaks[name]:0} MiB | " +
                $"{(name == Sharp ? "1.00×" : $"**{ratio:0.00}×** ({string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})")} | {cpuRatio:0.00}× |"));
            if (name != Sharp)
            {
                verdicts.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {ratio:0.00}× sharp, target ≥ {target:0.0#}×: **{(ratio >= target ? "met" : "not met")}**"));
            }
        }

        Console.WriteLine();
        verdicts.ForEach(Console.WriteLine);
        var mismatched = Enumerable.Range(0, jobs.Count).Count(i => warm[InProcess].Outputs[i][0] != warm[Sharp].Outputs[i][0] || warm[InProcess].Outputs[i][1] != warm[Sharp].Outputs[i][1]);
        var expected = Enumerable.Range(0, jobs.Count).Count(i => warm[InProcess].Outputs[i][0] != jobs[i].Width || warm[InProcess].Outputs[i][1] != jobs[i].Height);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Checks: {mismatched} of {jobs.Count} outputs differ in dimensions between ours and sharp; {expected} of ours differ from the fitted size; " +
            $"HTTP statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}."));
        if (QuietMachine.BusyStarts > 0)
        {
            Console.WriteLine($"({QuietMachine.BusyStarts} of {3 * rounds} rounds started while other work kept the machine busy.)");
        }

        return statuses.Keys.All(s => s == 200) ? 0 : 3;
    }

    private static double Rate(RenderRound round) => round.LatenciesMs.Length / round.Seconds;

    private static async Task<RenderRound> ServerRoundAsync(HttpClient client, List<string> urls, int concurrency, string renditionFolder, Dictionary<int, int> statuses)
    {
        // Cold: no rendition exists yet, so every request renders (the server keeps no rendition in memory).
        if (Directory.Exists(renditionFolder))
        {
            Directory.Delete(renditionFolder, recursive: true);
        }

        var latencies = new double[urls.Count];
        var outputs = new long[urls.Count][];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < urls.Count)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(urls[i], HttpCompletionOption.ResponseHeadersRead);
                var body = await response.Content.ReadAsByteArrayAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                outputs[i] = [0, 0, body.Length];
                lock (statuses)
                {
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                }
            }
        }));
        return new RenderRound(clock.Elapsed.TotalSeconds, latencies, outputs);
    }

    /// <summary>A render worker process: "run" on its stdin, one JSON <see cref="RenderRound"/> line back.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly Process _process;

        private Worker(Process process) => _process = process;

        public int Pid => _process.Id;

        public static Worker Start(string program, IEnumerable<string> args)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            return new Worker(Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start."));
        }

        public async Task<RenderRound> RunAsync()
        {
            await _process.StandardInput.WriteLineAsync("run");
            await _process.StandardInput.FlushAsync();
            var line = await _process.StandardOutput.ReadLineAsync()
                ?? throw new InvalidOperationException($"Render worker {_process.Id} ended without an answer (exit {(_process.HasExited ? _process.ExitCode : -1)}).");
            return JsonSerializer.Deserialize<RenderRound>(line, RenderWorker.Json)!;
        }

        public void Dispose()
        {
            // End of input ends the worker; one that hangs is killed.
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }
}
