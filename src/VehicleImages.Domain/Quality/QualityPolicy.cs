using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Quality;

/// <summary>What ingest measured of an image, in the units <see cref="QualityPolicy"/> judges.</summary>
/// <param name="Width">Displayed width of the original.</param>
/// <param name="Height">Displayed height of the original.</param>
/// <param name="Contrast">Standard deviation of luminance (0–128).</param>
/// <param name="Sharpness">Variance of the Laplacian of luminance at 512 pixels.</param>
/// <param name="OpaqueFraction">Share of pixels that are not fully transparent.</param>
public sealed record QualityMeasurements(int Width, int Height, double Contrast, double Sharpness, double OpaqueFraction);

/// <summary>
/// Turns measurements into a verdict. The thresholds are deliberately far from what real photos measure (the
/// corpus' good photos all have contrast above 30 and sharpness above 140): a false "bad" hides a good photo.
/// </summary>
public sealed record QualityPolicy
{
    /// <summary>Shorter than this on the long edge is too small to show even as a thumbnail.</summary>
    public int MinLongEdge { get; init; } = 200;

    public int MinShortEdge { get; init; } = 100;

    /// <summary>Below this luminance deviation the frame is one flat colour.</summary>
    public double MinContrast { get; init; } = 8;

    /// <summary>Below this Laplacian variance there are no edges left: heavily blurred or out of focus.</summary>
    public double MinSharpness { get; init; } = 25;

    /// <summary>Less of the frame than this is visible: an almost empty cut-out.</summary>
    public double MinOpaqueFraction { get; init; } = 0.02;

    /// <summary>
    /// Perceptual hashes this close (differing bits out of 64) make two images candidates for being the same
    /// picture. Alone the hash is not enough: turntable shots of different cars in one studio differ by only 4 bits.
    /// </summary>
    public int NearDuplicateDistance { get; init; } = 6;

    /// <summary>
    /// Candidates are the same picture when 90% of their 32×32 grey fingerprint pixels differ by at most this much
    /// (0–255). A percentile, not the mean: two cars posed alike in one studio share most of the frame, so their
    /// mean difference is small, but the car region differs a lot. Measured on the corpus: resized and re-encoded
    /// copies (down to 150 px WebP) up to 21; different cars that hash alike from 27.
    /// </summary>
    public int NearDuplicateMaxDifference { get; init; } = 24;

    public static QualityPolicy Default { get; } = new();

    /// <summary>Whether two fingerprints (equal-length grey samples) show the same picture.</summary>
    public bool IsSamePicture(ReadOnlySpan<byte> fingerprint, ReadOnlySpan<byte> other)
    {
        if (fingerprint.Length != other.Length || fingerprint.IsEmpty)
        {
            return false;
        }

        Span<int> differences = stackalloc int[256];
        for (var i = 0; i < fingerprint.Length; i++)
        {
            differences[Math.Abs(fingerprint[i] - other[i])]++;
        }

        // The 90th percentile from the histogram of differences.
        var rank = fingerprint.Length * 9 / 10;
        var seen = 0;
        for (var difference = 0; difference < differences.Length; difference++)
        {
            seen += differences[difference];
            if (seen > rank)
            {
                return difference <= NearDuplicateMaxDifference;
            }
        }

        return false;
    }

    public QualityVerdict Judge(QualityMeasurements measurements, ImageId? nearDuplicateOf)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        var issues = QualityIssues.None;
        if (Math.Max(measurements.Width, measurements.Height) < MinLongEdge || Math.Min(measurements.Width, measurements.Height) < MinShortEdge)
        {
            issues |= QualityIssues.TooSmall;
        }

        if (measurements.Contrast < MinContrast || measurements.OpaqueFraction < MinOpaqueFraction)
        {
            issues |= QualityIssues.Blank;
        }
        else if (measurements.Sharpness < MinSharpness)
        {
            // A blank frame has no edges either; only call it blurred when there is something to be sharp.
            issues |= QualityIssues.Blurred;
        }

        if (nearDuplicateOf is not null)
        {
            issues |= QualityIssues.NearDuplicate;
        }

        return new QualityVerdict(issues, nearDuplicateOf);
    }
}
