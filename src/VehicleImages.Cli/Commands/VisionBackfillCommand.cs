using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Application.Ingest;
using VehicleImages.Application.Vision;
using VehicleImages.Cli.Terminal;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Cli.Commands;

/// <summary>`vision backfill`: vision over the images already in the library.</summary>
internal static class VisionBackfillCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "See every image again, even those already seen by the current models" };
        var parallelism = new Option<int>("--parallelism") { Description = "Images at once (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON on standard output" };
        var command = new Command("backfill", "Run vision over the library: fill missing labels, flag non-vehicle photos and label disagreements. Resumable: stop it any time and run it again.")
        {
            force, parallelism, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CommonOptions.StartAsync(CommonOptions.Configuration(parse), cancellationToken);
            if (services is null)
            {
                return ExitCodes.Unavailable;
            }

            if (services.GetService<VisionBackfill>() is not { } backfill)
            {
                await Console.Error.WriteLineAsync("vehicle-images: vision is off (Vision:Enabled=false): nothing to backfill.");
                return ExitCodes.Usage;
            }

            var total = (int)(await services.GetRequiredService<ICatalog>().CountAsync(cancellationToken)).Images;
            var summary = await IngestProgressView.RunAsync(
                total,
                progress => backfill.RunAsync(parse.GetValue(force), parse.GetValue(parallelism), new Progress<int>(done => progress.Report(new IngestProgress(done, total, ""))), cancellationToken),
                "backfill");
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(summary, Json));
                return ExitCodes.Ok;
            }

            await Console.Out.WriteLineAsync($"vision: {services.GetRequiredService<VisionStage>().Models}");
            await Console.Out.WriteLineAsync($"{summary.Seen} images: {summary.Updated} seen now, {summary.AlreadyCurrent} already seen by these models, " +
                $"{summary.ChangedMeanwhile} changed by someone meanwhile (left as they are), {summary.Unreadable} unreadable");
            foreach (var (field, count) in summary.Filled)
            {
                await Console.Out.WriteLineAsync($"  filled {field}: {count}");
            }

            foreach (var (reason, count) in summary.Flagged)
            {
                await Console.Out.WriteLineAsync($"  flagged {reason}: {count}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
