using VehicleImages.Application.Curation;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Search;
using VehicleImages.Domain.Vision;

namespace VehicleImages.Application.Tests.Curation;

/// <summary>
/// What a curator's edit turns an image into, as the curator hands it to storage: each edited or accepted label
/// becomes the curator's, and the mismatch it settles goes while the others stay.
/// </summary>
public sealed class LabelChangesTests
{
    private const QualityIssues Mismatches = QualityIssues.LabelMismatchView | QualityIssues.LabelMismatchColour | QualityIssues.LabelMismatchPhotoType;

    private static readonly LabelOrigins Given = new(LabelSource.Given, LabelSource.Given, LabelSource.Given, LabelSource.None);

    [Fact]
    public void Editing_the_view_makes_it_and_the_photo_type_that_follows_it_the_curators_and_settles_both_their_mismatches()
    {
        var edited = Apply(Labelled(), new LabelEdit(View: "interior"));

        Assert.Equal((View.Interior, PhotoType.Interior), (edited.View, edited.PhotoType));
        Assert.Equal(Given with { View = LabelSource.Curator, PhotoType = LabelSource.Curator }, edited.Origins);
        Assert.Equal(QualityIssues.LabelMismatchColour | QualityIssues.TooSmall, edited.Quality.Issues);
    }

    [Fact]
    public void Editing_the_colour_settles_only_the_colour_mismatch_and_clearing_it_leaves_the_colour_to_no_one()
    {
        var named = Apply(Labelled(), new LabelEdit(Colour: "Firenze Red"));
        var cleared = Apply(Labelled(), new LabelEdit(Colour: ""));

        Assert.Equal(("Firenze Red", GenericColour.Red, LabelSource.Curator), (named.ColourName, named.Colour, named.Origins.Colour));
        Assert.Equal(QualityIssues.LabelMismatchView | QualityIssues.LabelMismatchPhotoType | QualityIssues.TooSmall, named.Quality.Issues);
        Assert.Equal((null, null, LabelSource.None), (cleared.ColourName, cleared.Colour, cleared.Origins.Colour));
        Assert.Equal(named.Quality, cleared.Quality);
    }

    [Theory]
    [InlineData("good", QualityIssues.None)]
    [InlineData("bad", Mismatches | QualityIssues.TooSmall | QualityIssues.MarkedBad)]
    public void A_verdict_is_the_curators(string verdict, QualityIssues expected)
    {
        var judged = Apply(Labelled(), new LabelEdit(Verdict: verdict));

        Assert.Equal(expected, judged.Quality.Issues);
        Assert.Equal(Given with { Verdict = LabelSource.Curator }, judged.Origins);
    }

    [Fact]
    public void Accepting_the_view_labels_the_predicted_view_and_its_photo_type_as_the_curators()
    {
        var accepted = Apply(Labelled(), new LabelEdit(Accept: "view"));

        Assert.Equal((View.RearLeft, PhotoType.Exterior), (accepted.View, accepted.PhotoType));
        Assert.Equal(Given with { View = LabelSource.Curator, PhotoType = LabelSource.Curator }, accepted.Origins);
        Assert.Equal(QualityIssues.LabelMismatchColour | QualityIssues.TooSmall, accepted.Quality.Issues);
    }

    [Fact]
    public void Accepting_the_colour_labels_the_measured_generic_colour_and_drops_the_sources_name_for_it()
    {
        var accepted = Apply(Labelled(), new LabelEdit(Accept: "Colour"));

        Assert.Equal((null, GenericColour.Blue, LabelSource.Curator), (accepted.ColourName, accepted.Colour, accepted.Origins.Colour));
        Assert.Equal((View.Front, LabelSource.Given), (accepted.View, accepted.Origins.View));
        Assert.Equal(QualityIssues.LabelMismatchView | QualityIssues.LabelMismatchPhotoType | QualityIssues.TooSmall, accepted.Quality.Issues);
    }

    [Theory]
    [InlineData(View.Interior2, View.Interior2)]
    [InlineData(View.RearLeft, View.Unknown)]
    public void Accepting_the_photo_type_of_an_interior_photo_leaves_no_exterior_view_on_it(View predicted, View expected)
    {
        var image = Labelled(Seen() with { Content = ContentClass.Interior, View = predicted });

        var accepted = Apply(image, new LabelEdit(Accept: "photo_type"));

        Assert.Equal((PhotoType.Interior, LabelSource.Curator), (accepted.PhotoType, accepted.Origins.PhotoType));
        Assert.Equal(expected, accepted.View);
        Assert.Equal(expected == View.Unknown ? LabelSource.None : LabelSource.Curator, accepted.Origins.View);
        Assert.Equal(QualityIssues.LabelMismatchColour | QualityIssues.TooSmall, accepted.Quality.Issues);
    }

