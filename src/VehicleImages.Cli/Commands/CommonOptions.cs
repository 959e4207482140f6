using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Api.Hosting;
using VehicleImages.Imaging;
using VehicleImages.Storage;

namespace VehicleImages.Cli.Commands;

/// <summary>Options every command takes, and the start-up they share.</summary>
internal static class CommonOptions
{
    public static readonly Option<string> Data = new("--data")
    {
        Description = "Folder holding the SQLite catalog and the blobs (default: ./data, or Storage:DataDirectory)",
        Recursive = true,
    };

    /// <summary>Configuration with this command line's --data applied; <paramref name="watch"/> for a server that follows edits.</summary>
    public static IConfiguration Configuration(ParseResult parse, IDictionary<string, string?>? flags = null, bool watch = false)
    {
        var all = new Dictionary<string, string?>(flags ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        if (parse.GetValue(Data) is { Length: > 0 } data)
        {
            all[$"{StorageOptions.Section}:{nameof(StorageOptions.DataDirectory)}"] = data;
        }

        return Settings.Load(all, watch);
    }

    /// <summary>Builds the shared services, or prints why it cannot (libvips missing, catalog unreadable) and returns null.</summary>
    public static async Task<ServiceProvider?> StartAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        try
        {
            var services = new ServiceCollection();
            await services.AddLibraryAsync(configuration, cancellationToken);
            return services.BuildServiceProvider();
        }
        // Each says what to fix: libvips missing, the catalog's database unreachable, a storage setting mistyped.
        catch (Exception e) when (e is ImagingUnavailableException or StorageUnavailableException or FormatException)
        {
            await Console.Error.WriteLineAsync($"vehicle-images: {e.Message}");
            return null;
        }
    }
}
