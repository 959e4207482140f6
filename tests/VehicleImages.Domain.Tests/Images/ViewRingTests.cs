using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Tests.Images;

public sealed class ViewRingTests
{
    [Theory]
    [InlineData(View.Front, View.Front, 0)]
    [InlineData(View.Front, View.FrontLeft, 1)]
    [InlineData(View.Front, View.FrontRight, 1)]
    [InlineData(View.FrontLeft, View.FrontRight, 2)]
    [InlineData(View.Left, View.Right, 4)]
    [InlineData(View.Front, View.Rear, 4)]
    [InlineData(View.RearLeft, View.Front, 3)]
    public void Distance_counts_eighths_of_a_turn_the_short_way(View a, View b, int eighths)
    {
        Assert.Equal(eighths, ViewRing.Distance(a, b));
        Assert.Equal(eighths, ViewRing.Distance(b, a));
    }

    [Fact]
    public void Mirroring_swaps_every_side_and_keeps_front_and_rear()
    {
        Assert.All(ViewRing.Clockwise, view =>
        {
            var mirrored = ViewRing.Mirrored(view);
            Assert.Equal(view, ViewRing.Mirrored(mirrored));
            Assert.Equal(view is View.Front or View.Rear, mirrored == view);
            Assert.Equal(ViewRing.Distance(View.Front, view), ViewRing.Distance(View.Front, mirrored));
        });
    }

    [Fact]
    public void Interior_and_engine_are_not_on_the_ring()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ViewRing.Distance(View.Interior, View.Front));
    }
}
