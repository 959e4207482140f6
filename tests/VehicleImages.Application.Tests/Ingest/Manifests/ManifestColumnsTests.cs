using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Application.Ingest.Manifests;

namespace VehicleImages.Application.Tests.Ingest.Manifests;

public sealed class ManifestColumnsTests
{
    [Theory]
    [InlineData("file")]
    [InlineData("path")]
    [InlineData("url")]
    [InlineData("image")]
    [InlineData("URL")]
    [InlineData("Image")]
    public void The_file_column_may_be_called_file_path_url_or_image(string column)
    {
        var (file, _) = ManifestColumns.Read(Fields((column, "a.jpg")));

        Assert.Equal("a.jpg", file);
    }

    [Theory]
    [InlineData("make", nameof(RawLabels.Make))]
    [InlineData("Manufacturer", nameof(RawLabels.Make))]
    [InlineData("model", nameof(RawLabels.Model))]
    [InlineData("Model Range", nameof(RawLabels.Model))]
    [InlineData("year", nameof(RawLabels.Year))]
    [InlineData("model_year", nameof(RawLabels.Year))]
    [InlineData("Years", nameof(RawLabels.Year))]
    [InlineData("trim", nameof(RawLabels.Trim))]
    [InlineData("Derivative", nameof(RawLabels.Trim))]
    [InlineData("body", nameof(RawLabels.Body))]
    [InlineData("Body Type", nameof(RawLabels.Body))]
    [InlineData("view", nameof(RawLabels.View))]
    [InlineData("angle", nameof(RawLabels.View))]
    [InlineData("colour", nameof(RawLabels.Colour))]
    [InlineData("color", nameof(RawLabels.Colour))]
    [InlineData("photoType", nameof(RawLabels.PhotoType))]
    [InlineData("Photo Type", nameof(RawLabels.PhotoType))]
    [InlineData("photo_type", nameof(RawLabels.PhotoType))]
    [InlineData("license", nameof(RawLabels.License))]
    [InlineData("licence", nameof(RawLabels.License))]
    [InlineData("contextLink", nameof(RawLabels.ContextLink))]
    [InlineData("context_link", nameof(RawLabels.ContextLink))]
    [InlineData("page", nameof(RawLabels.ContextLink))]
    [InlineData("attribution", nameof(RawLabels.Attribution))]
    [InlineData("credit", nameof(RawLabels.Attribution))]
    [InlineData("source", nameof(RawLabels.Source))]
    [InlineData("VIN", nameof(RawLabels.Vin))]
    [InlineData("sequence", nameof(RawLabels.Sequence))]
    [InlineData("position", nameof(RawLabels.Sequence))]
    [InlineData("registration", nameof(RawLabels.Registration))]
    [InlineData("vrm", nameof(RawLabels.Registration))]
    [InlineData("Registration Mark", nameof(RawLabels.Registration))]
    [InlineData("datePublished", nameof(RawLabels.DatePublished))]
    [InlineData("Date Published", nameof(RawLabels.DatePublished))]
    [InlineData("published", nameof(RawLabels.DatePublished))]
    public void Each_column_spelling_reads_into_its_label(string column, string label)
    {
        var (_, labels) = ManifestColumns.Read(Fields((column, "value")));

        var expected = new RawLabels();
        typeof(RawLabels).GetProperty(label)!.SetValue(expected, "value");
        Assert.Equal(expected, labels);
    }

    [Fact]
    public void Unknown_columns_are_ignored()
    {
        var (file, labels) = ManifestColumns.Read(Fields(("file", "a.jpg"), ("make", "Jaguar"), ("price", "£30,000"), ("notes", "scratched")));

        Assert.Equal("a.jpg", file);
        Assert.Equal(new RawLabels { Make = "Jaguar" }, labels);
    }

    [Fact]
    public void Values_are_trimmed()
    {
        var (file, labels) = ManifestColumns.Read(Fields(("file", "  a.jpg "), ("make", " Jaguar\t")));

        Assert.Equal("a.jpg", file);
        Assert.Equal("Jaguar", labels.Make);
    }

    [Fact]
    public void Blank_values_are_not_given()
    {
        var (_, labels) = ManifestColumns.Read(Fields(("make", "Jaguar"), ("year", ""), ("colour", "   ")));

        Assert.Null(labels.Year);
        Assert.Null(labels.Colour);
    }

    [Fact]
    public void A_blank_alias_does_not_hide_a_filled_one()
    {
        var (_, labels) = ManifestColumns.Read(Fields(("colour", ""), ("color", "Red")));

        Assert.Equal("Red", labels.Colour);
    }

    [Fact]
    public void A_record_without_a_file_column_has_no_file()
    {
        var (file, _) = ManifestColumns.Read(Fields(("make", "Jaguar")));

        Assert.Null(file);
    }

    [Fact]
    public void A_record_with_a_blank_file_has_no_file()
    {
        var (file, _) = ManifestColumns.Read(Fields(("file", " "), ("make", "Jaguar")));

        Assert.Null(file);
    }

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(field => field.Name, field => field.Value, StringComparer.OrdinalIgnoreCase);
}
