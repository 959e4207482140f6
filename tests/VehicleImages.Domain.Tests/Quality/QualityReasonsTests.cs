using VehicleImages.Domain.Quality;

namespace VehicleImages.Domain.Tests.Quality;

public sealed class QualityReasonsTests
{
    public static TheoryData<QualityIssues> SingleIssues =>
        new(Enum.GetValues<QualityIssues>().Where(issue => issue != QualityIssues.None));

    [Theory]
    [InlineData(QualityIssues.TooSmall, "too_small")]
    [InlineData(QualityIssues.Blank, "blank")]
    [InlineData(QualityIssues.Blurred, "blurred")]
    [InlineData(QualityIssues.NearDuplicate, "near_duplicate")]
    [InlineData(QualityIssues.NotVehiclePhoto, "not_vehicle_photo")]
    [InlineData(QualityIssues.MarkedBad, "marked_bad")]
    public void Each_issue_has_its_snake_case_name(QualityIssues issue, string name)
    {
        Assert.Equal([name], QualityReasons.Names(issue));
    }

    [Theory]
    [MemberData(nameof(SingleIssues))]
    public void Names_round_trip_through_TryParse(QualityIssues issue)
    {
        Assert.True(QualityReasons.TryParse(QualityReasons.Names(issue).Single(), out var parsed));
        Assert.Equal(issue, parsed);
    }

    [Fact]
    public void No_issues_have_no_names()
    {
        Assert.Empty(QualityReasons.Names(QualityIssues.None));
    }

    [Fact]
    public void Several_issues_give_one_name_each_in_a_stable_order()
    {
        Assert.Equal(["too_small", "near_duplicate"], QualityReasons.Names(QualityIssues.NearDuplicate | QualityIssues.TooSmall));
    }

    [Fact]
    public void TryParse_ignores_case()
    {
        Assert.True(QualityReasons.TryParse("NEAR_DUPLICATE", out var issue));
        Assert.Equal(QualityIssues.NearDuplicate, issue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("none")]
    [InlineData("too small")]
    [InlineData("TooSmall")]
    [InlineData("ugly")]
    public void TryParse_rejects_unknown_names(string name)
    {
        Assert.False(QualityReasons.TryParse(name, out _));
    }
}
