using VehicleImages.Vision.Heads;
using VehicleImages.Vision.Training;

namespace VehicleImages.Vision.Tests.Training;

public sealed class ShippedHeadsTests
{
    [Fact]
    public void The_shipped_heads_are_what_vision_train_makes_from_the_corpus()
    {
        var photos = CorpusFeatures.All;
        var shipped = VisionHeads.Shipped();
        var retrained = HeadTrainer.Train(photos, ["test"]);

        // Same data, same deterministic training: the same answer for every photo, to rounding.
        foreach (var photo in photos)
        {
            var expected = HeadReader.Read(shipped, photo.Input, "shipped");
            var actual = HeadReader.Read(retrained, photo.Input, "retrained");
            Assert.Equal(expected.Content, actual.Content);
            Assert.Equal(expected.View, actual.View);
            Assert.Equal(expected.Colour, actual.Colour);
            Assert.Equal(expected.VehiclePhotoScore, actual.VehiclePhotoScore, 3);
        }
    }

    [Fact]
    public void The_shipped_heads_say_what_they_were_trained_on()
    {
        var shipped = VisionHeads.Shipped();
        Assert.Equal(["corpus/manifest.csv", "corpus-extra/manifest.csv", "corpus-extra/stanford_views.csv"], shipped.TrainedOn);
    }
}
