using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vocabulary;

namespace VehicleImages.Domain.Tests.Vocabulary;

public sealed class OneAutoSlotTests
{
    [Theory]
    [InlineData("front", View.Front, GenericColour.Red, true)]
    [InlineData("front", View.Front, GenericColour.Blue, false)]
    [InlineData("front", View.Front, null, false)]
    [InlineData("front", View.Rear, GenericColour.Red, false)]
    [InlineData("front_left", View.FrontThreeQuarter, GenericColour.Red, true)]
    [InlineData("inside_1", View.Interior, null, true)]
    [InlineData("inside_1", View.Interior, GenericColour.Blue, false)]
    [InlineData("inside_1", View.Interior2, null, false)]
    [InlineData("inside_3", View.Interior3, null, true)]
    public void A_slot_serves_a_colour_with_images_of_its_views_in_that_colour_and_cabin_images_of_no_known_colour(
        string slotName, View view, GenericColour? imageColour, bool serves)
    {
        var slot = OneAutoViews.Slots.Single(s => s.Name == slotName);

        Assert.Equal(serves, slot.Serves(view, imageColour, GenericColour.Red));
    }

    [Fact]
    public void Only_the_three_inside_slots_are_cabin_slots()
    {
        Assert.Equal(["inside_1", "inside_2", "inside_3"], OneAutoViews.Slots.Where(s => s.IsInterior).Select(s => s.Name));
    }
}
