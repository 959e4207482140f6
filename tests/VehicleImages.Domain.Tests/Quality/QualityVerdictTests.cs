using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;

namespace VehicleImages.Domain.Tests.Quality;

public sealed class QualityVerdictTests
{
    [Fact]
    public void Good_is_good()
    {
        Assert.True(QualityVerdict.Good.IsGood);
    }

    [Fact]
    public void Good_has_no_reasons()
    {
        Assert.Empty(QualityVerdict.Good.Reasons);
    }

    [Theory]
    [InlineData(QualityIssues.TooSmall)]
    [InlineData(QualityIssues.NotVehiclePhoto)]
    [InlineData(QualityIssues.Blank | QualityIssues.NearDuplicate)]
    public void Any_issue_makes_a_verdict_not_good(QualityIssues issues)
    {
        Assert.False(new QualityVerdict(issues).IsGood);
    }

    [Fact]
    public void Reasons_name_every_issue()
    {
        var verdict = new QualityVerdict(QualityIssues.Blurred | QualityIssues.NearDuplicate, ImageId.Parse("0123456789abcdef"));

        Assert.Equal(["blurred", "near_duplicate"], verdict.Reasons);
    }
}
