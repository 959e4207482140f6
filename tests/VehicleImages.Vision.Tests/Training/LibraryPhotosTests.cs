using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;
using VehicleImages.Domain.Vision;
using VehicleImages.Vision.Training;

namespace VehicleImages.Vision.Tests.Training;

public sealed class LibraryPhotosTests
{
    [Fact]
    public void Labels_given_at_ingest_teach_and_predictions_do_not()
    {
        var given = Image(View.RearLeft, GenericColour.Red, new LabelOrigins(LabelSource.Given, LabelSource.Given, LabelSource.Given));
        var predicted = Image(View.RearLeft, GenericColour.Red, new LabelOrigins(LabelSource.Predicted, LabelSource.Predicted, LabelSource.Predicted));

        var photo = LibraryPhotos.Photo(given);

        Assert.Equal(ContentClass.Exterior, photo?.Content);
        Assert.Equal([View.RearLeft], photo?.Views);
        Assert.Equal(GenericColour.Red, photo?.Colour);
        Assert.StartsWith("library:originals/", photo?.Source, StringComparison.Ordinal);
        Assert.Null(LibraryPhotos.Photo(predicted));
    }

    [Fact]
    public void A_photo_the_gate_doubted_teaches_no_content_until_a_curator_says()
    {
        var doubted = Image(View.Unknown, null, new LabelOrigins(PhotoType: LabelSource.Given)) with
        {
            Quality = new QualityVerdict(QualityIssues.NotVehiclePhoto),
            Vision = Seen(ContentClass.Part),
        };
        var cleared = doubted with { Quality = QualityVerdict.Good, Origins = doubted.Origins with { Verdict = LabelSource.Curator } };
        var confirmed = doubted with
        {
            Quality = new QualityVerdict(QualityIssues.NotVehiclePhoto | QualityIssues.MarkedBad),
            Origins = doubted.Origins with { Verdict = LabelSource.Curator },
        };

        Assert.Null(LibraryPhotos.Photo(doubted));
        Assert.Equal(ContentClass.Exterior, LibraryPhotos.Photo(cleared)?.Content);
        Assert.Equal(ContentClass.Part, LibraryPhotos.Photo(confirmed)?.Content);
    }

    [Fact]
    public void Marked_bad_for_something_other_than_content_teaches_no_content()
    {
        var blurred = Image(View.Unknown, null, new LabelOrigins(Verdict: LabelSource.Curator)) with
        {
            Quality = new QualityVerdict(QualityIssues.MarkedBad),
            Vision = Seen(ContentClass.Exterior),
        };

        Assert.Null(LibraryPhotos.Photo(blurred));
    }

    private static VehicleImage Image(View view, GenericColour? colour, LabelOrigins origins) =>
        SampleImages.Image(SampleImages.Configuration(), "library-photo") with { View = view, Colour = colour, Origins = origins, Vin = null };

    private static VisionPrediction Seen(ContentClass content) =>
        new("test", content, content.IsVehiclePhoto() ? 0.9 : 0.1, new Dictionary<ContentClass, double> { [content] = 0.9 }, View.Unknown, 0, null, null, 0);
}
