using System.Globalization;

namespace VehicleImages.Api.Tests.Vision;

/// <summary>A corpus photo the vision fixture ingests, the year it is filed under, and what the corpus knows of it.</summary>
public sealed record Photo(string Path, int Year, CorpusRow Row)
{
    public string Name => Row.File;

    public bool IsBad => Row.Expect.StartsWith("bad_", StringComparison.Ordinal);

    /// <summary>One of the eight views; empty when the corpus does not say.</summary>
    public string View => Row.View;

    public string Colour => Row.Colour;

    public string PhotoType => Row.PhotoType;

    public override string ToString() => Name;
}

/// <summary>
/// The few dozen corpus photos the vision tests ingest, chosen by rule so the choice does not depend on what the
/// heads get right: the first of each kind in manifest order, at sizes no other quality check flags.
/// </summary>
public static class VisionPhotos
{
    private const int TurntableCars = 3;
    private const int LargeEnough = 800;

    public static IReadOnlyList<Photo> Choose() => [.. Views(), .. BadAndGood(), .. Colours()];

    /// <summary>
    /// The odd-numbered turntable shots, each squarely one of the eight views (the even ones sit between two), and cabins.
    /// </summary>
    private static IEnumerable<Photo> Views()
    {
        var turntable = Corpus.ExtraManifest.Where(row => row.Folder == "carvana").ToList();
        var cars = turntable.Select(CarOf).Distinct().Order(StringComparer.Ordinal).Take(TurntableCars).ToHashSet();
        var shots = turntable.Where(row => cars.Contains(CarOf(row)) && ShotOf(row) % 2 == 1);
        var cabins = Corpus.ExtraManifest.Where(row => row.Folder == "interior").Take(4);
        return shots.Concat(cabins).Select(row => new Photo(Corpus.ExtraFile(row.File), VisionLibraryFixture.ViewsYear, row));
    }

    /// <summary>Parts, landscapes, renders, a toy and a screenshot, and two good photos of the car they are filed as.</summary>
    private static IEnumerable<Photo> BadAndGood()
    {
        var corpus = Take(Corpus.Manifest, "bad_parts", 2).Concat(Take(Corpus.Manifest, "bad_unrelated", 2))
            .Concat(Corpus.Manifest.Where(row => row.Folder == "lire_ferrari" && row.Colour == "White").Take(2))
            .Select(row => new Photo(Corpus.File(row.File), VisionLibraryFixture.BadYear, row));
        var extra = Take(Corpus.ExtraManifest, "bad_render", 2).Concat(Take(Corpus.ExtraManifest, "bad_toy", 1)).Concat(Take(Corpus.ExtraManifest, "bad_screenshot", 1))
            .Select(row => new Photo(Corpus.ExtraFile(row.File), VisionLibraryFixture.BadYear, row));
        return corpus.Concat(extra);
    }

    /// <summary>Red Ferraris and Ferraris of other colours, as the photographers tagged them.</summary>
    private static IEnumerable<Photo> Colours()
    {
        var ferraris = Corpus.Manifest.Where(row => row.Folder == "lire_ferrari").ToList();
        return ferraris.Where(row => row.Colour == "Red").Take(4)
            .Concat(ferraris.Where(row => row.Colour == "Yellow").Take(2))
            .Concat(ferraris.Where(row => row.Colour == "Black").Take(2))
            .Select(row => new Photo(Corpus.File(row.File), VisionLibraryFixture.ColoursYear, row));
    }

    // GIFs are refused as a format before vision sees them; small pictures are flagged by size alone.
    private static IEnumerable<CorpusRow> Take(IReadOnlyList<CorpusRow> manifest, string folder, int count) =>
        manifest.Where(row => row.Folder == folder && row.Format != "gif" && Math.Min(row.Width, row.Height) >= LargeEnough / 2 && row.Width >= LargeEnough).Take(count);

    private static string CarOf(CorpusRow row) => System.IO.Path.GetFileNameWithoutExtension(row.File).Split('_')[0];

    private static int ShotOf(CorpusRow row) =>
        int.Parse(System.IO.Path.GetFileNameWithoutExtension(row.File).Split('_')[1], CultureInfo.InvariantCulture);
}
