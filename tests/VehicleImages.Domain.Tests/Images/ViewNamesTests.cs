using System.Text.RegularExpressions;
using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Tests.Images;

public sealed partial class ViewNamesTests
{
    public static TheoryData<View> AllViews => new(Enum.GetValues<View>());

    [Theory]
    [InlineData("front", View.Front)]
    [InlineData("front three-quarter", View.FrontThreeQuarter)]
    [InlineData("side", View.Side)]
    [InlineData("rear", View.Rear)]
    [InlineData("rear three-quarter", View.RearThreeQuarter)]
    [InlineData("back", View.Rear)]
    public void Reads_carsxe_angles(string text, View expected)
    {
        Assert.True(ViewNames.TryParse(text, out var view));
        Assert.Equal(expected, view);
    }

    [Theory]
    [InlineData("front three-quarter right", View.FrontRight)]
    [InlineData("front three-quarter left", View.FrontLeft)]
    [InlineData("rear three-quarter right", View.RearRight)]
    [InlineData("rear three-quarter left", View.RearLeft)]
    public void A_handed_three_quarter_angle_reads_as_that_corner(string text, View expected)
    {
        Assert.True(ViewNames.TryParse(text, out var view));
        Assert.Equal(expected, view);
    }

    [Theory]
    [InlineData("front", View.Front)]
    [InlineData("front_right", View.FrontRight)]
    [InlineData("right", View.Right)]
    [InlineData("back_right", View.RearRight)]
    [InlineData("back", View.Rear)]
    [InlineData("back_left", View.RearLeft)]
    [InlineData("left", View.Left)]
    [InlineData("front_left", View.FrontLeft)]
    [InlineData("inside_1", View.Interior)]
    [InlineData("inside_2", View.Interior2)]
    [InlineData("inside_3", View.Interior3)]
    [InlineData("engine", View.Engine)]
    public void Reads_oneauto_slots(string text, View expected)
    {
        Assert.True(ViewNames.TryParse(text, out var view));
        Assert.Equal(expected, view);
    }

    [Theory]
    [InlineData("Front Three-Quarter")]
    [InlineData("FRONT_THREE_QUARTER")]
    [InlineData("front-three-quarter")]
    [InlineData("  front threequarter ")]
    public void Case_spaces_hyphens_and_underscores_do_not_matter(string text)
    {
        Assert.True(ViewNames.TryParse(text, out var view));
        Assert.Equal(View.FrontThreeQuarter, view);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("roof")]
    [InlineData("frontish")]
    [InlineData("inside_4")]
    [InlineData("3/4 front")]
    public void Unknown_text_does_not_parse(string? text)
    {
        Assert.False(ViewNames.TryParse(text, out _));
    }

    [Theory]
    [MemberData(nameof(AllViews))]
    public void Name_round_trips_through_TryParse(View view)
    {
        Assert.True(ViewNames.TryParse(ViewNames.Name(view), out var parsed));
        Assert.Equal(view, parsed);
    }

    [Theory]
    [MemberData(nameof(AllViews))]
    public void Name_is_snake_case(View view)
    {
        Assert.Matches(SnakeCase(), ViewNames.Name(view));
    }

    [Theory]
    [InlineData(View.FrontThreeQuarter, "front_three_quarter")]
    [InlineData(View.Interior2, "interior_2")]
    [InlineData(View.RearRight, "rear_right")]
    public void Name_separates_words_and_numbers_with_underscores(View view, string expected)
    {
        Assert.Equal(expected, ViewNames.Name(view));
    }

    [Theory]
    [InlineData(View.Interior, PhotoType.Interior)]
    [InlineData(View.Interior2, PhotoType.Interior)]
    [InlineData(View.Interior3, PhotoType.Interior)]
    [InlineData(View.Engine, PhotoType.Engine)]
    [InlineData(View.Front, PhotoType.Exterior)]
    [InlineData(View.RearLeft, PhotoType.Exterior)]
    [InlineData(View.Side, PhotoType.Exterior)]
    [InlineData(View.Unknown, PhotoType.Exterior)]
    public void PhotoTypeOf_follows_the_view(View view, PhotoType expected)
    {
        Assert.Equal(expected, ViewNames.PhotoTypeOf(view));
    }

    [Theory]
    [MemberData(nameof(AllViews))]
    public void IsExterior_agrees_with_PhotoTypeOf(View view)
    {
        Assert.Equal(ViewNames.PhotoTypeOf(view) == PhotoType.Exterior, ViewNames.IsExterior(view));
    }

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
