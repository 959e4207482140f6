using VehicleImages.Storage.Blobs;
using System.Diagnostics;
using System.Globalization;
using VehicleImages.Application.Ingest.Manifests;
using VehicleImages.Application.Renditions;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging;
using VehicleImages.Imaging.Analysis;
using VehicleImages.Storage.Blobs.FileSystem;

using VehicleImages.Benchmarks.Common;

namespace VehicleImages.Benchmarks;

/// <summary>
/// Where one image's ingest time goes, stage by stage, on one thread: the same steps as the pipeline, each timed
/// on its own, beside the floor (one thumbnail into the largest box plus one JPEG encode). It explains the ratio
/// that <see cref="IngestBenchmark"/> measures; it does not replace it.
/// </summary>
internal static class IngestBreakdown
{
    private const string BlobWrites = "blob writes (deferred, one flush per 32 images)";

    public static int Run(string corpus, string[] options)
    {
        var passes = options is ["--passes", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 2;
        var files = ManifestReader.Read(Path.Combine(corpus, "manifest.csv")).Select(i => File.ReadAllBytes(i.Location)).ToList();
        var imaging = new ImageProcessor(new ImagingOptions());
        var folder = Path.Combine(Path.GetTempPath(), $"vi-breakdown-{Guid.NewGuid():N}");
        var blobs = new FileSystemBlobStore(folder);
        var stages = new Dictionary<string, double>();
        try
        {
            for (var pass = 0; pass <= passes; pass++)
            {
                // Pass 0 warms the JIT and libvips' operation cache; it is not counted.
                var counted = pass > 0;
                var item = 0;
                foreach (var bytes in files)
                {
                    // Ingest flushes a batch's blobs with one flush before committing its rows.
                    if (++item % 32 == 0)
                    {
                        Time(stages, counted, BlobWrites, () => blobs.FlushAsync(CancellationToken.None).GetAwaiter().GetResult());
                    }

                    Time(stages, counted, "floor: libvips thumbnail 1920 + JPEG", () => LibvipsThumbnail.Jpeg(imaging, bytes, StandardRenditions.DecodeEdge));
                    Time(stages, counted, "sha-256", () => ContentHash.Of(bytes));
                    var decoded = Time(stages, counted, "decode to 1920", () => imaging.Decode(bytes, StandardRenditions.DecodeEdge));
                    RenderTimed(imaging, bytes, decoded, stages, counted, blobs);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var total = stages.Where(s => !s.Key.StartsWith("floor", StringComparison.Ordinal)).Sum(s => s.Value);
        var floorMs = stages.First(s => s.Key.StartsWith("floor", StringComparison.Ordinal)).Value;
        Console.WriteLine($"# libvips {imaging.Library.Version}, {files.Count} files, {passes} passes, one thread; ms per image");
        Console.WriteLine("| stage | ms per image | share of ingest |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, ms) in stages.OrderByDescending(s => s.Value))
        {
            var perImage = ms / (files.Count * passes);
            var share = name.StartsWith("floor", StringComparison.Ordinal) ? "" : $"{ms / total:P0}";
            Console.WriteLine($"| {name} | {perImage:0.00} | {share} |");
        }

        Console.WriteLine($"| **ingest stages, summed** | {total / (files.Count * passes):0.00} | {total / floorMs:0.00}× the floor |");
        return 0;
    }

    // The body of StandardRenditions.Render with a clock around each step, plus the blob writes.
    private static void RenderTimed(ImageProcessor imaging, byte[] original, DecodedImage decoded, Dictionary<string, double> stages, bool counted, FileSystemBlobStore blobs)
    {
        var header = decoded.Header;
        var source = decoded;
        var resized = false;
        var seen = new HashSet<RenditionSpec>();
        byte[]? smallest = null;
        foreach (var size in RenditionSizes.Standard)
        {
            var edge = size.LongEdge()!.Value;
            if (RenditionSizes.FitLongEdge(edge, header.Width, header.Height) != (source.Width, source.Height))
            {
                var from = source;
                source = Time(stages, counted, $"resize to {size}", () => from.Shrink(edge));
                resized = true;
            }

            if (edge == ImageAnalysis.DetailEdge || (size == RenditionSize.Thumbnail && !resized))
            {
                var pixels = Time(stages, counted, "copy pixels out", source.Pixels);
                Time(stages, counted, "measure (C#)", () => ImageAnalysis.Measure(pixels));
            }

            var spec = RenditionSpec.Default(size, header.HasAlpha).Canonical(header.Width, header.Height, header.HasAlpha);
            if (seen.Add(spec))
            {
                var encoded = Time(stages, counted, $"encode {spec.Size}", () => imaging.AsIs(original, header, spec) ?? source.Encode(spec.Background, spec.Format));
                smallest = encoded.Bytes;
                Time(stages, counted, BlobWrites, () =>
                    blobs.PutAsync($"r/{Guid.NewGuid():N}", encoded.Bytes, Durability.Deferred, CancellationToken.None).GetAwaiter().GetResult());
            }
        }

        Time(stages, counted, "fingerprint (decode smallest)", () =>
        {
            var thumb = imaging.Decode(smallest!, RenditionSize.Thumbnail.LongEdge()!.Value);
            return ImageAnalysis.Fingerprint(thumb.Pixels());
        });
    }

    private static void Time(Dictionary<string, double> stages, bool counted, string name, Action work) =>
        Time(stages, counted, name, () => { work(); return 0; });

    private static T Time<T>(Dictionary<string, double> stages, bool counted, string name, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        var result = work();
        if (counted)
        {
            stages[name] = stages.GetValueOrDefault(name) + Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return result;
    }
}
