using Microsoft.Extensions.Configuration;

namespace VehicleImages.Cli;

/// <summary>
/// Configuration for every command, later sources winning: appsettings.json beside the binary, environment
/// variables prefixed VEHICLE_IMAGES_ (e.g. VEHICLE_IMAGES_Imaging__MaxPixels), then the command's own flags.
/// </summary>
internal static class Settings
{
    public const string EnvironmentPrefix = "VEHICLE_IMAGES_";

    public static IConfiguration Load(IDictionary<string, string?> flags) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(flags)
            .Build();
}
