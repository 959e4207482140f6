using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Api.Native;
using VehicleImages.Application.Vins;
using VehicleImages.Domain.Vins;
using VehicleImages.Storage;
using VehicleImages.Storage.Vpic;

namespace VehicleImages.Cli.Commands;

/// <summary>`vin decode VIN` and `vin setup`: decoding from NHTSA's vPIC data, and installing that data.</summary>
internal static class VinCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create() => new("vin", "Decode VINs; install the vPIC data they decode from.") { Decode(), Setup() };

    private static Command Decode()
    {
        var vin = new Argument<string>("VIN") { Description = "A 17-character vehicle identification number" };
        var decode = new Command("decode", "Validate and decode a VIN (check digit, model year, make, model, trim, body...).") { vin };
        decode.SetAction(async (parse, cancellationToken) =>
        {
            if (!Vin.TryParse(parse.GetValue(vin), out var parsed, out var problem))
            {
                await Console.Error.WriteLineAsync($"vehicle-images: '{parse.GetValue(vin)}' is not a VIN: {VinReport.Describe(problem)}");
                return ExitCodes.Usage;
            }

            // As `serve` does: without the vPIC data a decode knows the make at most, so the data is installed first.
            var configuration = CommonOptions.Configuration(parse);
            await InstallAsync(configuration, into: null, quiet: true, cancellationToken);
            await using var services = await CommonOptions.StartAsync(configuration, cancellationToken);
            if (services is null)
            {
                return ExitCodes.Unavailable;
            }

            var decoder = services.GetRequiredService<VinDecoder>();
            var report = VinReport.Of(await decoder.DecodeAsync(parsed, cancellationToken));
            if (decoder.VpicSource is null)
            {
                report = report with { Warnings = [.. report.Warnings, PartialAnswer(Path.GetFullPath(VpicFolder(configuration)))] };
            }

            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, Json));
            return ExitCodes.Ok;
        });
        return decode;
    }

    private static Command Setup()
    {
        var into = new Option<string>("--into") { Description = "Folder to install into (default: Vin:VpicDirectory, or vpic/ in the data folder)" };
        var quiet = new Option<bool>("--quiet") { Description = "Say nothing when it is already installed" };
        var setup = new Command("setup", $"Fetch {VpicSetup.Package}@{VpicSetup.Version} with npm and prepare its vPIC database for decoding.") { into, quiet };
        setup.SetAction((parse, cancellationToken) =>
            InstallAsync(CommonOptions.Configuration(parse), parse.GetValue(into), parse.GetValue(quiet), cancellationToken));
        return setup;
    }

    /// <summary>Installs the vPIC data unless the pinned version is already there; `serve` and `vin decode` call this first.</summary>
    internal static async Task<int> InstallAsync(IConfiguration configuration, string? into, bool quiet, CancellationToken cancellationToken)
    {
        var folder = into is { Length: > 0 } given ? given : VpicFolder(configuration);
        if (VpicSetup.IsInstalled(folder))
        {
            if (!quiet)
            {
                await Console.Error.WriteLineAsync($"vehicle-images: vPIC {VpicSetup.Version} is already in {folder}");
            }

            return ExitCodes.Ok;
        }

        await Console.Error.WriteLineAsync($"vehicle-images: fetching {VpicSetup.Package}@{VpicSetup.Version} with npm (about 24 MB) and preparing the VIN database ...");
        try
        {
            var manifest = await VpicSetup.InstallAsync(folder, cancellationToken);
            await Console.Error.WriteLineAsync($"vehicle-images: vPIC ready in {folder} (sha256 {manifest.DatabaseSha256[..12]}…)");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"vehicle-images: could not install the VIN database: {e.Message} VINs still validate; decoding gives the make from a built-in table only.");
            return ExitCodes.Unavailable;
        }
    }

    /// <summary>What a decode without the vPIC data lacks, and the command that installs it.</summary>
    private static string PartialAnswer(string vpicFolder) =>
        $"partial answer: the vPIC data is not installed, so only the model year and the make (from a built-in table) are decoded; `vehicle-images vin setup --into {vpicFolder}` installs it";

    private static string VpicFolder(IConfiguration configuration)
    {
        var storage = new StorageOptions();
        configuration.GetSection(StorageOptions.Section).Bind(storage);
        var vin = new VinOptions();
        configuration.GetSection(VinOptions.Section).Bind(vin);
        return vin.VpicDirectoryFor(storage.DataDirectory);
    }
}
