using VehicleImages.Domain.Images;
using VehicleImages.Domain.Quality;

namespace VehicleImages.Domain.Tests.Quality;

public sealed class QualityPolicyTests
{
    private static readonly QualityMeasurements _good = new(Width: 1600, Height: 1200, Contrast: 50, Sharpness: 300, OpaqueFraction: 1);
    private static readonly ImageId _original = ImageId.Parse("0123456789abcdef");

    private static QualityIssues Judge(QualityMeasurements measurements) => QualityPolicy.Default.Judge(measurements, nearDuplicateOf: null).Issues;

    [Fact]
    public void A_good_photo_is_good()
    {
        Assert.Equal(QualityVerdict.Good, QualityPolicy.Default.Judge(_good, nearDuplicateOf: null));
    }

    [Theory]
    [InlineData(199, 150, QualityIssues.TooSmall)]
    [InlineData(200, 150, QualityIssues.None)]
    [InlineData(150, 199, QualityIssues.TooSmall)]
    [InlineData(150, 200, QualityIssues.None)]
    public void A_long_edge_below_200_is_too_small(int width, int height, QualityIssues expected)
    {
        Assert.Equal(expected, Judge(_good with { Width = width, Height = height }));
    }

    [Theory]
    [InlineData(1600, 99, QualityIssues.TooSmall)]
    [InlineData(1600, 100, QualityIssues.None)]
    [InlineData(99, 1600, QualityIssues.TooSmall)]
    [InlineData(100, 1600, QualityIssues.None)]
    public void A_short_edge_below_100_is_too_small(int width, int height, QualityIssues expected)
    {
        Assert.Equal(expected, Judge(_good with { Width = width, Height = height }));
    }

    [Theory]
    [InlineData(7.99, QualityIssues.Blank)]
    [InlineData(8, QualityIssues.None)]
    public void Contrast_below_8_is_blank(double contrast, QualityIssues expected)
    {
        Assert.Equal(expected, Judge(_good with { Contrast = contrast }));
    }

    [Theory]
    [InlineData(0.0199, QualityIssues.Blank)]
    [InlineData(0.02, QualityIssues.None)]
    public void An_opaque_fraction_below_2_percent_is_blank(double opaqueFraction, QualityIssues expected)
    {
        Assert.Equal(expected, Judge(_good with { OpaqueFraction = opaqueFraction }));
    }

    [Theory]
    [InlineData(24.99, QualityIssues.Blurred)]
    [InlineData(25, QualityIssues.None)]
    public void Sharpness_below_25_is_blurred(double sharpness, QualityIssues expected)
    {
        Assert.Equal(expected, Judge(_good with { Sharpness = sharpness }));
    }

    [Fact]
    public void Blank_wins_over_blurred()
    {
        Assert.Equal(QualityIssues.Blank, Judge(_good with { Contrast = 1, Sharpness = 0 }));
    }

    [Fact]
    public void An_almost_empty_cutout_is_blank_not_blurred()
    {
        Assert.Equal(QualityIssues.Blank, Judge(_good with { OpaqueFraction = 0.001, Sharpness = 0 }));
    }

    [Fact]
    public void Issues_combine()
    {
        Assert.Equal(QualityIssues.TooSmall | QualityIssues.Blurred, Judge(_good with { Width = 120, Height = 90, Sharpness = 3 }));
    }

    [Fact]
    public void A_near_duplicate_is_flagged()
    {
        Assert.Equal(QualityIssues.NearDuplicate, QualityPolicy.Default.Judge(_good, _original).Issues);
    }

    [Fact]
    public void A_near_duplicate_names_the_image_it_duplicates()
    {
        Assert.Equal(_original, QualityPolicy.Default.Judge(_good, _original).DuplicateOf);
    }

    [Fact]
    public void A_photo_without_a_near_duplicate_names_none()
    {
        Assert.Null(QualityPolicy.Default.Judge(_good with { Contrast = 0 }, nearDuplicateOf: null).DuplicateOf);
    }

    [Fact]
    public void A_policy_with_other_thresholds_judges_by_them()
    {
        var strict = QualityPolicy.Default with { MinContrast = 60, MinSharpness = 400 };

        Assert.Equal(QualityIssues.Blank, strict.Judge(_good, nearDuplicateOf: null).Issues);
    }

    [Fact]
    public void Judge_rejects_null_measurements()
    {
        Assert.Throws<ArgumentNullException>(() => QualityPolicy.Default.Judge(null!, nearDuplicateOf: null));
    }

    [Fact]
    public void Identical_fingerprints_are_the_same_picture()
    {
        var fingerprint = Enumerable.Range(0, 1024).Select(i => (byte)(i % 251)).ToArray();

        Assert.True(QualityPolicy.Default.IsSamePicture(fingerprint, fingerprint));
    }

    [Theory]
    [InlineData(24, true)]
    [InlineData(25, false)]
    public void Fingerprints_are_the_same_picture_while_nine_in_ten_pixels_differ_by_at_most_the_limit(int difference, bool same)
    {
        var a = new byte[1000];
        var b = new byte[1000];
        // 901 pixels (just over 90%) differ by the given amount; the rest by far more, which the percentile ignores.
        for (var i = 0; i < b.Length; i++)
        {
            b[i] = (byte)(i < 901 ? difference : 200);
        }

        Assert.Equal(same, QualityPolicy.Default.IsSamePicture(a, b));
    }

    [Fact]
    public void Fingerprints_of_different_lengths_or_empty_ones_are_never_the_same_picture()
    {
        Assert.False(QualityPolicy.Default.IsSamePicture(new byte[1024], new byte[256]));
        Assert.False(QualityPolicy.Default.IsSamePicture([], []));
    }
}
