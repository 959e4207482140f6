namespace VehicleImages.Imaging.Tests;

/// <summary>The limits and corruption checks against real photos: none of them may turn a real photo away.</summary>
public sealed class CorpusDecodeTests
{
    [Fact]
    public void Every_corpus_photo_decodes()
    {
        var refused = new List<string>();
        foreach (var row in Corpus.Manifest)
        {
            try
            {
                _ = Processors.Default.Decode(Corpus.Bytes(row.File), 320);
            }
            catch (ImageRejectedException e)
            {
                refused.Add($"{row.File}: {e.Reason} ({e.Message})");
            }
        }

        Assert.True(Corpus.Manifest.Count >= 600, $"only {Corpus.Manifest.Count} corpus rows");
        Assert.Empty(refused);
    }
}
