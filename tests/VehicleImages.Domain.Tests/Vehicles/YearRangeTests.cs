using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Domain.Tests.Vehicles;

public sealed class YearRangeTests
{
    [Fact]
    public void A_single_year_parses_as_a_one_year_range()
    {
        Assert.True(YearRange.TryParse("2019", out var range));
        Assert.Equal(new YearRange(2019, 2019), range);
    }

    [Theory]
    [InlineData("2006-2014")]
    [InlineData("2006–2014")]
    [InlineData("2006/2014")]
    [InlineData(" 2006 - 2014 ")]
    public void A_span_parses_with_hyphen_en_dash_or_slash(string text)
    {
        Assert.True(YearRange.TryParse(text, out var range));
        Assert.Equal(new YearRange(2006, 2014), range);
    }

    [Fact]
    public void The_earliest_and_latest_years_parse()
    {
        Assert.True(YearRange.TryParse("1886-2100", out var range));
        Assert.Equal(new YearRange(YearRange.Earliest, YearRange.Latest), range);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("2014-2006")]
    [InlineData("1700")]
    [InlineData("1885")]
    [InlineData("2101")]
    [InlineData("2006-2101")]
    [InlineData("19")]
    [InlineData("+2019")]
    [InlineData("2019.0")]
    [InlineData("2006-")]
    [InlineData("-2014")]
    [InlineData("2006-2014-2020")]
    [InlineData("2006 to 2014")]
    public void Anything_else_does_not_parse(string? text)
    {
        Assert.False(YearRange.TryParse(text, out _));
    }

    [Theory]
    [InlineData(2006)]
    [InlineData(2010)]
    [InlineData(2014)]
    public void Contains_both_ends_and_the_years_between(int year)
    {
        Assert.True(new YearRange(2006, 2014).Contains(year));
    }

    [Theory]
    [InlineData(2005)]
    [InlineData(2015)]
    public void Does_not_contain_years_outside(int year)
    {
        Assert.False(new YearRange(2006, 2014).Contains(year));
    }

    [Fact]
    public void A_one_year_range_prints_as_that_year()
    {
        Assert.Equal("2019", YearRange.OneYear(2019).ToString());
    }

    [Fact]
    public void A_span_prints_with_a_hyphen()
    {
        Assert.Equal("2006-2014", new YearRange(2006, 2014).ToString());
    }

    [Theory]
    [InlineData(2019, 2019)]
    [InlineData(2006, 2014)]
    [InlineData(YearRange.Earliest, YearRange.Latest)]
    public void ToString_round_trips_through_TryParse(int from, int to)
    {
        var range = new YearRange(from, to);

        Assert.True(YearRange.TryParse(range.ToString(), out var parsed));
        Assert.Equal(range, parsed);
    }

    [Theory]
    [InlineData(1885, 2000)]
    [InlineData(2000, 2101)]
    [InlineData(2014, 2006)]
    public void Constructor_rejects_years_out_of_bounds_or_reversed(int from, int to)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new YearRange(from, to));
    }
}
