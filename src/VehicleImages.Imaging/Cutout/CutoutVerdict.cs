using System.Globalization;

namespace VehicleImages.Imaging.Cutout;

/// <summary>
/// Decides from the measures whether a cut-out is clean. Every test must pass, so that a doubtful cut-out is
/// reported not clean: the caller then shows the opaque photo, where a false "clean" ships a visible defect.
/// </summary>
internal readonly record struct CutoutVerdict(bool IsClean, string Reason)
{
    // A seamless studio backdrop photographed and saved as JPEG deviates from a smooth surface by a level or two;
    // a textured floor, a logo wall or a street by far more.
    private const double MaxNoise = 3.5;

    // The frame's border must be the backdrop except where the car crosses it; a car cropped by both sides of
    // the frame covers up to a fifth of it.
    private const double MinBorderFit = 0.75;

    // A second smooth surface this plain explaining this much of the border is a second backdrop (a studio's
    // floor below its wall), not a car crossing the frame: the background is not one plain colour.
    private const double SecondBackdropNoise = 4.5;
    private const double SecondBackdropShare = 0.05;

    // Outline pixels over the square root of the area: a car silhouette measures 4.5 to 7; a cut that followed a
    // drift in the backdrop or left lettering attached measures more.
    private const double MaxRaggedness = 9;

    // Everything kept should be one car: other regions are props, lettering or leftovers of the backdrop.
    private const double MinLargestRegionShare = 0.97;

    private const double MinForegroundShare = 0.002;
    private const double MaxForegroundShare = 0.9;

    public static CutoutVerdict Judge(CutoutMeasures m)
    {
        var failures = new List<string>();
        if (m.Noise > MaxNoise)
        {
            failures.Add(Say($"the background is not plain (it varies by {m.Noise:0.0} levels around a smooth surface)"));
        }

        if (m.BorderFit < MinBorderFit)
        {
            failures.Add(Say($"one smooth colour explains only {m.BorderFit:P0} of the frame's border"));
        }

        if (m.SecondFit >= SecondBackdropShare && m.SecondNoise <= SecondBackdropNoise)
        {
            failures.Add(Say($"a second plain colour covers {m.SecondFit:P0} of the border (a two-tone studio)"));
        }

        if (m.ForegroundShare < MinForegroundShare)
        {
            failures.Add("nothing stands out from the background");
        }
        else if (m.ForegroundShare > MaxForegroundShare)
        {
            failures.Add(Say($"{m.ForegroundShare:P0} of the frame would be kept"));
        }
        else
        {
            if (m.LargestRegionShare < MinLargestRegionShare)
            {
                failures.Add(Say($"the kept pixels are in separate pieces ({1 - m.LargestRegionShare:P0} outside the largest)"));
            }

            if (m.Raggedness > MaxRaggedness)
            {
                failures.Add(Say($"the outline is ragged ({m.Raggedness:0.0} against at most {MaxRaggedness})"));
            }
        }

        return failures.Count == 0
            ? new(true, Say($"plain background: {m.BorderFit:P0} of the border is one smooth colour, varying by {m.Noise:0.0} levels"))
            : new(false, "not clean: " + string.Join("; ", failures));
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
