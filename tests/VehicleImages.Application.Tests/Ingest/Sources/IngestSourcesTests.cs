using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Application.Ingest.Sources;

namespace VehicleImages.Application.Tests.Ingest.Sources;

public sealed class IngestSourcesTests : IDisposable
{
    private readonly TempDirectory _folder = new("vi-sources");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_folder_gives_its_files_including_those_in_subfolders()
    {
        Touch("a.jpg", Path.Combine("2019", "b.jpg"), Path.Combine("2019", "rear", "c.jpg"));

        var items = IngestSources.Expand([_folder.Path]).ToList();

        Assert.Equal(
            [_folder.Combine("2019", "b.jpg"), _folder.Combine("2019", "rear", "c.jpg"), _folder.Combine("a.jpg")],
            items.Select(item => item.Location));
    }

    [Fact]
    public void A_folders_files_come_in_ordinal_order()
    {
        Touch("b.jpg", "B.jpg", "a.jpg", "A.jpg", "_x.jpg", "10.jpg", "9.jpg");

        var items = IngestSources.Expand([_folder.Path]).ToList();

        Assert.Equal(
            ["10.jpg", "9.jpg", "A.jpg", "B.jpg", "_x.jpg", "a.jpg", "b.jpg"],
            items.Select(item => Path.GetFileName(item.Location)));
    }

    [Fact]
    public void A_folders_hidden_files_are_skipped()
    {
        Touch("a.jpg", ".DS_Store", Path.Combine("sub", ".b.jpg"));

        var items = IngestSources.Expand([_folder.Path]).ToList();

        Assert.Equal([_folder.Combine("a.jpg")], items.Select(item => item.Location));
    }

    [Fact]
    public void A_folders_hidden_subfolders_are_skipped()
    {
        Touch("a.jpg", Path.Combine(".thumbnails", "a.jpg"));

        var items = IngestSources.Expand([_folder.Path]).ToList();

        Assert.Equal([_folder.Combine("a.jpg")], items.Select(item => item.Location));
    }

    [Fact]
    public void A_folders_files_come_without_labels()
    {
        Touch("a.jpg");

        var item = Assert.Single(IngestSources.Expand([_folder.Path]));

        Assert.Equal(RawLabels.None, item.Labels);
    }

    [Fact]
    public void A_folder_given_as_a_relative_path_gives_absolute_locations()
    {
        Touch("a.jpg");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, _folder.Path);

        var item = Assert.Single(IngestSources.Expand([relative]));

        Assert.Equal(_folder.Combine("a.jpg"), item.Location);
    }

    [Fact]
    public void A_manifest_gives_its_rows()
    {
        var manifest = _folder.Combine("manifest.csv");
        File.WriteAllText(manifest, "file,make\na.jpg,Jaguar\nb.jpg,Ford\n");

        var items = IngestSources.Expand([manifest]).ToList();

        Assert.Equal(
            [new IngestItem("manifest.csv:2", _folder.Combine("a.jpg"), new RawLabels { Make = "Jaguar" }),
             new IngestItem("manifest.csv:3", _folder.Combine("b.jpg"), new RawLabels { Make = "Ford" })],
            items);
    }

    [Fact]
    public void A_json_lines_manifest_gives_its_rows()
    {
        var manifest = _folder.Combine("manifest.ndjson");
        File.WriteAllText(manifest, "{\"file\": \"a.jpg\", \"make\": \"Jaguar\"}\n");

        var item = Assert.Single(IngestSources.Expand([manifest]));

        Assert.Equal(new IngestItem("manifest.ndjson:1", _folder.Combine("a.jpg"), new RawLabels { Make = "Jaguar" }), item);
    }

    [Fact]
    public void A_file_gives_itself()
    {
        Touch("a.jpg");

        var item = Assert.Single(IngestSources.Expand([_folder.Combine("a.jpg")]));

        Assert.Equal(new IngestItem(_folder.Combine("a.jpg"), _folder.Combine("a.jpg"), RawLabels.None), item);
    }

    [Fact]
    public void A_path_that_does_not_exist_gives_one_item_for_ingest_to_reject()
    {
        var missing = _folder.Combine("missing.jpg");

        var item = Assert.Single(IngestSources.Expand([missing]));

        Assert.Equal(new IngestItem(missing, missing, RawLabels.None), item);
    }

    [Fact]
    public void A_manifest_path_that_does_not_exist_gives_one_item_for_ingest_to_reject()
    {
        var missing = _folder.Combine("missing.csv");

        var item = Assert.Single(IngestSources.Expand([missing]));

        Assert.Equal(missing, item.Location);
    }

    [Fact]
    public void A_relative_file_path_is_resolved_against_the_current_directory()
    {
        var item = Assert.Single(IngestSources.Expand(["photos/a.jpg"]));

        Assert.Equal("photos/a.jpg", item.Origin);
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "photos", "a.jpg"), item.Location);
    }

    [Fact]
    public void A_url_stays_a_url()
    {
        var item = Assert.Single(IngestSources.Expand(["https://images.example.com/a.jpg"]));

        Assert.Equal("https://images.example.com/a.jpg", item.Location);
    }

    [Fact]
    public void Several_paths_expand_in_the_order_given()
    {
        Touch(Path.Combine("z", "1.jpg"), "a.jpg");

        var items = IngestSources.Expand([_folder.Combine("z"), _folder.Combine("a.jpg")]).ToList();

        Assert.Equal([_folder.Combine("z", "1.jpg"), _folder.Combine("a.jpg")], items.Select(item => item.Location));
    }

    private void Touch(params string[] files)
    {
        foreach (var file in files)
        {
            var path = _folder.Combine(file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, [1]);
        }
    }
}
