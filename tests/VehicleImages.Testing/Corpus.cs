using System.Globalization;
using VehicleImages.Application.Ingest.Manifests;
using Xunit;

namespace VehicleImages.Testing;

/// <summary>
/// The shared corpus of real vehicle photos (../shared/corpus beside the checkout, or VEHICLE_IMAGES_CORPUS).
/// Tests that need it call <see cref="Require"/>, which skips them with a message when it is absent.
/// </summary>
public static class Corpus
{
    public const string Variable = "VEHICLE_IMAGES_CORPUS";

    private static readonly Lazy<IReadOnlyList<CorpusRow>> Rows = new(() => ReadManifest(ManifestPath));
    private static readonly Lazy<IReadOnlyList<CorpusRow>> ExtraRows = new(() => ReadManifest(Path.Combine(ExtraRoot, "manifest.csv")));

    public static string Root =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "corpus"));

    public static string ManifestPath => Path.Combine(Root, "manifest.csv");

    public static bool IsPresent => System.IO.File.Exists(ManifestPath);

    /// <summary>Skips the calling test, with the reason, when the corpus is not on this machine.</summary>
    public static void Require()
    {
        if (!IsPresent)
        {
            Assert.Skip($"The shared corpus is not at {Root}; set {Variable} to run this test.");
        }
    }

    /// <summary>Every manifest row; skips the calling test when the corpus is absent.</summary>
    public static IReadOnlyList<CorpusRow> Manifest
    {
        get
        {
            Require();
            return Rows.Value;
        }
    }

    /// <summary>The second set beside the corpus: interiors, engines, renders, toys, screenshots and more turntable cars.</summary>
    public static string ExtraRoot => Path.GetFullPath(Path.Combine(Root, "..", "corpus-extra"));

    /// <summary>Every row of the second set's manifest; skips the calling test when either set is absent.</summary>
    public static IReadOnlyList<CorpusRow> ExtraManifest
    {
        get
        {
            RequireExtra();
            return ExtraRows.Value;
        }
    }

    public static string File(string relative) => Path.Combine(Root, relative);

    /// <summary>Skips the calling test, with the reason, when the corpus or its second set is not on this machine.</summary>
    public static void RequireExtra()
    {
        Require();
        if (!System.IO.File.Exists(Path.Combine(ExtraRoot, "manifest.csv")))
        {
            Assert.Skip($"The second corpus is not at {ExtraRoot}; it comes with the shared corpus.");
        }
    }

    public static string ExtraFile(string relative) => Path.Combine(ExtraRoot, relative);

    public static byte[] Bytes(string relative) => System.IO.File.ReadAllBytes(File(relative));

    private static List<CorpusRow> ReadManifest(string path)
    {
        using var reader = new StreamReader(path);
        return [.. CsvTable.Read(reader).Select(record => new CorpusRow(record.Fields))];
    }
}

/// <summary>One row of the corpus manifest.</summary>
public sealed class CorpusRow(IReadOnlyDictionary<string, string> fields)
{
    public string File => fields["file"];

    public string Make => fields["make"];

    public string Model => fields["model"];

    public string Year => fields["year"];

    public string Angle => fields["angle"];

    /// <summary>The colour a person saw; empty when unknown (the Stanford photos have none: their channels are swapped).</summary>
    public string Colour => fields.GetValueOrDefault("color", "");

    /// <summary>One of the eight views, in the extra corpus only; empty elsewhere.</summary>
    public string View => fields.GetValueOrDefault("view", "");

    public string PhotoType => fields.GetValueOrDefault("photo_type", "");

    public string Expect => fields["expect"];

    public int Width => int.Parse(fields["width"], CultureInfo.InvariantCulture);

    public int Height => int.Parse(fields["height"], CultureInfo.InvariantCulture);

    public string Format => fields["format"];

    public bool IsGood => Expect.StartsWith("good", StringComparison.Ordinal);

    public bool IsLabelled => Make.Length > 0 && Model.Length > 0;

    public string Folder => File.Split('/')[0];
}
