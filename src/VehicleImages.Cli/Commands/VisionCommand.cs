using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Application.Ingest;
using VehicleImages.Application.Vision;
using VehicleImages.Cli.Terminal;
using VehicleImages.Imaging;
using VehicleImages.Storage;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Curation;
using VehicleImages.Vision;
using VehicleImages.Vision.Backbone;
using VehicleImages.Vision.Heads;
using VehicleImages.Vision.Training;

namespace VehicleImages.Cli.Commands;

/// <summary>`vision train|evaluate|backfill`: the vision heads, trained and measured here, and run over a library.</summary>
internal static class VisionCommand
{
    public static Command Create()
    {
        var command = new Command("vision", "Train, evaluate and run the vision heads (content gate, view, body colour).");
        command.Subcommands.Add(Train());
        command.Subcommands.Add(Evaluate());
        command.Subcommands.Add(VisionBackfillCommand.Create());
        return command;
    }

    private static Argument<string[]> Manifests() => new("MANIFEST")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "CSV manifests of labelled photos (file, expect/content, photo_type, view, view_alt, angle, color, mask); label-only CSVs add labels to the same files",
    };

    private static Option<int> Folds(int byDefault) => new("--folds")
    {
        Description = "Cross-validation folds, grouped by car (a VIN, a make/model/year, a turntable sequence)",
        DefaultValueFactory = _ => byDefault,
    };

    private static Option<int> Parallelism() => new("--parallelism")
    {
        Description = "Photos read at once (default: one per core)",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    private static Command Train()
    {
        var manifests = Manifests();
        var folds = Folds(5);
        var parallelism = Parallelism();
        var output = new Option<string>("--out") { Description = $"Where to write the heads (default: DATA/{VisionHeadsFile.RelativePath}, which the service then uses)" };
        var library = new Option<bool>("--library")
        {
            Description = "Also train on the library: labels given at ingest and curators' decisions (never vision's own predictions)",
        };
        var command = new Command("train", "Train the heads on labelled photos: cross-validated report first, then heads trained on everything.")
        {
            manifests, folds, parallelism, output, library,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CommonOptions.StartAsync(CommonOptions.Configuration(parse), cancellationToken);
            if (services is null)
            {
                return ExitCodes.Unavailable;
            }

            var paths = parse.GetValue(manifests)!;
            var fromLibrary = parse.GetValue(library);
            var features = await ExtractAsync(services, paths, fromLibrary, parse.GetValue(parallelism), cancellationToken);
            if (features is null)
            {
                return ExitCodes.Usage;
            }

            var options = services.GetRequiredService<VisionOptions>();
            var fallback = options.HeadsPath is { } current ? VisionHeads.Load(current) : VisionHeads.TryShipped();
            if (parse.GetValue(folds) >= 2)
            {
                await PrintCrossValidatedAsync(features, parse.GetValue(folds), options, fallback);
            }

            var sources = paths.Select(ManifestName).ToList();
            if (fromLibrary)
            {
                sources.Add("library");
            }

            var heads = HeadTrainer.Train(features, sources, fallback);
            var target = parse.GetValue(output) ?? VisionHeadsFile.PathIn(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.DataDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            await File.WriteAllBytesAsync(target, heads.ToJson(), cancellationToken);
            await Console.Out.WriteLineAsync($"heads {heads.Version} written to {target}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Evaluate()
    {
        var manifests = Manifests();
        var folds = Folds(0);
        var parallelism = Parallelism();
        var headsFile = new Option<string>("--heads") { Description = "Heads to evaluate (default: the ones the service uses)" };
        var command = new Command("evaluate", "Report how the heads do on labelled photos; with --folds, cross-validate training on them instead.")
        {
            manifests, folds, parallelism, headsFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CommonOptions.StartAsync(CommonOptions.Configuration(parse), cancellationToken);
            if (services is null)
            {
                return ExitCodes.Unavailable;
            }

            var features = await ExtractAsync(services, parse.GetValue(manifests)!, fromLibrary: false, parse.GetValue(parallelism), cancellationToken);
            if (features is null)
            {
                return ExitCodes.Usage;
            }

            var options = services.GetRequiredService<VisionOptions>();
            if (parse.GetValue(folds) >= 2)
            {
                await PrintCrossValidatedAsync(features, parse.GetValue(folds), options, VisionHeads.TryShipped());
                return ExitCodes.Ok;
            }

            var heads = VisionHeads.Current(parse.GetValue(headsFile) ?? options.HeadsPath);
            var models = $"{ResNetBackbone.Version}+{heads.Version}";
            var results = features.Select(photo => (photo.Photo, HeadReader.Read(heads, photo.Input, models))).ToList();
            await Console.Out.WriteLineAsync($"heads {heads.Version} (trained on {string.Join(", ", heads.TrainedOn)})");
            await Console.Out.WriteAsync(new VisionReport(results, options.Policy).Format());
            return ExitCodes.Ok;
        });
        return command;
    }

    // The manifest's folder and name ("corpus-extra/manifest.csv"): enough to tell sources apart, without this machine's paths.
    private static string ManifestName(string path)
    {
        var full = Path.GetFullPath(path);
        return $"{Path.GetFileName(Path.GetDirectoryName(full))}/{Path.GetFileName(full)}";
    }

    private static async Task PrintCrossValidatedAsync(IReadOnlyList<PhotoFeatures> features, int folds, VisionOptions options, VisionHeads? fallback)
    {
        var results = CrossValidation.Predict(features, folds, ResNetBackbone.Version, fallback);
        await Console.Out.WriteLineAsync($"cross-validation: {folds} folds grouped by car; every photo predicted by heads that never saw its car");
        await Console.Out.WriteAsync(new VisionReport(results, options.Policy).Format());
    }

    private static async Task<IReadOnlyList<PhotoFeatures>?> ExtractAsync(
        IServiceProvider services, string[] manifests, bool fromLibrary, int parallelism, CancellationToken cancellationToken)
    {
        var missing = manifests.Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0 || (manifests.Length == 0 && !fromLibrary))
        {
            await Console.Error.WriteLineAsync(missing.Count > 0
                ? $"vehicle-images: no such manifest: {string.Join(", ", missing)}"
                : "vehicle-images: name at least one MANIFEST, or --library to train on the library");
            return null;
        }

        var photos = TrainingManifests.Read(manifests).ToList();
        if (fromLibrary)
        {
            photos.AddRange(await LibraryPhotos.ReadAsync(services.GetRequiredService<ICatalogCuration>(), cancellationToken));
        }

        var blobs = services.GetRequiredService<IBlobStore>();
        var options = services.GetRequiredService<VisionOptions>();
        ResNetBackbone backbone;
        try
        {
            backbone = new ResNetBackbone(options.ModelDirectory ?? ImageVision.DefaultModelDirectory, threadsPerInference: 1);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"vehicle-images: {e.Message}");
            return null;
        }

        using var owned = backbone;
        var extractor = new FeatureExtractor(services.GetRequiredService<ImageProcessor>(), backbone);
        var (features, skipped) = await IngestProgressView.RunAsync(photos.Count, progress => Task.Run(() =>
        {
            var done = 0;
            return extractor.Extract(photos, photo => LibraryPhotos.Read(photo, blobs), parallelism, () =>
                progress.Report(new IngestProgress(Interlocked.Increment(ref done), photos.Count, "")));
        }), "vision");
        foreach (var (photo, reason) in skipped)
        {
            await Console.Error.WriteLineAsync($"skipped {photo.Source}: {reason}");
        }

        await Console.Out.WriteLineAsync($"{features.Count} photos read, {skipped.Count} skipped");
        return features;
    }
}
