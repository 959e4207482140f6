using System.Diagnostics;
using System.Globalization;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging;
using VehicleImages.Imaging.Cutout;

namespace VehicleImages.Benchmarks;

/// <summary>
/// How long a cut-out takes per Carvana photo (1918×1280), beside the opaque rendition the same request would
/// otherwise make: decode + JPEG encode. One core, rounds alternating, median per image.
/// </summary>
internal static class CutoutBenchmark
{
    public static int Run(string corpus, string[] options)
    {
        var rounds = options is ["--rounds", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 3;
        var photos = Directory.EnumerateFiles(Path.Combine(corpus, "carvana"), "*.jpg").Order(StringComparer.Ordinal).ToList();
        var imaging = new ImageProcessor(new ImagingOptions());
        var opaque = new RenditionSpec(RenditionSize.Original, Background.Opaque, ImageFormat.Jpeg);
        var cutout = opaque with { Background = Background.Cutout, Format = ImageFormat.Png };
        Console.WriteLine($"# {photos.Count} Carvana photos, {rounds} rounds, one core, libvips {imaging.Library.Version}");
        Console.WriteLine();
        Console.WriteLine("| image | remove background (ms) | cut-out rendition: decode + remove + PNG (ms) | opaque rendition: decode + JPEG (ms) | ratio |");
        Console.WriteLine("|---|---|---|---|---|");

        var (removals, cutouts, opaques) = (new List<double>(), new List<double>(), new List<double>());
        foreach (var path in photos)
        {
            var bytes = File.ReadAllBytes(path);
            var pixels = imaging.Decode(bytes, int.MaxValue).Pixels();

            // One uncounted pass first, so JIT compilation lands on no measurement.
            BackgroundRemover.Remove(pixels);
            var (remove, render, plain) = (new List<double>(), new List<double>(), new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                remove.Add(Milliseconds(() => BackgroundRemover.Remove(pixels)));
                render.Add(Milliseconds(() => imaging.RenderCutout(bytes, cutout)));
                plain.Add(Milliseconds(() => imaging.Render(bytes, opaque)));
            }

            removals.Add(Median(remove));
            cutouts.Add(Median(render));
            opaques.Add(Median(plain));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Path.GetFileNameWithoutExtension(path)} | {removals[^1]:0} | {cutouts[^1]:0} | {opaques[^1]:0} | {cutouts[^1] / opaques[^1]:0.0}× |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| **median** | **{Median(removals):0}** | **{Median(cutouts):0}** | **{Median(opaques):0}** | **{Median(cutouts) / Median(opaques):0.0}×** |"));
        return 0;
    }

    private static double Milliseconds(Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
