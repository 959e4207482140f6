using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Sources;
using VehicleImages.Domain.Keys;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Imaging;
using VehicleImages.Storage.Keys;

namespace VehicleImages.Api.Tests.OneAuto;

/// <summary>
/// One car photographed unevenly: red in every view held, blue at the front only, a second left shot and a cabin
/// shot of no known colour, a red cabin shot beside it, and a red second cabin shot.
/// </summary>
public sealed class PaletteLibraryFixture : IAsyncLifetime
{
    public static readonly Guid Configuration = new VehicleConfiguration("Testcar", "Palette", null, null, YearRange.OneYear(2021)).Id;

    /// <summary>The manifest's rows: file, view, colour (empty for none).</summary>
    public static readonly (string File, string View, string Colour)[] Rows =
    [
        ("front-red.jpg", "front", "Red"),
        ("front-blue.jpg", "front", "Blue"),
        ("front-left-red.jpg", "front_left", "Red"),
        ("left-red.jpg", "left", "Red"),
        ("left-unknown.jpg", "left", ""),
        ("cabin-unknown.jpg", "interior", ""),
        ("cabin-red.jpg", "interior", "Red"),
        ("cabin-2-red.jpg", "interior_2", "Red"),
    ];

    private TestApp? _app;

    public TestApp App => _app ?? throw new InvalidOperationException("Not started.");

    public string Key { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        var imaging = App.Service<ImageProcessor>();
        var folder = Path.Combine(App.DataDirectory, "palette");
        Directory.CreateDirectory(folder);
        var manifest = "file,make,model,year,view,color\n";
        for (var i = 0; i < Rows.Length; i++)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, Rows[i].File), TestPictures.Make(imaging, 500 + i));
            manifest += $"{Rows[i].File},Testcar,Palette,2021,{Rows[i].View},{Rows[i].Colour}\n";
        }

        var path = Path.Combine(folder, "manifest.csv");
        await File.WriteAllTextAsync(path, manifest);
        var summary = await App.Service<IngestPipeline>().RunAsync(IngestSources.Expand([path]).ToList(), new IngestOptions(), null, CancellationToken.None);
        if (summary.Ingested != Rows.Length)
        {
            throw new InvalidOperationException($"Palette fixture ingest: {summary.Ingested} of {Rows.Length}: {string.Join("; ", summary.Rejections.Select(r => r.Message))}");
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
