using VehicleImages.Storage.Blobs;
using System.Diagnostics;
using System.Globalization;
using VehicleImages.Application.Ingest.Manifests;
using VehicleImages.Application.Renditions;
using VehicleImages.Application.Vision;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging;
using VehicleImages.Imaging.Analysis;
using VehicleImages.Storage.Blobs.FileSystem;
using VehicleImages.Vision;
using VehicleImages.Vision.Backbone;
using VehicleImages.Vision.Heads;

using VehicleImages.Benchmarks.Common;

namespace VehicleImages.Benchmarks;

/// <summary>
/// Where one image's ingest time goes, stage by stage, on one thread: the same steps as the pipeline, each timed
/// on its own, beside the floor (one thumbnail into the largest box plus one JPEG encode). It explains the ratio
/// that <see cref="IngestBenchmark"/> measures; it does not replace it. Vision is timed twice: whole, as
/// <see cref="VisionStage.See"/> (counted in the sum), and in its parts (not counted), by wall and by thread CPU time.
/// </summary>
internal static class IngestBreakdown
{
    private const string BlobWrites = "blob writes (deferred, one flush per 32 images)";
    private const string Vision = "vision (VisionStage.See)";
    private const string VisionPart = "vision, part: ";

    public static int Run(string corpus, string[] options)
    {
        var passes = options is ["--passes", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 2;
        var files = ManifestReader.Read(Path.Combine(corpus, "manifest.csv")).Select(i => File.ReadAllBytes(i.Location)).ToList();
        var imaging = new ImageProcessor(new ImagingOptions());
        var folder = Path.Combine(Path.GetTempPath(), $"vi-breakdown-{Guid.NewGuid():N}");
        var blobs = new FileSystemBlobStore(folder);
        var stages = new Dictionary<string, StageTime>();
        var visionOptions = new VisionOptions { MaxConcurrentInferences = 1 };
        using var vision = new ImageVision(visionOptions);
        var stage = new VisionStage(vision, visionOptions);
        using var backbone = new ResNetBackbone(visionOptions.ModelDirectory ?? ImageVision.DefaultModelDirectory, threadsPerInference: 1);
        var heads = VisionHeads.Current(visionOptions.HeadsPath);
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
                    var detail = RenderTimed(imaging, bytes, decoded, stages, counted, blobs);
                    Time(stages, counted, Vision, () => stage.See(detail));
                    SeeInParts(backbone, heads, stage.Models, detail, stages, counted);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Report(stages, files.Count * passes, $"# libvips {imaging.Library.Version}, {vision.Models}, {files.Count} files, {passes} passes, one thread; ms per image");
        return 0;
    }

    private static void Report(Dictionary<string, StageTime> stages, int images, string title)
    {
        var ingest = stages.Where(s => !s.Key.StartsWith("floor", StringComparison.Ordinal) && !s.Key.StartsWith(VisionPart, StringComparison.Ordinal)).ToList();
        var total = ingest.Sum(s => s.Value.WallMs);
        var withoutVision = ingest.Where(s => s.Key != Vision).Sum(s => s.Value.WallMs);
        var floorMs = stages.First(s => s.Key.StartsWith("floor", StringComparison.Ordinal)).Value.WallMs;
        Console.WriteLine(title);
        Console.WriteLine("| stage | ms per image | share of ingest |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, time) in stages.Where(s => !s.Key.StartsWith(VisionPart, StringComparison.Ordinal)).OrderByDescending(s => s.Value.WallMs))
        {
            var share = name.StartsWith("floor", StringComparison.Ordinal) ? "" : $"{time.WallMs / total:P0}";
            Console.WriteLine($"| {name} | {time.WallMs / images:0.00} | {share} |");
        }

        Console.WriteLine($"| **ingest stages, summed, vision off** | {withoutVision / images:0.00} | {withoutVision / floorMs:0.00}× the floor |");
        Console.WriteLine($"| **ingest stages, summed, vision on** | {total / images:0.00} | {total / floorMs:0.00}× the floor |");

        // Thread CPU time leaves out the waits for a core that other work on the machine had; ONNX Runtime runs
        // each inference on the calling thread (one intra-op thread), so it is all of vision's work.
        Console.WriteLine();
        Console.WriteLine("| vision, per image | wall ms | thread CPU ms |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, time) in stages.Where(s => s.Key == Vision || s.Key.StartsWith(VisionPart, StringComparison.Ordinal)))
        {
            Console.WriteLine($"| {name} | {time.WallMs / images:0.00} | {time.CpuMs / images:0.00} |");
        }
    }

    // The body of ImageVision.See (without its bound on concurrent inferences) with a clock around each part.
    private static void SeeInParts(ResNetBackbone backbone, VisionHeads heads, string models, PixelBuffer pixels, Dictionary<string, StageTime> stages, bool counted)
    {
        var square = Time(stages, counted, $"{VisionPart}squeeze to 224 px RGB (C#)", () => BackboneInput.Square(pixels));
        var map = Time(stages, counted, $"{VisionPart}backbone (ONNX Runtime: preprocess + ResNet18 to the feature map)", () => backbone.Run(square));
        Time(stages, counted, $"{VisionPart}heads + colour (C#)", () => HeadReader.Read(heads, new VisionInput(square, map), models));
    }

    // The body of StandardRenditions.Render with a clock around each step, plus the blob writes; returns the
    // pixels the measurements were taken on, which vision reads too.
    private static PixelBuffer RenderTimed(ImageProcessor imaging, byte[] original, DecodedImage decoded, Dictionary<string, StageTime> stages, bool counted, FileSystemBlobStore blobs)
    {
        var header = decoded.Header;
        var source = decoded;
        var resized = false;
        var seen = new HashSet<RenditionSpec>();
        byte[]? smallest = null;
        PixelBuffer? detail = null;
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
                detail = pixels;
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
        return detail ?? source.Pixels();
    }

    private static void Time(Dictionary<string, StageTime> stages, bool counted, string name, Action work) =>
        Time(stages, counted, name, () => { work(); return 0; });

    private static T Time<T>(Dictionary<string, StageTime> stages, bool counted, string name, Func<T> work)
    {
        var cpuStart = ThreadCpu.Milliseconds();
        var start = Stopwatch.GetTimestamp();
        var result = work();
        if (counted)
        {
            var wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var cpu = ThreadCpu.Milliseconds() - cpuStart;
            var sum = stages.GetValueOrDefault(name);
            stages[name] = new StageTime(sum.WallMs + wall, sum.CpuMs + cpu);
        }

        return result;
    }

    /// <summary>A stage's summed wall time and the calling thread's CPU time in it.</summary>
    private readonly record struct StageTime(double WallMs, double CpuMs);
}
