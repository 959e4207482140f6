using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Sources;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Keys;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Imaging;
using VehicleImages.Storage.Keys;

namespace VehicleImages.Api.Tests.OneAuto;

/// <summary>
/// Two photos without alpha of one car: its left side in a plain white studio, its front left in a cluttered one.
/// The first can be cut out cleanly; the second cannot.
/// </summary>
public sealed class StudioLibraryFixture : IAsyncLifetime
{
    public static readonly Guid Configuration = new VehicleConfiguration("Testcar", "Studio", null, null, YearRange.OneYear(2020)).Id;

    private TestApp? _app;

    public TestApp App => _app ?? throw new InvalidOperationException("Not started.");

    public string Key { get; private set; } = "";

    /// <summary>The plain studio photo as ingested (JPEG).</summary>
    public byte[] PlainPhoto { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        var imaging = App.Service<ImageProcessor>();
        var folder = Path.Combine(App.DataDirectory, "studio");
        Directory.CreateDirectory(folder);
        PlainPhoto = imaging.Encode(DrawnCar.On((_, _) => 248).Scene, ImageFormat.Jpeg).Bytes;
        await File.WriteAllBytesAsync(Path.Combine(folder, "plain.jpg"), PlainPhoto);
        await File.WriteAllBytesAsync(Path.Combine(folder, "busy.jpg"), imaging.Encode(DrawnCar.On(DrawnCar.Clutter(seed: 3)).Scene, ImageFormat.Jpeg).Bytes);
        var manifest = Path.Combine(folder, "manifest.csv");
        await File.WriteAllTextAsync(manifest, "file,make,model,year,view,color\nplain.jpg,Testcar,Studio,2020,left,Red\nbusy.jpg,Testcar,Studio,2020,front_left,Red\n");
        var summary = await App.Service<IngestPipeline>().RunAsync(IngestSources.Expand([manifest]).ToList(), new IngestOptions(), null, CancellationToken.None);
        if (summary.Ingested != 2)
        {
            throw new InvalidOperationException($"Studio fixture ingest: {summary.Ingested} of 2: {string.Join("; ", summary.Rejections.Select(r => r.Message))}");
        }

        var (key, secret) = KeySecrets.Create("tests", KeyScopes.Api, "default", DateTimeOffset.UtcNow);
        await App.Service<IApiKeyStore>().AddAsync(key, CancellationToken.None);
        Key = secret;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
