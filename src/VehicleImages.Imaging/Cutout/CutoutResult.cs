namespace VehicleImages.Imaging.Cutout;

/// <summary>
/// A cut-out attempt: the RGBA pixels, and whether the background was plain enough for them to be shown. When not
/// clean the pixels are still the attempt, for inspection; callers should answer with the opaque photo instead.
/// </summary>
/// <param name="Rgba">The photo with the background made transparent and a soft, defringed edge.</param>
/// <param name="IsClean">True only when the background was plain and the car came out as one clear shape.</param>
/// <param name="Plainness">The share of the frame's border that one smooth background colour explains, 0 to 1.</param>
/// <param name="Reason">Why the cut-out is or is not clean, in words for a log or a 206 response.</param>
public sealed record CutoutResult(PixelBuffer Rgba, bool IsClean, double Plainness, string Reason);
