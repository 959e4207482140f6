using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Application.Tests.Pipeline;

/// <summary>The corpus with --make and --model defaults: every row goes in, and the quality checks judge the bad ones.</summary>
public sealed class CorpusWithDefaultsTests : IClassFixture<CorpusWithDefaultsTests.Ingested>
{
    private readonly Ingested _run;

    public CorpusWithDefaultsTests(Ingested run) => _run = run;

    [Fact]
    public void Defaults_let_every_row_in()
    {
        var (summary, _) = _run.Get();

        Assert.Equal(0, summary.Rejected);
        Assert.Equal(Corpus.Manifest.Count, summary.Ingested);
    }

    [Fact]
    public async Task No_good_photo_is_flagged_by_the_quality_checks()
    {
        var (_, library) = _run.Get();
        var flagged = new List<string>();
        foreach (var row in Corpus.Manifest.Where(r => r.IsGood))
        {
            var image = await FindAsync(library, row.File);
            if (!image.Quality.IsGood)
            {
                flagged.Add($"{row.File}: {string.Join(",", image.Quality.Reasons)}");
            }
        }

        Assert.Empty(flagged);
    }

    [Fact]
    public async Task Icons_are_recorded_as_too_small()
    {
        var (_, library) = _run.Get();
        foreach (var row in Corpus.Manifest.Where(r => r.Expect == "bad_too_small_icon"))
        {
            var image = await FindAsync(library, row.File);
            Assert.True(image.Quality.Issues.HasFlag(QualityIssues.TooSmall), row.File);
        }
    }

    [Fact]
    public async Task Cutouts_keep_their_alpha_and_get_png_renditions()
    {
        var (_, library) = _run.Get();
        foreach (var row in Corpus.Manifest.Where(r => r.Expect == "good_transparent"))
        {
            var image = await FindAsync(library, row.File);
            Assert.True(image.HasAlpha, row.File);
            Assert.All(image.Renditions, r => Assert.Equal((Background.Transparent, ImageFormat.Png), (r.Spec.Background, r.Spec.Format)));
        }
    }

    [Fact]
    public async Task Labels_from_the_row_win_over_defaults()
    {
        var (_, library) = _run.Get();
        var row = Corpus.Manifest.First(r => r.IsLabelled);
        var image = await FindAsync(library, row.File);
        var configuration = await library.Catalog.FindConfigurationAsync(image.ConfigurationId, TestContext.Current.CancellationToken);

        Assert.Equal((row.Make, row.Model), (configuration!.Make, configuration.Model));
    }

    [Fact]
    public async Task Corpus_angles_become_unhanded_views()
    {
        var (_, library) = _run.Get();
        var row = Corpus.Manifest.First(r => r.Angle == "front three-quarter");

        Assert.Equal(View.FrontThreeQuarter, (await FindAsync(library, row.File)).View);
    }

    private static async Task<VehicleImage> FindAsync(TestLibrary library, string file) =>
        (await library.Catalog.FindImageAsync(ContentHash.Of(Corpus.Bytes(file)).ImageId, TestContext.Current.CancellationToken))
        ?? throw new InvalidOperationException($"{file} is not in the catalog");

    public sealed class Ingested : IAsyncLifetime
    {
        private TestLibrary? _library;
        private IngestSummary? _summary;

        public (IngestSummary Summary, TestLibrary Library) Get()
        {
            Corpus.Require();
            return (_summary!, _library!);
        }

        public async ValueTask InitializeAsync()
        {
            if (!Corpus.IsPresent)
            {
                return;
            }

            _library = await TestLibrary.CreateAsync();
            _summary = await _library.IngestAsync(
                [Corpus.ManifestPath],
                new IngestOptions { Defaults = new RawLabels { Make = "Unlabelled", Model = "Corpus" } });
        }

        public async ValueTask DisposeAsync()
        {
            if (_library is not null)
            {
                await _library.DisposeAsync();
            }
        }
    }
}
