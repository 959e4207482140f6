using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using VehicleImages.Benchmarks.Common;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging;

namespace VehicleImages.Benchmarks;

/// <summary>One file to render: where it is, the box to fit, and the rendition spec the media endpoint would use.</summary>
internal sealed record RenderJob(string Path, int Box, RenditionSpec Spec, int Width, int Height)
{
    public string ToLine() => string.Join('\t',
        Path, Box.ToString(CultureInfo.InvariantCulture), Spec.Format.ToString().ToLowerInvariant(), Spec.Background.ToString().ToLowerInvariant(),
        Spec.Size.ToString(), Width.ToString(CultureInfo.InvariantCulture), Height.ToString(CultureInfo.InvariantCulture));

    public static RenderJob Parse(string line)
    {
        var f = line.Split('\t');
        return new RenderJob(
            f[0], int.Parse(f[1], CultureInfo.InvariantCulture),
            new RenditionSpec(Enum.Parse<RenditionSize>(f[4]), Enum.Parse<Background>(f[3], ignoreCase: true), Enum.Parse<ImageFormat>(f[2], ignoreCase: true)),
            int.Parse(f[5], CultureInfo.InvariantCulture), int.Parse(f[6], CultureInfo.InvariantCulture));
    }
}

/// <summary>What one round of renders gave: wall time, each render's latency, and each output's width, height and bytes.</summary>
internal sealed record RenderRound(double Seconds, double[] LatenciesMs, long[][] Outputs);

/// <summary>
/// `render-worker --list FILE --concurrency N`: our in-process renderer, in its own process so its peak RSS is its
/// own. Reads every original into memory, then for each "run" line on stdin renders all of them with
/// <see cref="ImageProcessor.Render"/> (the media endpoint's render, without HTTP, blob reads or writes), N at once,
/// and answers with one JSON line. The sharp worker (bench/sharp/render-worker.mjs) speaks the same protocol.
/// </summary>
internal static class RenderWorker
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static int Run(CommandLine options)
    {
        var jobs = File.ReadAllLines(options.Required("--list")).Where(l => l.Length > 0).Select(RenderJob.Parse).ToList();
        var concurrency = options.Int("--concurrency", Environment.ProcessorCount);
        var files = jobs.Select(j => File.ReadAllBytes(j.Path)).ToList();
        var imaging = new ImageProcessor(new ImagingOptions());
        Console.Error.WriteLine($"render-worker: {jobs.Count} files, concurrency {concurrency}, libvips {imaging.Library.Version} ({imaging.Library.Source})");

        while (Console.ReadLine() is { } command)
        {
            if (command != "run")
            {
                continue;
            }

            var latencies = new double[jobs.Count];
            var outputs = new long[jobs.Count][];
            var next = -1;
            var clock = Stopwatch.StartNew();
            var threads = Enumerable.Range(0, concurrency).Select(_ => new Thread(() =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < jobs.Count)
                {
                    var started = Stopwatch.GetTimestamp();
                    var rendered = imaging.Render(files[i], jobs[i].Spec);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    outputs[i] = [rendered.Width, rendered.Height, rendered.Bytes.Length];
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            var round = new RenderRound(clock.Elapsed.TotalSeconds, latencies, outputs);
            Console.Out.WriteLine(JsonSerializer.Serialize(round, Json));
            Console.Out.Flush();
        }

        return 0;
    }
}
