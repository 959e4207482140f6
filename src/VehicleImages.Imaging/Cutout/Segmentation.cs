namespace VehicleImages.Imaging.Cutout;

/// <summary>The hard split of a photo into car and background, before the edge is softened.</summary>
/// <param name="Mask">1 for car, 0 for background, a byte a pixel.</param>
/// <param name="Surface">The fitted background colour at every pixel, three bytes a pixel.</param>
/// <param name="Depth">For pixels near the outline, their distance from the other side (see <see cref="EdgeDistance"/>).</param>
/// <param name="Band">The pixels near the outline, on both sides, nearest first.</param>
/// <param name="Tolerance">The fill's tolerance, in levels.</param>
/// <param name="Measures">The evidence for the verdict.</param>
internal sealed record Segmentation(byte[] Mask, byte[] Surface, byte[] Depth, List<int> Band, double Tolerance, CutoutMeasures Measures);
