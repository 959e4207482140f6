using VehicleImages.Application.Tests.Pipeline;
using VehicleImages.Domain.Images;

namespace VehicleImages.Application.Tests.Demo;

/// <summary>The demo library goes through the real ingest pipeline as any operator's library would.</summary>
[Collection(DemoLibraryFixture.Collection)]
public sealed class DemoIngestTests(DemoLibraryFixture demo)
{
    [Fact]
    public async Task Ingest_takes_every_picture_and_judges_every_one_good()
    {
        await using var library = await TestLibrary.CreateAsync();

        var summary = await library.IngestAsync([demo.ManifestPath]);

        Assert.True(summary.Rejections.Count == 0, string.Join('\n', summary.Rejections));
        Assert.Equal(demo.Rows.Count, summary.Ingested);
        var flagged = await FlaggedAsync(library);
        Assert.True(flagged.Count == 0, string.Join('\n', flagged));

        var again = await library.IngestAsync([demo.ManifestPath]);
        Assert.Equal(demo.Rows.Count, again.Duplicates);
    }

    // Every picture the quality checks did not pass, with the reasons and, for a near-duplicate, of which picture.
    private async Task<List<string>> FlaggedAsync(TestLibrary library)
    {
        var files = demo.Rows.ToDictionary(row => ContentHash.Of(demo.Bytes(row)).ImageId, row => row["file"]);
        var flagged = new List<string>();
        foreach (var (id, file) in files)
        {
            var image = await library.Catalog.FindImageAsync(id, TestContext.Current.CancellationToken);
            if (image is { Quality.IsGood: false } bad)
            {
                var original = bad.Quality.DuplicateOf is { } other ? $" of {files.GetValueOrDefault(other)}" : "";
                flagged.Add($"{file}: {string.Join('+', bad.Quality.Reasons)}{original}");
            }
        }

        return flagged;
    }
}
