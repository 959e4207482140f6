using VehicleImages.Application.Ingest;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Imaging.Formats;

namespace VehicleImages.Application.Tests.Pipeline;

/// <summary>The corpus manifest ingested as it is, without defaults: what the issue's "done when" asks of ingest.</summary>
public sealed class CorpusIngestTests : IClassFixture<CorpusIngestTests.Ingested>
{
    private readonly Ingested _run;

    public CorpusIngestTests(Ingested run) => _run = run;

    [Fact]
    public void Every_labelled_row_is_ingested_and_every_unlabelled_row_rejected()
    {
        var (summary, _) = _run.Get();
        var labelled = Corpus.Manifest.Count(r => r.IsLabelled);

        Assert.Equal(Corpus.Manifest.Count, summary.Items);
        Assert.Equal(labelled, summary.Ingested);
        Assert.Equal(Corpus.Manifest.Count - labelled, summary.Rejected);
        Assert.Equal(["missing_make", "missing_model"], summary.RejectedByReason.Keys.Order());
        Assert.All(summary.Rejections, r => Assert.StartsWith("manifest.csv:", r.Item, StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_with_a_make_but_no_model_are_rejected_for_the_model()
    {
        var (summary, _) = _run.Get();
        var makeOnly = Corpus.Manifest.Count(r => r.Make.Length > 0 && r.Model.Length == 0);

        Assert.Equal(makeOnly, summary.RejectedByReason["missing_model"]);
    }

    [Fact]
    public async Task Every_labelled_good_image_is_catalogued_as_good_with_its_labels()
    {
        var (_, library) = _run.Get();
        foreach (var row in Corpus.Manifest.Where(r => r.IsLabelled))
        {
            var hash = ContentHash.Of(Corpus.Bytes(row.File));
            var image = await library.Catalog.FindImageAsync(hash.ImageId, TestContext.Current.CancellationToken);
            Assert.NotNull(image);
            Assert.True(image.Quality.IsGood, $"{row.File}: {string.Join(",", image.Quality.Reasons)}");
            Assert.Equal((row.Width, row.Height), (image.Width, image.Height));

            var configuration = await library.Catalog.FindConfigurationAsync(image.ConfigurationId, TestContext.Current.CancellationToken);
            Assert.Equal((row.Make, row.Model, row.Year), (configuration!.Make, configuration.Model, configuration.Years?.ToString() ?? ""));
        }
    }

    [Fact]
    public async Task Originals_are_stored_byte_for_byte_and_renditions_hold_what_the_catalog_says()
    {
        var (_, library) = _run.Get();
        foreach (var row in Corpus.Manifest.Where(r => r.IsLabelled).Take(40))
        {
            var bytes = Corpus.Bytes(row.File);
            var hash = ContentHash.Of(bytes);
            Assert.Equal(bytes, await library.Blobs.GetAsync(BlobKeys.Original(hash), TestContext.Current.CancellationToken));

            var image = (await library.Catalog.FindImageAsync(hash.ImageId, TestContext.Current.CancellationToken))!;
            Assert.Contains(image.Renditions, r => r.Spec.Size == RenditionSize.Thumbnail);
            foreach (var rendition in image.Renditions)
            {
                var stored = await library.Blobs.GetAsync(BlobKeys.Rendition(hash, rendition.Spec), TestContext.Current.CancellationToken);
                Assert.NotNull(stored);
                Assert.Equal(rendition.ByteSize, stored.LongLength);
                var header = TestLibrary.Imaging.Probe(stored);
                Assert.Equal(rendition.Spec.Format, header.Format);
                Assert.Equal((rendition.Width, rendition.Height), (header.Width, header.Height));
                Assert.Equal(rendition.Spec.Size.Fit(image.Width, image.Height), (header.Width, header.Height));
            }
        }
    }

    [Fact]
    public async Task The_original_size_rendition_of_a_plain_jpeg_is_its_own_data_without_metadata()
    {
        var (_, library) = _run.Get();
        var checkedCount = 0;
        foreach (var row in Corpus.Manifest.Where(r => r.IsLabelled).Take(60))
        {
            var bytes = Corpus.Bytes(row.File);
            var hash = ContentHash.Of(bytes);
            var image = (await library.Catalog.FindImageAsync(hash.ImageId, TestContext.Current.CancellationToken))!;
            var original = image.Renditions.SingleOrDefault(r => r.Spec == new RenditionSpec(RenditionSize.Original, Background.Opaque, ImageFormat.Jpeg));
            if (original is null || !TestLibrary.Imaging.Probe(bytes).ServableAsIs)
            {
                continue;
            }

            var stored = await library.Blobs.GetAsync(BlobKeys.Rendition(hash, original.Spec), TestContext.Current.CancellationToken);
            Assert.Equal(JpegMetadata.Strip(bytes), stored);
            checkedCount++;
        }

        Assert.True(checkedCount >= 20, $"only {checkedCount} plain JPEGs among the first 60 rows");
    }

    [Fact]
    public async Task Running_the_same_manifest_again_adds_nothing()
    {
        var (_, library) = _run.Get();
        var before = await CatalogDump.OfAsync(library.Storage.CatalogPath);

        var again = await library.IngestAsync([Corpus.ManifestPath]);

        Assert.Equal(0, again.Ingested);
        Assert.Equal(Corpus.Manifest.Count(r => r.IsLabelled), again.Duplicates);
        Assert.Equal(before, await CatalogDump.OfAsync(library.Storage.CatalogPath));
    }

    /// <summary>One ingest of the corpus shared by the tests above (it takes seconds, not milliseconds).</summary>
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
            _summary = await _library.IngestAsync([Corpus.ManifestPath]);
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
