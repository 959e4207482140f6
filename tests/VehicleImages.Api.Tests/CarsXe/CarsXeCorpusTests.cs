using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Sources;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Keys;
using VehicleImages.Domain.Text;
using VehicleImages.Imaging;
using VehicleImages.Storage.Keys;

namespace VehicleImages.Api.Tests.CarsXe;

/// <summary>With the dev corpus ingested, /images returns the right vehicles, in JSON and XML, with honest links.</summary>
public sealed class CarsXeCorpusTests(CarsXeCorpusTests.CorpusApp corpus) : IClassFixture<CarsXeCorpusTests.CorpusApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> MakesAndModels()
    {
        // A spread of the corpus' labelled vehicles: one model per make, first in manifest order.
        var data = new TheoryData<string, string>();
        if (!Corpus.IsPresent)
        {
            data.Add("(corpus absent)", "");
            return data;
        }

        foreach (var group in Corpus.Manifest.Where(r => r.IsLabelled).GroupBy(r => r.Make).Take(12))
        {
            data.Add(group.Key, group.First().Model);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MakesAndModels))]
    public async Task Every_image_returned_is_of_the_asked_make_and_model_and_serves_what_it_states(string make, string model)
    {
        var app = corpus.Get();
        var expected = Corpus.Manifest.Count(r => r.IsLabelled && MatchKey.Of(r.Make) == MatchKey.Of(make) && MatchKey.Of(r.Model) == MatchKey.Of(model));
        var response = await app.App.Client.GetAsync($"/images?key={app.Key}&make={Uri.EscapeDataString(make.ToLowerInvariant())}&model={Uri.EscapeDataString(model)}&size=Medium", Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var images = body.RootElement.GetProperty("images").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Math.Min(10, expected), images.Count);
        foreach (var image in images)
        {
            var file = image.GetProperty("link").GetString()!;
            var bytes = await app.App.Client.GetByteArrayAsync(file, Cancel);
            var header = app.App.Service<ImageProcessor>().Probe(bytes);
            Assert.Equal(image.GetProperty("byteSize").GetInt64(), bytes.LongLength);
            Assert.Equal((image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32()), (header.Width, header.Height));
            Assert.Equal(image.GetProperty("mime").GetString(), header.Format.MimeType());
        }

        var hashes = images.Select(i => i.GetProperty("link").GetString()!.Split('/')[4]).ToHashSet();
        var labelled = Corpus.Manifest.Where(r => r.IsLabelled && MatchKey.Of(r.Make) == MatchKey.Of(make) && MatchKey.Of(r.Model) == MatchKey.Of(model))
            .Select(r => ContentHash.Of(Corpus.Bytes(r.File)).ImageId.ToString()).ToHashSet();
        Assert.Subset(labelled, hashes);

        var xml = XDocument.Parse(await app.App.Client.GetStringAsync($"/images?key={app.Key}&make={Uri.EscapeDataString(make)}&model={Uri.EscapeDataString(model)}&size=Medium&format=xml", Cancel));
        Assert.Equal(images.Select(i => i.GetProperty("link").GetString()), xml.Root!.Element("images")!.Elements("image").Select(e => e.Element("link")!.Value));
    }

    /// <summary>The app with the corpus manifest ingested as it is.</summary>
    public sealed class CorpusApp : IAsyncLifetime
    {
        private TestApp? _app;

        public string Key { get; private set; } = "";

        public TestApp App => _app!;

        public CorpusApp Get()
        {
            Corpus.Require();
            return this;
        }

        public async ValueTask InitializeAsync()
        {
            if (!Corpus.IsPresent)
            {
                return;
            }

            _app = await TestApp.StartAsync();
            await _app.Service<IngestPipeline>().RunAsync(IngestSources.Expand([Corpus.ManifestPath]).ToList(), new IngestOptions(), null, CancellationToken.None);
            var (key, secret) = KeySecrets.Create("corpus", KeyScopes.Api, "default", DateTimeOffset.UtcNow);
            await _app.App.Services.GetRequiredService<IApiKeyStore>().AddAsync(key, CancellationToken.None);
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
}
