namespace VehicleImages.Imaging.Analysis;

/// <summary>What ingest measures of every image, from small samples of its one decode.</summary>
/// <param name="AccentColour">Six hex digits, no '#'.</param>
/// <param name="PerceptualHash">64-bit DCT hash; see <see cref="Analysis.PerceptualHash"/>.</param>
/// <param name="Contrast">Standard deviation of luminance, 0–128: near 0 for a blank frame.</param>
/// <param name="Sharpness">Variance of the Laplacian of luminance at the Medium size: low for a blurred image.</param>
/// <param name="OpaqueFraction">Share of pixels that are not transparent: 1 for images without alpha.</param>
public sealed record ImageMeasurements(string AccentColour, ulong PerceptualHash, double Contrast, double Sharpness, double OpaqueFraction);
