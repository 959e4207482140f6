using VehicleImages.Imaging.Cutout;

namespace VehicleImages.Imaging.Tests.Cutout;

/// <summary>
/// The raw Carvana turntable photos (a busy studio: logo wall, grey turntable floor). Whatever the remover judges
/// clean, and imagefromid would serve with 200, must match the mask; the rest must be judged not clean, which
/// imagefromid answers with 206 and the opaque photo. Writes the per-image table to artifacts/cutout-turntable.md.
/// </summary>
public sealed class TurntableCutoutTests
{
    private const double MinimumIou = 0.9;

    [Fact]
    public void Every_turntable_cut_out_judged_clean_matches_its_mask_with_an_iou_of_at_least_0_9()
    {
        Corpus.Require();
        var rows = new List<List<string>>();
        var failures = new List<string>();
        var clean = 0;
        foreach (var name in CarvanaCars.Names())
        {
            var mask = CarvanaCars.Mask(name);
            var cutout = BackgroundRemover.Remove(CarvanaCars.Photo(name));
            var iou = MaskOverlap.Iou(cutout.Rgba, mask);
            clean += cutout.IsClean ? 1 : 0;
            rows.Add([name, CutoutTable.Iou(iou), cutout.IsClean ? "200 clean" : "206", cutout.Reason]);
            if (cutout.IsClean && iou < MinimumIou)
            {
                failures.Add($"{name}: judged clean but IoU is {iou:0.000}");
            }
        }

        Assert.NotEmpty(rows);
        CutoutTable.Write(
            "cutout-turntable.md",
            "Raw turntable photos: alpha IoU of the attempted cut-out, and the verdict",
            ["image", "IoU", "answer", "verdict"],
            rows,
            [$"{clean} served with 200 (all with IoU ≥ {MinimumIou}: {failures.Count == 0}), {rows.Count - clean} answered 206"]);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
