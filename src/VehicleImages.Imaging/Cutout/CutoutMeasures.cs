namespace VehicleImages.Imaging.Cutout;

/// <summary>What the cut-out measured on its way: the evidence the verdict is drawn from.</summary>
/// <param name="BorderFit">The share of the frame's border that the background surface explains.</param>
/// <param name="SecondFit">The share of the border that a second smooth surface explains among the rest.</param>
/// <param name="SecondNoise">That second surface's noise, in levels: low when it is a second backdrop, like a floor.</param>
/// <param name="Noise">The background's noise around its surface, in levels.</param>
/// <param name="ForegroundShare">The share of the frame kept as car.</param>
/// <param name="ForegroundOnBorder">The share of the frame's border kept as car.</param>
/// <param name="LargestRegionShare">The share of the kept pixels in the largest connected region.</param>
/// <param name="Raggedness">Outline pixels over the square root of the kept area: about 5 for a car.</param>
/// <param name="ShadowShare">The share of the frame removed as shadow.</param>
internal sealed record CutoutMeasures(
    double BorderFit,
    double SecondFit,
    double SecondNoise,
    double Noise,
    double ForegroundShare,
    double ForegroundOnBorder,
    double LargestRegionShare,
    double Raggedness,
    double ShadowShare);
