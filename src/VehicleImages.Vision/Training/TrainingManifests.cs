using System.Text.RegularExpressions;
using VehicleImages.Application.Ingest.Manifests;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vision;

namespace VehicleImages.Vision.Training;

/// <summary>
/// Reads labelled photos from CSV manifests in the corpus's layout (file, expect, photo_type, angle, view,
/// view_alt, color, mask, make/model/year). A manifest with no image columns beyond <c>file</c> and labels (such as
/// <c>stanford_views.csv</c>) is an overlay: its labels are added to the photos other manifests list under the same
/// file name. Files are relative to their manifest's folder.
/// </summary>
public static partial class TrainingManifests
{
    private static readonly string[] VehicleColumns = ["make", "model", "year"];

    public static IReadOnlyList<LabelledPhoto> Read(IEnumerable<string> manifests)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var photos = new List<LabelledPhoto>();
        var byFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var overlays = new List<IReadOnlyDictionary<string, string>>();
        foreach (var manifest in manifests)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(manifest))!;
            using var reader = new StreamReader(manifest);
            foreach (var (_, fields) in CsvTable.Read(reader))
            {
                var file = fields.GetValueOrDefault("file")?.Trim();
                if (string.IsNullOrEmpty(file))
                {
                    continue;
                }

                if (IsOverlay(fields))
                {
                    overlays.Add(fields);
                    continue;
                }

                byFile[file] = photos.Count;
                photos.Add(Photo(folder, file, fields));
            }
        }

        foreach (var overlay in overlays)
        {
            if (byFile.TryGetValue(overlay["file"].Trim(), out var index) && Views(overlay) is { } views)
            {
                photos[index] = photos[index] with { Views = views };
            }
        }

        return photos;
    }

    private static bool IsOverlay(IReadOnlyDictionary<string, string> fields) =>
        !fields.ContainsKey("expect") && !fields.ContainsKey("content") && !fields.ContainsKey("make");

    private static LabelledPhoto Photo(string folder, string file, IReadOnlyDictionary<string, string> fields)
    {
        var mask = Value(fields, "mask");
        return new LabelledPhoto(
            Source: Path.Combine(folder, file),
            Group: Group(file, fields),
            Domain: file.Contains('/', StringComparison.Ordinal) ? file[..file.IndexOf('/', StringComparison.Ordinal)] : Path.GetFileName(folder),
            Content: Content(fields),
            Views: Views(fields),
            Angle: Value(fields, "angle"),
            Colour: GenericColours.FromName(Value(fields, "color") ?? Value(fields, "colour")),
            Mask: mask is null ? null : Path.Combine(folder, mask));
    }

    /// <summary>
    /// An explicit group, else the VIN, else the make, model and year when all are known (web photos of one model
    /// year may show one car), else the file itself; shots named like a turntable sequence (<c>car_01</c>,
    /// <c>car_02</c>, <c>car_01_cutout</c>…) group by the name before the number.
    /// </summary>
    private static string Group(string file, IReadOnlyDictionary<string, string> fields)
    {
        if (Value(fields, "group") is { } group)
        {
            return group;
        }

        if (Value(fields, "vin") is { } vin)
        {
            return "vin:" + vin.ToUpperInvariant();
        }

        var stem = Path.GetFileNameWithoutExtension(file);
        if (SequenceShot().Match(stem) is { Success: true } shot)
        {
            return "car:" + shot.Groups["car"].Value;
        }

        var vehicle = VehicleColumns.Select(column => Value(fields, column)?.ToUpperInvariant()).ToList();
        return vehicle.All(value => value is not null) ? "vehicle:" + string.Join('|', vehicle) : "file:" + file;
    }

    private static ContentClass? Content(IReadOnlyDictionary<string, string> fields)
    {
        if (ContentClasses.TryParse(Value(fields, "content"), out var named))
        {
            return named;
        }

        var expect = Value(fields, "expect")?.ToLowerInvariant();
        return expect switch
        {
            null => null,
            "good" or "good_transparent" => Value(fields, "photo_type")?.ToLowerInvariant() switch
            {
                "interior" => ContentClass.Interior,
                "engine" => ContentClass.Engine,
                _ => ContentClass.Exterior,
            },
            "interior" => ContentClass.Interior,
            "engine" => ContentClass.Engine,
            "bad_not_vehicle_photo" or "bad_parts" => ContentClass.Part,
            "bad_no_vehicle" => ContentClass.NoVehicle,
            // Icons and logos are drawings; that they are also too small is the quality check's business.
            "bad_render" or "bad_too_small_icon" => ContentClass.Render,
            "bad_toy" => ContentClass.Toy,
            "bad_screenshot" => ContentClass.Screenshot,
            _ => null,
        };
    }

    private static List<View>? Views(IReadOnlyDictionary<string, string> fields)
    {
        if (Value(fields, "confident") is "no")
        {
            return null;
        }

        var views = new[] { Value(fields, "view"), Value(fields, "view_alt") }
            .Select(name => ViewNames.TryParse(name, out var view) ? view : View.Unknown)
            .Where(view => ViewRing.Clockwise.Contains(view))
            .Distinct()
            .ToList();
        return views.Count > 0 ? views : null;
    }

    private static string? Value(IReadOnlyDictionary<string, string> fields, string column) =>
        fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    [GeneratedRegex(@"^(?<car>[0-9a-z]+)_\d{2}(_[a-z]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SequenceShot();
}
