using VehicleImages.Application.Ingest.Fetching;
using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Application.Quality;
using VehicleImages.Application.Vins;
using VehicleImages.Application.Vision;
using VehicleImages.Application.Renditions;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Domain.Vision;
using VehicleImages.Imaging;
using VehicleImages.Imaging.Vips;
using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Application.Ingest;

/// <summary>
/// Everything about one item that can run in parallel with other items: check labels, read bytes, decode once,
/// measure, see (when vision is on), render, and write the blobs. The blobs are written deferred: the committer flushes them all at once
/// before it commits their rows, so a crash never leaves a row without its blob.
/// </summary>
internal sealed class ItemProcessor(
    ICatalog catalog, IBlobStore blobs, ImageProcessor imaging, ContentFetcher fetcher, FingerprintSource fingerprints, VinDecoder vins, RawLabels defaults,
    VisionStage? vision)
{
    public async Task<ItemOutcome> ProcessAsync(IngestItem item, CancellationToken cancellationToken)
    {
        // The row's own labels first, then what its VIN says, then the command line's defaults.
        var (fromVin, vinRejection, warning) = await VinLabels.ApplyAsync(item.Labels, vins, cancellationToken);
        if (vinRejection is not null)
        {
            return new ItemOutcome.Rejected(item, vinRejection);
        }

        if (!LabelResolver.TryResolve(fromVin.WithDefaults(defaults), out var labels, out var labelRejection))
        {
            return new ItemOutcome.Rejected(item, labelRejection);
        }

        var (bytes, fetchRejection) = await fetcher.FetchAsync(item.Location, cancellationToken);
        if (bytes is null)
        {
            return new ItemOutcome.Rejected(item, fetchRejection!);
        }

        var hash = ContentHash.Of(bytes);
        if (await catalog.ContainsAsync(hash, cancellationToken))
        {
            return new ItemOutcome.Duplicate(item);
        }

        ImageHeader header;
        StandardRenditionSet rendered;
        try
        {
            var decoded = imaging.Decode(bytes, StandardRenditions.DecodeEdge);
            header = decoded.Header;
            rendered = StandardRenditions.Render(imaging, bytes, decoded);
        }
        catch (ImageRejectedException e)
        {
            return new ItemOutcome.Rejected(item, new IngestRejection(ReasonName(e.Reason), e.Message));
        }
        catch (VipsException e)
        {
            // The image passed every check but libvips still failed: refuse this one and keep the batch going.
            return new ItemOutcome.Rejected(item, new IngestRejection("processing_failed", e.Message));
        }

        var (renditions, measurements) = (rendered.Renditions, rendered.Measurements);
        VisionPrediction? prediction = null;
        try
        {
            prediction = vision?.See(rendered.Detail);
        }
        catch (VisionFailedException e)
        {
            warning ??= new IngestRejection("vision_failed", e.Message);
        }

        await PutIfAbsentAsync(BlobKeys.Original(hash), bytes, cancellationToken);
        foreach (var (spec, image) in renditions)
        {
            await PutIfAbsentAsync(BlobKeys.Rendition(hash, spec), image.Bytes, cancellationToken);
        }

        var stored = renditions.Select(r => new StoredRendition(r.Spec, r.Image.Width, r.Image.Height, r.Image.Bytes.LongLength)).ToList();
        var smallest = FingerprintSource.Smallest(stored)!;
        var fingerprint = fingerprints.Of(renditions.First(r => r.Spec == smallest.Spec).Image.Bytes);
        return new ItemOutcome.Stored(item, labels, hash, bytes.LongLength, header, measurements, stored, fingerprint, warning, prediction);
    }

    // Keys are content-derived, so an existing blob of the same length is this blob: a resumed run skips the write.
    // A deferred write that a power cut lost or emptied has the wrong length, so it is written again.
    private async Task PutIfAbsentAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        if (await blobs.StatAsync(key, cancellationToken) is { } existing && existing.Length == content.LongLength)
        {
            return;
        }

        await blobs.PutAsync(key, content, Durability.Deferred, cancellationToken);
    }

    private static string ReasonName(RejectionReason reason) => reason switch
    {
        RejectionReason.Empty => "empty_file",
        RejectionReason.TooManyBytes => "too_many_bytes",
        RejectionReason.NotAnImage => "not_an_image",
        RejectionReason.UnsupportedFormat => "unsupported_format",
        RejectionReason.TooManyPixels => "too_many_pixels",
        RejectionReason.TooManyPages => "too_many_pages",
        RejectionReason.TooManyScans => "too_many_scans",
        RejectionReason.Corrupt => "corrupt_image",
        _ => "rejected",
    };
}
