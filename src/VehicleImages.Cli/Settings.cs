using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace VehicleImages.Cli;

/// <summary>
/// Configuration for every command, later sources winning: appsettings.json beside the binary, an optional
/// appsettings.json in the working folder (the operator's own: plans, limits), environment variables prefixed
/// VEHICLE_IMAGES_ (e.g. VEHICLE_IMAGES_Imaging__MaxPixels), then the command's own flags. Both files are
/// watched by `serve`: a running server picks up changed plans without a restart.
/// </summary>
internal static class Settings
{
    public const string EnvironmentPrefix = "VEHICLE_IMAGES_";

    /// <summary>The configuration; with <paramref name="watch"/>, the two files are polled for changes (every few seconds, no watcher over whole folders).</summary>
    public static IConfiguration Load(IDictionary<string, string?> flags, bool watch = false) =>
        new ConfigurationBuilder()
            .Add(JsonFile(AppContext.BaseDirectory, watch))
            .Add(JsonFile(Directory.GetCurrentDirectory(), watch))
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(flags)
            .Build();

    private static JsonConfigurationSource JsonFile(string folder, bool watch) => new()
    {
        FileProvider = new PhysicalFileProvider(folder) { UsePollingFileWatcher = watch, UseActivePolling = watch },
        Path = "appsettings.json",
        Optional = true,
        ReloadOnChange = watch,
    };
}
