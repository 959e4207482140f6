using VehicleImages.Application.Media;
using VehicleImages.Application.Admin;
using VehicleImages.Application.Audit;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Search;
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

        if (!LabelChanges.TryApply(current, edit, out var edited, out var problem))
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
}
