using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Sources;
using VehicleImages.Domain.Keys;
using VehicleImages.Imaging;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Keys;

namespace VehicleImages.Application.Demo;

/// <summary>What seeding made: how many images went in, and the demo key's secret, which exists only here.</summary>
public sealed record DemoSeeding(int Images, string KeySecret);

/// <summary>
/// Fills an empty library with the drawn demo set and makes a demo key, so the first start has something to
/// show. Like every key, only its hash is kept: its secret is shown once, by the start that made it.
/// </summary>
public sealed class DemoSeeder(ICatalog catalog, IApiKeyStore keys, IngestPipeline pipeline, ImageProcessor imaging, TimeProvider clock)
{
    // Where earlier versions kept the demo key's secret in plain text.
    private const string LegacyKeyFileName = "demo-key";

    /// <summary>Seeds when the catalog holds no image; null when it was not empty.</summary>
    public async Task<DemoSeeding?> SeedIfEmptyAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        if ((await catalog.CountAsync(cancellationToken)).Images > 0)
        {
            return null;
        }

        var source = Path.Combine(dataDirectory, "demo-source");
        try
        {
            var manifest = await DemoLibrary.WriteAsync(source, imaging, cancellationToken);
            // The demo's drawings are renders by design: vouched for, so the gate shows what it sees without hiding them.
            var summary = await pipeline.RunAsync(IngestSources.Expand([manifest]).ToList(), new IngestOptions { Vouched = true }, null, cancellationToken);
            var (key, secret) = KeySecrets.Create("demo", KeyScopes.Api, "default", clock.GetUtcNow());
            await keys.AddAsync(key, cancellationToken);
            return new DemoSeeding(summary.Ingested, secret);
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

    /// <summary>Deletes the plain-text demo key an earlier version left in the data folder; true when there was one.</summary>
    public static bool DeleteLegacyKeyFile(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, LegacyKeyFileName);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }
}
