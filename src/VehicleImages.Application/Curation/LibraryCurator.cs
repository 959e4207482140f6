using VehicleImages.Application.Media;
using VehicleImages.Application.Admin;
using VehicleImages.Application.Audit;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Text;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Catalog;
using VehicleImages.Storage.Curation;

namespace VehicleImages.Application.Curation;

/// <summary>How an edit went.</summary>
public enum EditStatus
{
    Edited,
    NotFound,

    /// <summary>A value does not parse; the problem says which.</summary>
    Invalid,

    /// <summary>Someone else changed the image between reading and writing it.</summary>
    Conflict,
}

/// <summary>The outcome of an edit: the image as it now is when edited, else a problem for the curator.</summary>
public sealed record EditResult(EditStatus Status, ImageMatch? Image = null, string Problem = "");

/// <summary>An image removed from the library, and the error that kept some of its blobs, if one did.</summary>
public sealed record RemovedImage(VehicleImage Image, Exception? BlobFailure);

/// <summary>
/// What curators do to images: relabel, judge good or bad, delete. Every change is written through the curation
/// store, which every API reads from directly (the media endpoint's moment of memory is told of deletes here; the
/// remembered /images answers are forgotten by the store itself, see ChangeSignallingCuration), so it shows in every
/// family's next answer; and every change is recorded in the audit log with its actor.
/// </summary>
public sealed class LibraryCurator(ICatalog catalog, ICatalogCuration curation, IBlobStore blobs, AuditTrail audit, MediaImages media)
{
    public async Task<ImageMatch?> FindAsync(ImageId id, CancellationToken cancellationToken)
    {
        var image = await catalog.FindImageAsync(id, cancellationToken);
        var configuration = image is null ? null : await catalog.FindConfigurationAsync(image.ConfigurationId, cancellationToken);
        return configuration is null ? null : new ImageMatch(image!, configuration);
    }

    public async Task<EditResult> EditAsync(ImageId id, LabelEdit edit, AdminActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (await FindAsync(id, cancellationToken) is not { } current)
        {
            return new EditResult(EditStatus.NotFound, Problem: $"No image with ID {id}.");
        }

        if (!TryApply(current, edit, out var edited, out var problem))
        {
            return new EditResult(EditStatus.Invalid, Problem: problem);
        }

        if (edited == current)
        {
            return new EditResult(EditStatus.Edited, current);
        }

        if (!await curation.ReplaceLabelsAsync(current.Image, new CatalogEntry(edited.Configuration, edited.Image), cancellationToken))
        {
            return new EditResult(EditStatus.Conflict, Problem: $"Image {id} was changed or deleted by someone else meanwhile; reload it and edit again.");
        }

        await audit.RecordAsync(actor, "image.relabel", Subject(id), LabelSnapshot.Of(current), LabelSnapshot.Of(edited), cancellationToken);
        return new EditResult(EditStatus.Edited, edited);
    }

    /// <summary>
    /// Removes the catalog row first, then the blobs: a crash in between leaves unreachable blobs, never a row
    /// whose blob is gone. Null when there is no such image.
    /// </summary>
    public async Task<RemovedImage?> DeleteAsync(ImageId id, AdminActor actor, CancellationToken cancellationToken)
    {
        var current = await FindAsync(id, cancellationToken);
        var removed = await curation.RemoveAsync(id, cancellationToken);
        if (removed is null)
        {
            return null;
        }

        media.Forget(id);
        var before = current is null ? null : LabelSnapshot.Of(current);
        await audit.RecordAsync(actor, "image.delete", Subject(id), before, null, cancellationToken);
        try
        {
            foreach (var key in ImageBlobs.KeysOf(removed))
            {
                await blobs.DeleteAsync(key, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The image is gone from every API already; blobs left behind are unreachable and only cost space.
            return new RemovedImage(removed, e);
        }

        return new RemovedImage(removed, null);
    }

    public static string Subject(ImageId id) => $"image:{id}";

    private static bool TryApply(ImageMatch current, LabelEdit edit, out ImageMatch edited, out string problem)
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

            // The photo type follows the view, as at ingest; an unknown view says nothing about it.
            image = image with { View = view, PhotoType = view == View.Unknown ? image.PhotoType : ViewNames.PhotoTypeOf(view) };
        }

        if (edit.Colour is { } colourName)
        {
            var colour = GenericColours.FromName(colourName);
            if (colourName.Trim().Length > 0 && colour is null)
            {
                problem = $"'{colourName}' names no known colour; use a generic colour ({string.Join(", ", Enum.GetValues<GenericColour>())}) or an OEM name that contains one.";
                return false;
            }

            image = image with { ColourName = colourName.Trim().Length > 0 ? colourName.Trim() : null, Colour = colour };
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

        if (edit.Verdict is { } verdict)
        {
            QualityVerdict? judged = verdict.Trim().ToLowerInvariant() switch
            {
                "good" => QualityVerdict.Good,
                "bad" => image.Quality with { Issues = image.Quality.Issues | QualityIssues.MarkedBad },
                _ => null,
            };
            if (judged is null)
            {
                problem = $"'{verdict}' is not a verdict; use good or bad.";
                return false;
            }

            image = image with { Quality = judged };
        }

        if (edit.Trim is { } trim)
        {
            configuration = new VehicleConfiguration(configuration.Make, configuration.Model, trim, configuration.Body, configuration.Years);
            image = image with { ConfigurationId = configuration.Id };
        }

        edited = new ImageMatch(image, configuration);
        return true;
    }
}
