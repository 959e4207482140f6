using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Api.Hosting;
using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Application.Ingest.Sources;
using VehicleImages.Cli.Terminal;

namespace VehicleImages.Cli.Commands;

/// <summary>`ingest PATH...`: folders, CSV/JSONL manifests or single files into the library.</summary>
internal static class IngestCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Folders, manifests (.csv, .jsonl) or image files" };
        var make = Label("--make", "Make for rows that give none");
        var model = Label("--model", "Model for rows that give none");
        var year = Label("--year", "Model year (2019) or range (2006-2014) for rows that give none");
        var trim = Label("--trim", "Trim for rows that give none");
        var body = Label("--body", "Body style for rows that give none");
        var view = Label("--view", "View or angle for rows that give none (front, front three-quarter, side, rear_left, interior...)", "--angle");
        var colour = Label("--colour", "Colour for rows that give none (generic or OEM name)", "--color");
        var photoType = Label("--photo-type", "exterior, interior or engine, for rows that give none");
        var license = Label("--license", "Licence for rows that give none (Public, Share, ShareCommercially, Modify, ModifyCommercially, CC-BY-4.0...)", "--licence");
        var source = Label("--source", "stock, retail, wholesale or press, for rows that give none");
        var attribution = Label("--attribution", "Credit line for rows that give none");
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON on standard output" };
        var parallelism = new Option<int>("--parallelism") { Description = "Images processed at once (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount };

        var command = new Command("ingest", "Add images to the library: idempotent, crash-safe, with a summary of what was rejected and why.")
        {
            paths, make, model, year, trim, body, view, colour, photoType, license, source, attribution, json, parallelism,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CommonOptions.StartAsync(CommonOptions.Configuration(parse), cancellationToken);
            if (services is null)
            {
                return ExitCodes.Unavailable;
            }

            try
            {
                VisionStartup.LoadModels(services);
            }
            catch (VisionUnavailableException e)
            {
                await Console.Error.WriteLineAsync($"vehicle-images: {e.Message}");
                return ExitCodes.Unavailable;
            }

            var items = IngestSources.Expand(parse.GetValue(paths)!).ToList();
            var options = new IngestOptions
            {
                Parallelism = parse.GetValue(parallelism),
                Defaults = new RawLabels
                {
                    Make = parse.GetValue(make),
                    Model = parse.GetValue(model),
                    Year = parse.GetValue(year),
                    Trim = parse.GetValue(trim),
                    Body = parse.GetValue(body),
                    View = parse.GetValue(view),
                    Colour = parse.GetValue(colour),
                    PhotoType = parse.GetValue(photoType),
                    License = parse.GetValue(license),
                    Source = parse.GetValue(source),
                    Attribution = parse.GetValue(attribution),
                },
            };

            var pipeline = services.GetRequiredService<IngestPipeline>();
            var summary = await IngestProgressView.RunAsync(items.Count, progress => pipeline.RunAsync(items, options, progress, cancellationToken));

            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(summary, Json));
            }
            else
            {
                IngestSummaryView.Write(Console.Out, summary);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string> Label(string name, string description, params string[] aliases) => new(name, aliases) { Description = description };
}
