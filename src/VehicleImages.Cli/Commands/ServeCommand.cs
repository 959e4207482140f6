using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VehicleImages.Api;
using VehicleImages.Api.Hosting;
using VehicleImages.Application.Demo;
using VehicleImages.Application.Vision;
using VehicleImages.Cli.Terminal;
using VehicleImages.Imaging;
using VehicleImages.Storage;

namespace VehicleImages.Cli.Commands;

/// <summary>
/// `serve`: the HTTP API on --urls (default http://127.0.0.1:8080). On an empty library it first draws and
/// ingests the demo set and prints a demo key with ready-to-paste curl lines.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';'",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not build the demo library when the library is empty" };
        var noVinSetup = new Option<bool>("--no-vin-setup") { Description = "Do not fetch the vPIC VIN data when it is missing" };
        var command = new Command("serve", "Serve the library over HTTP.") { urls, noDemo, noVinSetup };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = CommonOptions.Configuration(parse, new Dictionary<string, string?> { ["urls"] = parse.GetValue(urls) }, watch: true);
            if (!parse.GetValue(noVinSetup))
            {
                // Best effort: without the data the service still runs, and readiness says what is missing.
                await VinCommand.InstallAsync(configuration, into: null, quiet: true, cancellationToken);
            }

            try
            {
                await using var app = await ApiHost.CreateAsync(configuration, cancellationToken);
                var data = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory;
                if (DemoSeeder.DeleteLegacyKeyFile(data))
                {
                    await Console.Error.WriteLineAsync("vehicle-images: deleted the demo key's secret an earlier version kept in plain text in the data folder; the key still works.");
                }

                var seeded = parse.GetValue(noDemo) ? null : await app.Services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(data, cancellationToken);
                if (seeded is not null)
                {
                    await Console.Error.WriteLineAsync($"vehicle-images: the library was empty; drew and ingested {seeded.Images} demo images.");
                }

                await app.StartAsync(cancellationToken);
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                ServeBanner.Write(Console.Out, address, seeded?.KeySecret, app.Services.GetService<IImageVision>()?.Models);
                await app.WaitForShutdownAsync(cancellationToken);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is ImagingUnavailableException or StorageUnavailableException or VisionUnavailableException)
            {
                await Console.Error.WriteLineAsync($"vehicle-images: {e.Message}");
                return ExitCodes.Unavailable;
            }
            catch (FormatException e)
            {
                // A storage setting that is not a URL or connection string this service reads.
                await Console.Error.WriteLineAsync($"vehicle-images: {e.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
