using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Labels;

namespace VehicleImages.Application.Tests.Pipeline;

/// <summary>Bad files in a batch are each rejected with a one-line reason, and the rest of the batch goes on.</summary>
public sealed class HostileBatchTests
{
    [Fact]
    public async Task Each_hostile_file_is_rejected_with_its_reason_and_the_good_ones_are_ingested()
    {
        Corpus.Require();
        using var folder = new TempDirectory("vi-hostile");
        File.Copy(Corpus.File("stanford/00001.jpg"), folder.Combine("a-good.jpg"));
        await File.WriteAllBytesAsync(folder.Combine("b-bomb.png"), HostileFiles.PngBomb(20_000, 20_000), TestContext.Current.CancellationToken);
        var jpeg = Corpus.Bytes("carvana/0ce66b539f52_01.jpg");
        await File.WriteAllBytesAsync(folder.Combine("c-truncated.jpg"), jpeg[..(jpeg.Length / 2)], TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(folder.Combine("d-empty.jpg"), [], TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(folder.Combine("e-notes.jpg"), "price list\nVIN,price\n", TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(folder.Combine("f-drawing.svg"), HostileFiles.ScriptedSvg(), TestContext.Current.CancellationToken);
        File.Copy(Corpus.File("stanford/00003.jpg"), folder.Combine("g-good.jpg"));

        await using var library = await TestLibrary.CreateAsync();
        var summary = await library.IngestAsync([folder.Path], new IngestOptions { Defaults = new RawLabels { Make = "Test", Model = "Batch" } });

        Assert.Equal(2, summary.Ingested);
        var reasons = summary.Rejections.ToDictionary(r => Path.GetFileName(r.Item), r => r.Reason);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["b-bomb.png"] = "too_many_pixels",
                ["c-truncated.jpg"] = "corrupt_image",
                ["d-empty.jpg"] = "empty_file",
                ["e-notes.jpg"] = "not_an_image",
                ["f-drawing.svg"] = "unsupported_format",
            },
            reasons);
        Assert.All(summary.Rejections, r => Assert.DoesNotContain('\n', r.Message));
    }
}
