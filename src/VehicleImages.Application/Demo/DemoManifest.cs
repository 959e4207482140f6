using System.Text;
using VehicleImages.Domain.Images;

namespace VehicleImages.Application.Demo;

/// <summary>Writes the demo library's manifest in the CSV form ingest reads: one row per picture, files relative to the manifest.</summary>
internal static class DemoManifest
{
    public const string License = "Public";
    public const string Attribution = "Vehicle Images demo (drawn)";
    public const string Source = "stock";

    private static readonly string[] Columns =
        ["file", "make", "model", "year", "trim", "body", "view", "color", "photo_type", "license", "attribution", "source", "context_link"];

    public static string Write(IEnumerable<DemoPicture> pictures)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append('\n');
        foreach (var picture in pictures)
        {
            var vehicle = picture.Vehicle;
            string[] row =
            [
                picture.FileName, vehicle.Make, vehicle.Model, vehicle.Year, vehicle.Trim, vehicle.Body,
                ViewNames.Name(picture.View), picture.Colour.Name, "exterior", License, Attribution, Source, "",
            ];
            csv.Append(string.Join(',', row.Select(Field))).Append('\n');
        }

        return csv.ToString();
    }

    // RFC 4180: quote a field that holds a comma, a quote or a line break, doubling any quote inside.
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
