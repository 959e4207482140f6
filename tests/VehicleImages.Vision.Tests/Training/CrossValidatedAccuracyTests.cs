using VehicleImages.Domain.Vision;
using VehicleImages.Vision.Backbone;
using VehicleImages.Vision.Training;

namespace VehicleImages.Vision.Tests.Training;

/// <summary>
/// Issue 18's accuracy floors, measured as docs/VISION.md reports them: five folds grouped by car, every photo
/// predicted by heads trained without its car, on the real backbone.
/// </summary>
public sealed class CrossValidatedAccuracyTests
{
    private static readonly Lazy<VisionReport> Report = new(() =>
        new VisionReport(CrossValidation.Predict(CorpusFeatures.All, 5, ResNetBackbone.Version), VisionPolicy.Default));

    private static VisionReport Measured
    {
        get
        {
            _ = CorpusFeatures.All; // skips when the corpus is absent
            return Report.Value;
        }
    }

    [Fact]
    public void The_gate_keeps_vehicle_photos_with_precision_of_at_least_0_99_and_most_of_them()
    {
        Assert.True(Measured.GatePrecision.Value >= 0.99, $"precision of good {Measured.GatePrecision}");
        Assert.True(Measured.GateRecallOfGood.Value >= 0.95, $"recall of good {Measured.GateRecallOfGood}");
    }

    [Fact]
    public void The_gate_drops_at_least_0_95_of_each_kind_of_bad_photo()
    {
        var kinds = Measured.GateRecallOfBad;
        Assert.Equal([ContentClass.Part, ContentClass.NoVehicle, ContentClass.Render, ContentClass.Toy, ContentClass.Screenshot], kinds.Keys);
        Assert.All(kinds, kind => Assert.True(kind.Value.Value >= 0.95, $"recall of bad {kind.Key}: {kind.Value}"));
    }

    [Fact]
    public void Turntable_cars_never_seen_get_their_view_right()
    {
        Assert.True(Measured.FiveAngles["carvana"].Value >= 0.95, $"five angles {Measured.FiveAngles["carvana"]}");
        Assert.True(Measured.EightViews["carvana"].Value >= 0.90, $"eight views {Measured.EightViews["carvana"]}");
    }

    [Fact]
    public void Web_photos_get_their_CarsXE_angle_right()
    {
        Assert.True(Measured.FiveAngles["stanford"].Value >= 0.85, $"five angles {Measured.FiveAngles["stanford"]}");
    }

    [Fact]
    public void The_body_colour_of_the_Ferrari_photos_is_named_right()
    {
        Assert.True(Measured.Colours["lire_ferrari"].Value >= 0.90, $"colour {Measured.Colours["lire_ferrari"]}");
    }

    [Fact]
    public void Interiors_are_told_from_exteriors_and_from_parts()
    {
        // Eight interiors and five engine bays are all the corpus has; docs/VISION.md says what this means.
        Assert.True(Measured.ContentRecall[ContentClass.Interior].Value >= 0.75, $"interior {Measured.ContentRecall[ContentClass.Interior]}");
        Assert.True(Measured.ContentRecall[ContentClass.Exterior].Value >= 0.99, $"exterior {Measured.ContentRecall[ContentClass.Exterior]}");
    }
}
