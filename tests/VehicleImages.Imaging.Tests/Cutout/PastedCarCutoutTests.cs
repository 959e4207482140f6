using VehicleImages.Imaging.Cutout;

namespace VehicleImages.Imaging.Tests.Cutout;

/// <summary>
/// Each Carvana car pasted through its ground-truth mask onto the plain backdrops the cut-out is meant for: every
/// cut-out must be judged clean and match the mask. Writes the per-image table to artifacts/cutout-pasted.md.
/// </summary>
public sealed class PastedCarCutoutTests
{
    private const double MinimumIou = 0.95;

    [Fact]
    public void Every_car_pasted_on_a_plain_backdrop_is_cut_out_clean_with_an_iou_of_at_least_0_95()
    {
        Corpus.Require();
        var backdrops = Enum.GetValues<StudioBackdrop>();
        var rows = new List<List<string>>();
        var failures = new List<string>();
        foreach (var name in CarvanaCars.Names())
        {
            var (photo, mask) = (CarvanaCars.Photo(name), CarvanaCars.Mask(name));
            var row = new List<string> { name };
            foreach (var backdrop in backdrops)
            {
                var cutout = BackgroundRemover.Remove(PastedCar.Compose(photo, mask, backdrop));
                var iou = MaskOverlap.Iou(cutout.Rgba, mask);
                row.Add(CutoutTable.Iou(iou) + (cutout.IsClean ? "" : " (refused)"));
                if (!cutout.IsClean || iou < MinimumIou)
                {
                    failures.Add($"{name} on {backdrop}: IoU {iou:0.000}, {cutout.Reason}");
                }
            }

            rows.Add(row);
        }

        Assert.NotEmpty(rows);
        CutoutTable.Write(
            "cutout-pasted.md",
            "Alpha IoU of the cut-out against the ground-truth mask, car pasted on each backdrop",
            ["image", .. backdrops.Select(b => b.ToString())],
            rows,
            [$"{rows.Count * backdrops.Length - failures.Count} of {rows.Count * backdrops.Length} cut-outs clean with IoU ≥ {MinimumIou}"]);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
