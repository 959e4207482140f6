using VehicleImages.Application.Demo;
using VehicleImages.Application.Ingest.Manifests;
using VehicleImages.Imaging;

namespace VehicleImages.Application.Tests.Demo;

/// <summary>The tests that share one written demo library.</summary>
[CollectionDefinition(DemoLibraryFixture.Collection)]
public sealed class DemoLibraryTestGroup : ICollectionFixture<DemoLibraryFixture>;

/// <summary>The demo library written once into a temp folder, shared by the tests that only read it.</summary>
public sealed class DemoLibraryFixture : IAsyncLifetime
{
    public const string Collection = "Demo library";

    private readonly TempDirectory _folder = new("vi-demo");

    public static ImageProcessor Imaging { get; } = new(new ImagingOptions());

    public string Folder => _folder.Path;

    public string ManifestPath { get; private set; } = "";

    /// <summary>The manifest's rows as column name → value.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        ManifestPath = await DemoLibrary.WriteAsync(Folder, Imaging, CancellationToken.None);
        using var reader = new StreamReader(ManifestPath);
        Rows = [.. CsvTable.Read(reader).Select(record => record.Fields)];
    }

    public byte[] Bytes(IReadOnlyDictionary<string, string> row) => File.ReadAllBytes(Path.Combine(Folder, row["file"]));

    public IReadOnlyDictionary<string, string> Row(string model, string colour, string view, bool transparent = false) =>
        Rows.Single(row => row["model"] == model && row["color"] == colour && row["view"] == view && IsTransparent(row) == transparent);

    public static bool IsTransparent(IReadOnlyDictionary<string, string> row) => row["file"].EndsWith(".png", StringComparison.Ordinal);

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
