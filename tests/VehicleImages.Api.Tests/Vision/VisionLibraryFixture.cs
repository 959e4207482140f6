using System.Globalization;
using System.Text;
using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Sources;
using VehicleImages.Application.Vision;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Keys;
using VehicleImages.Storage.Keys;

namespace VehicleImages.Api.Tests.Vision;

/// <summary>
/// The real server with vision on and real corpus photos ingested through the real pipeline, every one labelled
/// with a make, model and year only: no view, colour or photo type. Whatever the services then know of views,
/// colours and content, vision saw. Each year holds one kind of question so that a ten-image answer shows all of it.
/// </summary>
public sealed class VisionLibraryFixture : IAsyncLifetime
{
    public const string Make = "Ferrari";
    public const string Model = "F430";

    /// <summary>Turntable shots of every view, and cabins.</summary>
    public const int ViewsYear = 2008;

    /// <summary>Parts, landscapes, renders, a toy and a screenshot, beside two good photos.</summary>
    public const int BadYear = 2007;

    /// <summary>Ferraris of known colours.</summary>
    public const int ColoursYear = 2006;

    private TestApp? _app;
    private Dictionary<string, Photo> _byImageId = [];

    public TestApp App => _app ?? throw new InvalidOperationException("Not started.");

    public string Key { get; private set; } = "";

    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The corpus photo an image ID was ingested from.</summary>
    public Photo PhotoOf(string imageId) =>
        _byImageId.TryGetValue(imageId, out var photo) ? photo : throw new InvalidOperationException($"{imageId} is no photo this fixture ingested.");

    public IEnumerable<Photo> Photos => _byImageId.Values;

    public async ValueTask InitializeAsync()
    {
        if (!Corpus.IsPresent)
        {
            SkipReason = $"The shared corpus is not at {Corpus.Root}; set {Corpus.Variable} to run the vision tests.";
            return;
        }

        _app = await TestApp.StartAsync(new Dictionary<string, string?>([TestApp.VisionOn]));
        if (!_app.Service<VisionOptions>().Enabled)
        {
            SkipReason = "Vision is switched off (Vision:Enabled=false), so nothing predicts the labels these tests look for.";
            return;
        }

        var photos = VisionPhotos.Choose();
        _byImageId = photos.ToDictionary(photo => ContentHash.Of(File.ReadAllBytes(photo.Path)).ImageId.ToString());
        var summary = await IngestAsync(photos);
        if (summary.Ingested != photos.Count)
        {
            throw new InvalidOperationException($"Vision fixture ingest: {summary.Ingested} of {photos.Count}: {string.Join("; ", summary.Rejections.Select(r => $"{r.Item}: {r.Message}"))}");
        }

        var (key, secret) = KeySecrets.Create("vision", KeyScopes.Api, "default", DateTimeOffset.UtcNow);
        await _app.Service<IApiKeyStore>().AddAsync(key, CancellationToken.None);
        Key = secret;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Skips the calling test with the reason when the fixture could not run.</summary>
    public VisionLibraryFixture Get()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }

        return this;
    }

    private async Task<IngestSummary> IngestAsync(IReadOnlyList<Photo> photos)
    {
        var manifest = new StringBuilder("file,make,model,year\n");
        foreach (var photo in photos)
        {
            manifest.Append(CultureInfo.InvariantCulture, $"{photo.Path},{Make},{Model},{photo.Year}\n");
        }

        var path = Path.Combine(App.DataDirectory, "vision-manifest.csv");
        await File.WriteAllTextAsync(path, manifest.ToString());
        return await App.Service<IngestPipeline>().RunAsync(IngestSources.Expand([path]).ToList(), new IngestOptions(), null, CancellationToken.None);
    }
}
