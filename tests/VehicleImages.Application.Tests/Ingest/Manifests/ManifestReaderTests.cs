using VehicleImages.Application.Ingest;
using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Application.Ingest.Manifests;

namespace VehicleImages.Application.Tests.Ingest.Manifests;

public sealed class ManifestReaderTests : IDisposable
{
    private readonly TempDirectory _folder = new("vi-manifest");

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("manifest.csv")]
    [InlineData("manifest.jsonl")]
    [InlineData("manifest.ndjson")]
    [InlineData("MANIFEST.CSV")]
    [InlineData("Manifest.JsonL")]
    public void Csv_and_json_lines_files_are_manifests(string name)
    {
        Assert.True(ManifestReader.IsManifest(name));
    }

    [Theory]
    [InlineData("photo.jpg")]
    [InlineData("manifest.json")]
    [InlineData("manifest.tsv")]
    [InlineData("manifest")]
    public void Other_files_are_not_manifests(string name)
    {
        Assert.False(ManifestReader.IsManifest(name));
    }

    [Fact]
    public void A_csv_manifest_gives_one_item_per_row_in_file_order()
    {
        var manifest = Write("manifest.csv", "file,make,model\na.jpg,Jaguar,F-PACE\nb.jpg,Ford,Focus\nc.jpg,Kia,Ceed\n");

        var items = ManifestReader.Read(manifest).ToList();

        Assert.Equal(["Jaguar", "Ford", "Kia"], items.Select(item => item.Labels.Make));
    }

    [Fact]
    public void A_csv_row_carries_its_labels()
    {
        var manifest = Write("manifest.csv", "file,make,model,year,angle\na.jpg,Jaguar,F-PACE,2019,front_left\n");

        var item = Assert.Single(ManifestReader.Read(manifest));

        Assert.Equal(new RawLabels { Make = "Jaguar", Model = "F-PACE", Year = "2019", View = "front_left" }, item.Labels);
    }

    [Fact]
    public void The_origin_of_a_csv_row_is_the_manifest_name_and_line()
    {
        var manifest = Write("cars.csv", "file,make\n\na.jpg,Jaguar\nb.jpg,Ford\n");

        var items = ManifestReader.Read(manifest).ToList();

        Assert.Equal(["cars.csv:3", "cars.csv:4"], items.Select(item => item.Origin));
    }

    [Fact]
    public void The_origin_of_a_multi_line_csv_row_is_its_first_line()
    {
        var manifest = Write("cars.csv", "file,attribution\na.jpg,\"Jane\nDoe\"\nb.jpg,John\n");

        var items = ManifestReader.Read(manifest).ToList();

        Assert.Equal(["cars.csv:2", "cars.csv:4"], items.Select(item => item.Origin));
    }

    [Fact]
    public void A_relative_path_is_resolved_against_the_manifests_folder()
    {
        var manifest = Write("manifest.csv", "file\nimages/a.jpg\n");

        var item = Assert.Single(ManifestReader.Read(manifest));

        Assert.Equal(_folder.Combine("images", "a.jpg"), item.Location);
    }

    [Fact]
    public void A_relative_path_may_climb_out_of_the_manifests_folder()
    {
        var manifest = Write(Path.Combine("lists", "manifest.csv"), "file\n../images/a.jpg\n");

        var item = Assert.Single(ManifestReader.Read(manifest));

        Assert.Equal(_folder.Combine("images", "a.jpg"), item.Location);
    }

    [Fact]
    public void A_relative_manifest_path_still_gives_absolute_locations()
    {
        var manifest = Write("manifest.csv", "file\na.jpg\n");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, manifest);

        var item = Assert.Single(ManifestReader.Read(relative));

        Assert.True(Path.IsPathFullyQualified(item.Location), item.Location);
        Assert.Equal(_folder.Combine("a.jpg"), item.Location);
    }

    [Fact]
    public void An_absolute_path_is_kept()
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), "elsewhere", "a.jpg");
        var manifest = Write("manifest.csv", $"file\n{elsewhere}\n");

        var item = Assert.Single(ManifestReader.Read(manifest));

        Assert.Equal(elsewhere, item.Location);
    }

    [Theory]
    [InlineData("https://images.example.com/cars/a.jpg")]
    [InlineData("http://images.example.com/cars/a.jpg?w=1920&q=80")]
    public void An_http_url_stays_a_url(string url)
    {
        var manifest = Write("manifest.csv", $"url\n{url}\n");

        var item = Assert.Single(ManifestReader.Read(manifest));

        Assert.Equal(url, item.Location);
    }

    [Fact]
    public void A_row_without_a_file_gives_an_item_with_no_location()
    {
        var manifest = Write("manifest.csv", "file,make\n,Jaguar\n");

        var item = Assert.Single(ManifestReader.Read(manifest));

        Assert.Equal("", item.Location);
        Assert.Equal("manifest.csv:2", item.Origin);
    }

    [Fact]
    public void Unknown_csv_columns_are_ignored()
    {
        var manifest = Write("manifest.csv", "file,price,make,mileage\na.jpg,\"30,000\",Jaguar,12000\n");

        var item = Assert.Single(ManifestReader.Read(manifest));

        Assert.Equal(new RawLabels { Make = "Jaguar" }, item.Labels);
    }

    [Fact]
    public void Csv_column_aliases_read_into_labels()
    {
        var manifest = Write(
            "manifest.csv",
            "Image,Manufacturer,Model,Color,View,Photo Type,Licence,VRM\na.jpg,Jaguar,F-PACE,Red,interior,Interior,CC-BY-2.0,ab12 cde\n");

        var item = Assert.Single(ManifestReader.Read(manifest));

        Assert.Equal(_folder.Combine("a.jpg"), item.Location);
        Assert.Equal(
            new RawLabels
            {
                Make = "Jaguar", Model = "F-PACE", Colour = "Red", View = "interior", PhotoType = "Interior", License = "CC-BY-2.0", Registration = "ab12 cde",
            },
            item.Labels);
    }

    [Theory]
    [InlineData("manifest.jsonl")]
    [InlineData("manifest.ndjson")]
    public void A_json_lines_manifest_gives_one_item_per_object(string name)
    {
        var manifest = Write(name, """
            {"file": "a.jpg", "make": "Jaguar", "model": "F-PACE"}
            {"file": "b.jpg", "make": "Ford", "model": "Focus"}
            """);

        var items = ManifestReader.Read(manifest).ToList();

        Assert.Equal([_folder.Combine("a.jpg"), _folder.Combine("b.jpg")], items.Select(item => item.Location));
        Assert.Equal(["F-PACE", "Focus"], items.Select(item => item.Labels.Model));
    }

    [Fact]
    public void The_origin_of_a_json_line_is_the_manifest_name_and_line()
    {
        var manifest = Write("cars.jsonl", "{\"file\": \"a.jpg\"}\n\n{\"file\": \"b.jpg\"}\n");

        var items = ManifestReader.Read(manifest).ToList();

        Assert.Equal(["cars.jsonl:1", "cars.jsonl:3"], items.Select(item => item.Origin));
    }

    [Fact]
    public void Json_numbers_become_text()
    {
        var manifest = Write("manifest.jsonl", """{"file": "a.jpg", "year": 2019, "sequence": 3}""");

        var item = Assert.Single(ManifestReader.Read(manifest));

        Assert.Equal("2019", item.Labels.Year);
        Assert.Equal("3", item.Labels.Sequence);
    }

    [Fact]
    public void Json_nulls_are_not_given()
    {
        var manifest = Write("manifest.jsonl", """{"file": "a.jpg", "make": "Jaguar", "colour": null}""");

        var item = Assert.Single(ManifestReader.Read(manifest));

        Assert.Null(item.Labels.Colour);
    }

    [Fact]
    public void Json_property_names_use_the_same_aliases_as_csv_columns()
    {
        var manifest = Write("manifest.jsonl", """{"url": "https://example.com/a.jpg", "Photo Type": "exterior", "angle": "rear", "licence": "Public", "colour": "Blue"}""");

        var item = Assert.Single(ManifestReader.Read(manifest));

        Assert.Equal("https://example.com/a.jpg", item.Location);
        Assert.Equal(new RawLabels { PhotoType = "exterior", View = "rear", License = "Public", Colour = "Blue" }, item.Labels);
    }

    [Fact]
    public void A_json_line_that_is_not_valid_json_gives_an_item_with_no_location_and_its_line()
    {
        var manifest = Write("cars.jsonl", "{\"file\": \"a.jpg\"}\n{\"file\": \"b.jpg\"}\n{\"file\": \"c.jpg\",\n{\"file\": \"d.jpg\"}\n");

        var items = ManifestReader.Read(manifest).ToList();

        Assert.Equal(4, items.Count);
        Assert.Equal("", items[2].Location);
        Assert.Equal("cars.jsonl:3", items[2].Origin);
        Assert.Equal(_folder.Combine("d.jpg"), items[3].Location);
    }

    [Theory]
    [InlineData("[\"a.jpg\"]")]
    [InlineData("\"a.jpg\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void A_json_line_that_is_not_an_object_gives_an_item_with_no_location_and_its_line(string line)
    {
        var manifest = Write("cars.jsonl", $"{{\"file\": \"a.jpg\"}}\n{line}\n");

        var items = ManifestReader.Read(manifest).ToList();

        Assert.Equal(new IngestItem("cars.jsonl:2", "", RawLabels.None), items[1]);
    }

    [Fact]
    public void A_file_url_becomes_its_local_path()
    {
        var manifest = Write("manifest.csv", "file,make,model\nfile:///tmp/a.jpg,Jaguar,F-PACE\n");

        Assert.Equal("/tmp/a.jpg", Assert.Single(ManifestReader.Read(manifest)).Location);
    }

    [Fact]
    public void A_path_with_a_nul_character_spoils_only_its_own_row()
    {
        var manifest = Write("manifest.jsonl", "{\"file\":\"a\\u0000b.jpg\",\"make\":\"Jaguar\"}\n{\"file\":\"c.jpg\",\"make\":\"Ford\"}\n");

        var items = ManifestReader.Read(manifest).ToList();

        Assert.Equal(2, items.Count);
        Assert.Equal(Path.Combine(_folder.Path, "c.jpg"), items[1].Location);
    }

    private string Write(string relative, string content)
    {
        var path = _folder.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
