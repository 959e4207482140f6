using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Application.Ingest.Manifests;

namespace VehicleImages.Application.Tests.Pipeline;

/// <summary>The catalog an ingest produces depends on the input, never on thread timing.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public async Task One_worker_and_many_workers_produce_the_same_catalog()
    {
        Corpus.Require();
        var items = ManifestReader.Read(Corpus.ManifestPath).Take(150).ToList();
        var options = new IngestOptions { Defaults = new RawLabels { Make = "Unlabelled", Model = "Corpus" } };

        await using var serial = await TestLibrary.CreateAsync();
        await serial.IngestAsync(items, options with { Parallelism = 1 });
        await using var parallel = await TestLibrary.CreateAsync();
        await parallel.IngestAsync(items, options with { Parallelism = 8 });

        Assert.Equal(await CatalogDump.OfAsync(serial.Storage.CatalogPath), await CatalogDump.OfAsync(parallel.Storage.CatalogPath));
    }

    [Fact]
    public async Task Near_duplicates_are_judged_against_earlier_items_in_input_order()
    {
        Corpus.Require();
        using var folder = new TempDirectory("vi-neardup");
        // The same photo at two sizes: different bytes, the same picture.
        var original = Corpus.Bytes("carvana/0ce66b539f52_01.jpg");
        var decoded = TestLibrary.Imaging.Decode(original, 900);
        await File.WriteAllBytesAsync(folder.Combine("b-smaller.jpg"), decoded.Encode(Domain.Renditions.Background.Opaque, Domain.Images.ImageFormat.Jpeg).Bytes, TestContext.Current.CancellationToken);

        await File.WriteAllBytesAsync(folder.Combine("a-original.jpg"), original, TestContext.Current.CancellationToken);

        await using var library = await TestLibrary.CreateAsync();
        var summary = await library.IngestAsync([folder.Path], new IngestOptions { Defaults = new RawLabels { Make = "Test", Model = "Dup" }, Parallelism = 4 });

        Assert.Equal(2, summary.Ingested);
        Assert.Equal(1, summary.FlaggedByReason["near_duplicate"]);
        var first = await library.Catalog.FindImageAsync(Domain.Images.ContentHash.Of(original).ImageId, TestContext.Current.CancellationToken);
        Assert.True(first!.Quality.IsGood);
    }
}