    [Fact]
    public void Accepting_all_takes_every_field_the_prediction_gives_and_leaves_the_rest_as_they_were()
    {
        var image = Labelled(Seen() with { Colour = null, ColourHex = null });

        var accepted = Apply(image, new LabelEdit(Accept: "all"));

        Assert.Equal((View.RearLeft, PhotoType.Exterior, GenericColour.White), (accepted.View, accepted.PhotoType, accepted.Colour));
        Assert.Equal(new LabelOrigins(LabelSource.Curator, LabelSource.Curator, LabelSource.Given, LabelSource.None), accepted.Origins);
        Assert.Equal(QualityIssues.LabelMismatchColour | QualityIssues.TooSmall, accepted.Quality.Issues);
    }

    [Fact]
    public void Accepting_a_view_and_judging_the_image_good_in_one_edit_does_both()
    {
        var accepted = Apply(Labelled(), new LabelEdit(Accept: "view", Verdict: "good"));

        Assert.Equal(View.RearLeft, accepted.View);
        Assert.True(accepted.Quality.IsGood);
        Assert.Equal(new LabelOrigins(LabelSource.Curator, LabelSource.Curator, LabelSource.Given, LabelSource.Curator), accepted.Origins);
    }

    [Theory]
    [InlineData("view", "no prediction to accept")]
    [InlineData("all", "no prediction to accept")]
    public void Accepting_without_a_stored_prediction_is_a_problem(string field, string expected)
    {
        var image = Labelled(withVision: false);

        Assert.Contains(expected, Problem(image, new LabelEdit(Accept: field)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("view", "names no view")]
    [InlineData("photo_type", "content class is no_vehicle, not a vehicle photo")]
    [InlineData("colour", "measured no body colour")]
    [InlineData("all", "gives no view, photo type or colour")]
    public void Accepting_what_the_prediction_does_not_give_is_a_problem(string field, string expected)
    {
        var image = Labelled(Seen() with { Content = ContentClass.NoVehicle, View = View.Unknown, Colour = null, ColourHex = null });

        Assert.Contains(expected, Problem(image, new LabelEdit(Accept: field)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shape", null, "'shape' is not a field to accept")]
    [InlineData("view", "rear", "not both")]
    [InlineData("photo_type", "rear", "not both")]
    [InlineData("all", "rear", "not both")]
    public void An_accept_that_names_no_field_or_contradicts_an_edit_beside_it_is_a_problem(string field, string? view, string expected) =>
        Assert.Contains(expected, Problem(Labelled(), new LabelEdit(View: view, Accept: field)), StringComparison.Ordinal);

    [Fact]
    public void The_fields_offered_for_accepting_are_those_where_the_prediction_disagrees_or_fills_a_gap()
    {
        var disagreeing = Labelled().Image;
        var agreeingButColourless = Labelled(Seen() with { View = View.Front }).Image with { Colour = null, ColourName = null };

        Assert.Equal(["view", "colour"], Predictions.Differing(disagreeing));
        Assert.Equal(["colour"], Predictions.Differing(agreeingButColourless));
        Assert.Empty(Predictions.Differing(Labelled(withVision: false).Image));
    }

    // A white front view, labelled at ingest, which the vision stage sees as a blue rear-left exterior; small, too.
    private static ImageMatch Labelled(VisionPrediction? seen = null, bool withVision = true)
    {
        var configuration = SampleImages.Configuration();
        var image = SampleImages.Image(configuration, "curated", View.Front, new QualityVerdict(Mismatches | QualityIssues.TooSmall)) with
        {
            Origins = Given,
            Vision = withVision ? seen ?? Seen() : null,
        };
        return new ImageMatch(image, configuration);
    }

    private static VisionPrediction Seen() => new(
        "resnet18-test+heads-test", ContentClass.Exterior, 0.97,
        new Dictionary<ContentClass, double> { [ContentClass.Exterior] = 0.95, [ContentClass.Interior] = 0.02, [ContentClass.Render] = 0.03 },
        View.RearLeft, 0.91, GenericColour.Blue, "1F4FA0", 0.8);

    private static VehicleImage Apply(ImageMatch current, LabelEdit edit)
    {
        Assert.True(LabelChanges.TryApply(current, edit, out var edited, out var problem), problem);
        return edited.Image;
    }

    private static string Problem(ImageMatch current, LabelEdit edit)
    {
        Assert.False(LabelChanges.TryApply(current, edit, out _, out var problem));
        return problem;
    }
}
