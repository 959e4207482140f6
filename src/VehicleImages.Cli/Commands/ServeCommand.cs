using System.CommandLine;
using Microsoft.Extensions.Hosting;
using VehicleImages.Api;
using VehicleImages.Imaging.Vips;

namespace VehicleImages.Cli.Commands;

/// <summary>`serve`: the HTTP API on --urls (default http://127.0.0.1:8080).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';'",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var command = new Command("serve", "Serve the library over HTTP.") { urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = CommonOptions.Configuration(parse, new Dictionary<string, string?> { ["urls"] = parse.GetValue(urls) });
            try
            {
                await using var app = await ApiHost.CreateAsync(configuration, cancellationToken);
                await app.StartAsync(cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
                return ExitCodes.Ok;
            }
            catch (VipsUnavailableException e)
            {
                await Console.Error.WriteLineAsync($"vehicle-images: {e.Message}");
                return ExitCodes.Unavailable;
            }
        });
        return command;
    }
}
