using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vision;

namespace VehicleImages.Application.Curation;

/// <summary>
/// A curator accepting what the vision stage saw: the stored prediction of a field becomes its label, as the
/// curator's decision. The field names are those of <see cref="LabelEdit.Accept"/>.
/// </summary>
public static class Predictions
{
    public const string View = "view";
    public const string Colour = "colour";
    public const string PhotoType = "photo_type";
    public const string All = "all";

    /// <summary>The fields a prediction can fill, in the order "all" accepts them: the view first, since the photo type must agree with it.</summary>
    public static IReadOnlyList<string> Fields { get; } = [View, PhotoType, Colour];

    /// <summary>The fields whose prediction differs from the label, which accepting would change: a disagreement or a gap.</summary>
    public static IReadOnlyList<string> Differing(VehicleImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Vision is not { } seen ? [] : [.. Fields.Where(field => Offered(seen, field) && Differs(image, seen, field))];
    }

    /// <summary>Accepts one field, or all the prediction gives; false with a problem when there is nothing to accept.</summary>
    internal static bool TryAccept(VehicleImage image, string field, out VehicleImage accepted, out string problem)
    {
        accepted = image;
        problem = "";
        var name = field.Trim().ToLowerInvariant();
        if (name != All && !Fields.Contains(name))
        {
            problem = $"'{field}' is not a field to accept; use {string.Join(", ", Fields)} or {All}.";
            return false;
        }

        if (image.Vision is not { } seen)
        {
            problem = $"Image {image.Id} has no prediction to accept: the vision stage has not seen it.";
            return false;
        }

        List<string> fields = name == All ? [.. Fields.Where(f => Offered(seen, f))] : [name];
        var missing = fields.Count == 0 ? All : fields.FirstOrDefault(f => !Offered(seen, f));
        if (missing is not null)
        {
            problem = Unoffered(seen, missing);
            return false;
        }

        accepted = fields.Aggregate(image, (labelled, f) => Accepted(labelled, seen, f));
        return true;
    }

    /// <summary>Whether the prediction gives a value for the field.</summary>
    private static bool Offered(VisionPrediction seen, string field) => field switch
    {
        View => seen.View != Domain.Images.View.Unknown,
        PhotoType => seen.Content.PhotoType() is not null,
        _ => seen.Colour is not null,
    };

    private static bool Differs(VehicleImage image, VisionPrediction seen, string field) => field switch
    {
        View => seen.View != image.View,
        PhotoType => seen.Content.PhotoType() != image.PhotoType,
        _ => seen.Colour != image.Colour,
    };

    private static VehicleImage Accepted(VehicleImage image, VisionPrediction seen, string field) => field switch
    {
        View => CuratedLabels.WithView(image, seen.View),
        PhotoType => CuratedLabels.WithPhotoType(image, seen.Content.PhotoType()!.Value, seen.View),

        // The OEM name was the source's; the measured colour is generic.
        _ => CuratedLabels.WithColour(image, null, seen.Colour),
    };

    private static string Unoffered(VisionPrediction seen, string field) => field switch
    {
        View => "The prediction names no view for this image.",
        PhotoType => $"The prediction's content class is {seen.Content.Name()}, not a vehicle photo, so it gives no photo type.",
        Colour => "The prediction measured no body colour on this image.",
        _ => $"The prediction gives no view, photo type or colour for this image (its content class is {seen.Content.Name()}).",
    };
}
