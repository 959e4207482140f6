using System.Globalization;
using System.Net;
using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Sources;
using VehicleImages.Application.Media;
using VehicleImages.Domain.Images;
using VehicleImages.Imaging;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Api.Tests.Media;

/// <summary>Peak memory is the whole process's: nothing else may run beside these tests.</summary>
[CollectionDefinition(nameof(RenderMemoryBoundTests), DisableParallelization = true)]
public sealed class ProcessMemoryAlone;

[Collection(nameof(RenderMemoryBoundTests))]
public sealed class RenderMemoryBoundTests
{
    // The bounds docs/OPERATIONS.md states for a burst of renders of one decompression bomb.
    private const long PeakIncreaseBound = 600L * 1024 * 1024;
    private const long ReturnedNearStart = 150L * 1024 * 1024;
    private const string Vin = "1FTEW1C52PFA86825";
    private static readonly string[] Variants =
        ["small-opaque.webp", "medium-opaque.webp", "large-opaque.webp", "small-opaque.png", "medium-opaque.png", "large-opaque.png"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Six_variants_of_a_two_kilobyte_webp_of_49_megapixels_at_once_stay_under_the_bound_and_give_the_memory_back()
    {
        var bomb = HostileFiles.FlatLosslessWebP(16383, 3000);
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            // An operator who raised the whole-decode limit: the render memory budget is what is left to hold.
            ["Imaging:MaxInterlacedPixels"] = "50000000",
            ["Media:RenderMemoryWait"] = "00:10:00",

            // As on a server with six cores or more, whatever this machine has.
            ["Media:MaxConcurrentRenders"] = "6",
        });
        var image = await IngestAsync(app, bomb);
        GC.Collect();
        ImageProcessor.ReturnFreeNativeMemory();

        ProcessMemory.ResetPeak();
        var start = ProcessMemory.Resident();
        var responses = await Task.WhenAll(Variants.Select(variant => app.Client.GetAsync(Signed(app, image, variant), Cancel)));
        var peak = ProcessMemory.Peak();
        var returned = await ProcessMemory.ResidentWithinAsync(start + ReturnedNearStart, TimeSpan.FromMinutes(1), Cancel);

        var figures = string.Create(CultureInfo.InvariantCulture,
            $"RSS {start >> 20} MB at start, {peak >> 20} MB at the peak, {returned >> 20} MB when polling stopped");
        Console.Error.WriteLine(figures);
        Assert.True(bomb.Length < 8 * 1024, $"{bomb.Length} bytes");
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.True(peak - start < PeakIncreaseBound, figures);
        Assert.True(returned <= start + ReturnedNearStart, figures);
    }

    private static async Task<VehicleImage> IngestAsync(TestApp app, byte[] webp)
    {
        var folder = Path.Combine(app.DataDirectory, "bomb");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "panorama.webp"), webp, Cancel);
        var manifest = Path.Combine(folder, "manifest.csv");
        await File.WriteAllTextAsync(manifest, $"file,make,model,year,view,vin\npanorama.webp,Ford,F-150,2023,left,{Vin}\n", Cancel);
        var summary = await app.Service<IngestPipeline>().RunAsync(IngestSources.Expand([manifest]).ToList(), new IngestOptions(), null, Cancel);
        Assert.True(summary.Ingested == 1, string.Join("; ", summary.Rejections.Select(r => r.Message)));
        return (await app.Service<ICatalog>().FindByVinAsync(Vin, Cancel)).Single();
    }

    private static string Signed(TestApp app, VehicleImage image, string variant)
    {
        var path = $"/media/{image.Id}/{variant}";
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"{path}?exp={expires}&sig={app.Service<LinkSigner>().Sign(path, expires)}");
    }
}
