using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Vision;

namespace VehicleImages.Domain.Tests.Vision;

public sealed class VisionPolicyTests
{
    private static readonly VisionPolicy Policy = VisionPolicy.Default;

    [Fact]
    public void A_prediction_fills_the_view_photo_type_and_colour_no_one_gave()
    {
        var image = Unlabelled();

        var seen = Policy.Apply(image, Exterior(View.RearLeft, 0.93, GenericColour.Red));

        Assert.Equal(View.RearLeft, seen.View);
        Assert.Equal(PhotoType.Exterior, seen.PhotoType);
        Assert.Equal(GenericColour.Red, seen.Colour);
        Assert.Equal(new LabelOrigins(LabelSource.Predicted, LabelSource.Predicted, LabelSource.Predicted), seen.Origins);
        Assert.Equal(["view", "photo_type", "colour"], seen.Origins.Predicted());
        Assert.True(seen.Quality.IsGood);
        Assert.NotNull(seen.Vision);
    }

    [Fact]
    public void An_unsure_view_is_left_unknown_rather_than_guessed()
    {
        var seen = Policy.Apply(Unlabelled(), Exterior(View.Front, 0.45, GenericColour.Red));

        Assert.Equal(View.Unknown, seen.View);
        Assert.Equal(LabelSource.None, seen.Origins.View);
    }

    [Fact]
    public void A_given_label_wins_and_a_close_neighbour_is_no_disagreement()
    {
        var image = Given(View.FrontLeft, GenericColour.Silver);

        var seen = Policy.Apply(image, Exterior(View.Front, 0.99, GenericColour.Grey, colourShare: 0.8));

        Assert.Equal(View.FrontLeft, seen.View);
        Assert.Equal(GenericColour.Silver, seen.Colour);
        Assert.Equal(LabelSource.Given, seen.Origins.View);
        Assert.True(seen.Quality.IsGood);
    }

    [Theory]
    [InlineData(View.FrontLeft, View.FrontRight)]
    [InlineData(View.Front, View.Rear)]
    [InlineData(View.Side, View.Front)]
    [InlineData(View.RearThreeQuarter, View.FrontLeft)]
    public void A_confident_view_a_quarter_turn_or_more_away_is_a_label_mismatch(View given, View predicted)
    {
        var seen = Policy.Apply(Given(given, GenericColour.Red), Exterior(predicted, 0.97, GenericColour.Red));

        Assert.Equal(given, seen.View);
        Assert.Equal(["label_mismatch_view"], seen.Quality.Reasons);
    }

    [Theory]
    [InlineData(View.Side, View.Left)]
    [InlineData(View.Side, View.Right)]
    [InlineData(View.FrontThreeQuarter, View.FrontRight)]
    public void An_unhanded_label_agrees_with_either_side(View given, View predicted)
    {
        var seen = Policy.Apply(Given(given, GenericColour.Red), Exterior(predicted, 0.99, GenericColour.Red));

        Assert.True(seen.Quality.IsGood);
    }

    [Fact]
    public void An_unsure_disagreement_is_not_flagged()
    {
        var seen = Policy.Apply(Given(View.Front, GenericColour.Red), Exterior(View.Rear, 0.8, GenericColour.Red));

        Assert.True(seen.Quality.IsGood);
    }

    [Fact]
    public void A_colour_most_of_the_car_contradicts_is_a_label_mismatch_but_a_small_share_is_not()
    {
        Assert.Equal(
            ["label_mismatch_colour"],
            Policy.Apply(Given(View.Front, GenericColour.Red), Exterior(View.Front, 0.99, GenericColour.Yellow, colourShare: 0.5)).Quality.Reasons);
        Assert.True(Policy.Apply(Given(View.Front, GenericColour.Red), Exterior(View.Front, 0.99, GenericColour.Yellow, colourShare: 0.2)).Quality.IsGood);
    }

    [Fact]
    public void An_interior_labelled_exterior_is_a_photo_type_mismatch_and_gets_no_colour()
    {
        var image = Given(View.Front, GenericColour.Red);

        var seen = Policy.Apply(image, Predicted(ContentClass.Interior, 0.96, View.Interior, 0.96, colour: GenericColour.Black));

        Assert.Equal(["label_mismatch_photo_type"], seen.Quality.Reasons);
        Assert.Equal(GenericColour.Red, seen.Colour);
    }

