using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Sources;
using VehicleImages.Domain.Keys;
using VehicleImages.Imaging;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Keys;

namespace VehicleImages.Application.Demo;

/// <summary>
/// Fills an empty library with the drawn demo set and makes a demo key, so the first start has something to
/// show. The key's secret is kept in the data folder (readable by its owner only) so later starts can show it too.
/// </summary>
public sealed class DemoSeeder(ICatalog catalog, IApiKeyStore keys, IngestPipeline pipeline, ImageProcessor imaging, TimeProvider clock)
{
    private const string KeyFileName = "demo-key";

    /// <summary>Seeds when the catalog holds no image; returns how many images went in, or null when it was not empty.</summary>
    public async Task<int?> SeedIfEmptyAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        if ((await catalog.CountAsync(cancellationToken)).Images > 0)
        {
            return null;
        }

        var source = Path.Combine(dataDirectory, "demo-source");
        try
        {
            var manifest = await DemoLibrary.WriteAsync(source, imaging, cancellationToken);
            var summary = await pipeline.RunAsync(IngestSources.Expand([manifest]).ToList(), new IngestOptions(), null, cancellationToken);
            var (key, secret) = KeySecrets.Create("demo", KeyScopes.Api, "default", clock.GetUtcNow());
            await keys.AddAsync(key, cancellationToken);
            await WriteKeyAsync(Path.Combine(dataDirectory, KeyFileName), secret, cancellationToken);
            return summary.Ingested;
        }
        finally
        {
            // The originals are in the blob store now; the drawn files were only the input.
            if (Directory.Exists(source))
            {
                Directory.Delete(source, recursive: true);
            }
        }
    }

    /// <summary>The demo key made by an earlier seeding, if this data folder has one.</summary>
    public static string? ReadKey(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, KeyFileName);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    private static async Task WriteKeyAsync(string path, string secret, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(path, secret + "\n", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
