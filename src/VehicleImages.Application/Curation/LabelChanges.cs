using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Text;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Application.Curation;

/// <summary>
/// Turns a curator's edit into the image and configuration to store, or a problem that says which value is wrong.
/// Pure: what it returns is exactly what the curator writes.
/// </summary>
internal static class LabelChanges
{
    public static bool TryApply(ImageMatch current, LabelEdit edit, out ImageMatch edited, out string problem)
    {
        var (image, configuration) = (current.Image, current.Configuration);
        edited = current;
        problem = "";

        if (edit.View is { } viewName)
        {
            if (!ViewNames.TryParse(viewName, out var view))
            {
                problem = $"'{viewName}' is not a view; use one of {string.Join(", ", Enum.GetValues<View>().Select(ViewNames.Name).Distinct())}.";
                return false;
            }

            image = CuratedLabels.WithView(image, view);
        }

        if (edit.Colour is { } colourName)
        {
            var colour = GenericColours.FromName(colourName);
            if (colourName.Trim().Length > 0 && colour is null)
            {
                problem = $"'{colourName}' names no known colour; use a generic colour ({string.Join(", ", Enum.GetValues<GenericColour>())}) or an OEM name that contains one.";
                return false;
            }

            image = CuratedLabels.WithColour(image, colourName.Trim().Length > 0 ? colourName.Trim() : null, colour);
        }

        if (edit.Licence is { } licenceName)
        {
            License? licence = null;
            if (licenceName.Trim().Length > 0)
            {
                if (!EnumNames.TryParse<License>(licenceName, out var parsed))
                {
                    problem = $"'{licenceName}' is not a licence class; use one of {string.Join(", ", Enum.GetNames<License>())}, or nothing for unknown.";
                    return false;
                }

                licence = parsed;
            }

            // The note was the licence text as ingested; the curator's class replaces it.
            image = image with { License = licence, LicenseNote = null };
        }

        if (edit.Accept is { } accept)
        {
            // Two values for one field in one edit: which the curator meant cannot be guessed.
            if (Covers(accept, edit))
            {
                problem = "Give a view or colour, or accept the prediction of it, not both.";
                return false;
            }

            if (!Predictions.TryAccept(image, accept, out image, out problem))
            {
                return false;
            }
        }

        if (edit.Verdict is { } verdict)
        {
            var good = verdict.Trim().ToLowerInvariant() switch
            {
                "good" => true,
                "bad" => false,
                _ => (bool?)null,
            };
            if (good is null)
            {
                problem = $"'{verdict}' is not a verdict; use good or bad.";
                return false;
            }

            image = CuratedLabels.WithVerdict(image, good.Value);
        }

        if (edit.Trim is { } trim)
        {
            configuration = new VehicleConfiguration(configuration.Make, configuration.Model, trim, configuration.Body, configuration.Years);
            image = image with { ConfigurationId = configuration.Id };
        }

        edited = new ImageMatch(image, configuration);
        return true;
    }

    // The view also decides the photo type, so accepting a photo type contradicts a view given beside it.
    private static bool Covers(string accept, LabelEdit edit) => accept.Trim().ToLowerInvariant() switch
    {
        Predictions.All => edit.View is not null || edit.Colour is not null,
        Predictions.View or Predictions.PhotoType => edit.View is not null,
        Predictions.Colour => edit.Colour is not null,
        _ => false,
    };
}