    [Fact]
    public void An_unlabelled_interior_becomes_an_interior_view_without_a_colour()
    {
        var seen = Policy.Apply(Unlabelled(), Predicted(ContentClass.Interior, 0.9, View.Interior, 0.9, colour: null));

        Assert.Equal(PhotoType.Interior, seen.PhotoType);
        Assert.Equal(View.Interior, seen.View);
        Assert.Null(seen.Colour);
        Assert.Equal(LabelSource.None, seen.Origins.Colour);
    }

    [Theory]
    [InlineData(ContentClass.Part)]
    [InlineData(ContentClass.NoVehicle)]
    [InlineData(ContentClass.Render)]
    [InlineData(ContentClass.Toy)]
    [InlineData(ContentClass.Screenshot)]
    public void What_is_not_a_vehicle_photo_is_flagged_and_fills_nothing(ContentClass content)
    {
        var seen = Policy.Apply(Unlabelled(), Predicted(content, 0.9, View.Unknown, 0, colour: null));

        Assert.Equal(["not_vehicle_photo"], seen.Quality.Reasons);
        Assert.Equal(View.Unknown, seen.View);
        Assert.Equal(new LabelOrigins(), seen.Origins);
    }

    [Fact]
    public void A_curators_verdict_stands_against_the_gate()
    {
        var judged = Unlabelled() with { Origins = new LabelOrigins(Verdict: LabelSource.Curator) };

        var seen = Policy.Apply(judged, Predicted(ContentClass.Part, 0.99, View.Unknown, 0, colour: null));

        Assert.True(seen.Quality.IsGood);
    }

    [Fact]
    public void A_curators_label_is_never_called_a_mismatch()
    {
        var curated = Given(View.Front, GenericColour.Red) with { Origins = new LabelOrigins(LabelSource.Curator, LabelSource.Curator, LabelSource.Curator) };

        var seen = Policy.Apply(curated, Exterior(View.Rear, 0.99, GenericColour.Blue, colourShare: 0.9));

        Assert.True(seen.Quality.IsGood);
        Assert.Equal(View.Front, seen.View);
    }

    [Fact]
    public void A_new_prediction_replaces_what_the_previous_one_filled_and_flagged()
    {
        var first = Policy.Apply(Unlabelled(), Predicted(ContentClass.Part, 0.9, View.Unknown, 0, colour: null));
        var refilled = Policy.Apply(first, Exterior(View.Rear, 0.9, GenericColour.White));
        var unsure = Policy.Apply(refilled, Exterior(View.Rear, 0.3, colour: null));

        Assert.Equal(["not_vehicle_photo"], first.Quality.Reasons);
        Assert.True(refilled.Quality.IsGood);
        Assert.Equal((View.Rear, GenericColour.White), (refilled.View, refilled.Colour));
        Assert.Equal((View.Unknown, (GenericColour?)null), (unsure.View, unsure.Colour));
        Assert.Equal(LabelSource.None, unsure.Origins.View);
    }

    [Fact]
    public void Measured_issues_are_kept_when_vision_adds_its_own()
    {
        var small = Unlabelled() with { Quality = new QualityVerdict(QualityIssues.TooSmall) };

        var seen = Policy.Apply(small, Predicted(ContentClass.Render, 0.9, View.Unknown, 0, colour: null));

        Assert.Equal(["too_small", "not_vehicle_photo"], seen.Quality.Reasons);
    }

    private static VehicleImage Unlabelled() =>
        SampleImages.Image(SampleImages.Configuration(), "policy") with { View = View.Unknown, Colour = null, ColourName = null, Origins = LabelOrigins.Unknown };

    private static VehicleImage Given(View view, GenericColour colour) =>
        SampleImages.Image(SampleImages.Configuration(), "policy") with
        {
            View = view,
            PhotoType = ViewNames.PhotoTypeOf(view),
            Colour = colour,
            Origins = new LabelOrigins(LabelSource.Given, LabelSource.Given, LabelSource.Given),
        };

    private static VisionPrediction Exterior(View view, double viewScore, GenericColour? colour, double colourShare = 0.6) =>
        Predicted(ContentClass.Exterior, 0.98, view, viewScore, colour, colourShare);

    private static VisionPrediction Predicted(ContentClass content, double score, View view, double viewScore, GenericColour? colour, double colourShare = 0.6)
    {
        var scores = ContentClasses.Known.ToDictionary(known => known, known => known == content ? score : (1 - score) / 7);
        var vehicle = scores.Where(entry => entry.Key.IsVehiclePhoto()).Sum(entry => entry.Value);
        return new VisionPrediction("test-models", content, vehicle, scores, view, viewScore, colour, colour is null ? null : "c0ffee", colour is null ? 0 : colourShare);
    }
}
