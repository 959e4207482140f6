using VehicleImages.Storage.Blobs.S3;

namespace VehicleImages.Storage.Tests.Blobs.S3;

public sealed class S3BlobUrlTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void A_full_url_gives_every_option()
    {
        var options = S3BlobUrl.Parse(
            "s3://vehicle-images/prod/blobs?endpoint=http://127.0.0.1:7480&region=eu-west-2&pathStyle=true&accessKey=AK1&secretKey=s%2Fe+c&"
            + "multipartThresholdMiB=32&partSizeMiB=6&timeoutSeconds=5&retries=2",
            NoEnvironment);

        Assert.Equal("vehicle-images", options.Bucket);
        Assert.Equal("prod/blobs/", options.KeyPrefix);
        Assert.Equal(new Uri("http://127.0.0.1:7480"), options.ServiceUrl);
        Assert.Equal("eu-west-2", options.Region);
        Assert.True(options.ForcePathStyle);
        Assert.Equal("AK1", options.AccessKey);
        Assert.Equal("s/e+c", options.SecretKey); // '+' is literal, as in AWS secret keys; '/' may be escaped
        Assert.Equal(32L * 1024 * 1024, options.MultipartThreshold);
        Assert.Equal(6 * 1024 * 1024, options.PartSize);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RequestTimeout);
        Assert.Equal(2, options.MaxRetries);
    }

    [Fact]
    public void A_bare_bucket_means_AWS_with_virtual_host_addressing_and_the_defaults()
    {
        var options = S3BlobUrl.Parse("s3://vehicle-images", NoEnvironment);

        Assert.Null(options.ServiceUrl);
        Assert.False(options.ForcePathStyle);
        Assert.Equal("us-east-1", options.Region);
        Assert.Null(options.AccessKey);
        Assert.Equal("", options.KeyPrefix);
        Assert.Equal(16L * 1024 * 1024, options.MultipartThreshold);
    }

    [Fact]
    public void Keys_and_region_left_out_come_from_the_AWS_environment_variables()
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "ENVKEY",
            ["AWS_SECRET_ACCESS_KEY"] = "envsecret",
            ["AWS_SESSION_TOKEN"] = "envtoken",
            ["AWS_DEFAULT_REGION"] = "ap-south-1",
        };

        var options = S3BlobUrl.Parse("s3://vehicle-images", name => environment.GetValueOrDefault(name));

        Assert.Equal(("ENVKEY", "envsecret", "envtoken"), (options.AccessKey, options.SecretKey, options.SessionToken));
        Assert.Equal("ap-south-1", options.Region);
        Assert.Equal("eu-north-1", S3BlobUrl.Parse("s3://vehicle-images?region=eu-north-1", name => environment.GetValueOrDefault(name)).Region);
    }

    [Fact]
    public void Keys_in_the_url_win_over_the_environment_and_are_never_mixed_with_it()
    {
        Func<string, string?> environment = name => name.StartsWith("AWS_", StringComparison.Ordinal) ? "from-env" : null;

        var options = S3BlobUrl.Parse("s3://vehicle-images?accessKey=URLKEY&secretKey=urlsecret", environment);

        Assert.Equal(("URLKEY", "urlsecret", null), (options.AccessKey, options.SecretKey, options.SessionToken));
        Assert.Throws<FormatException>(() => S3BlobUrl.Parse("s3://vehicle-images?accessKey=URLKEY", environment));
    }

    [Fact]
    public void Parameter_names_are_case_insensitive_and_a_trailing_slash_on_the_prefix_is_the_same()
    {
        var options = S3BlobUrl.Parse("s3://vehicle-images/a/b/?PATHSTYLE=TRUE", NoEnvironment);

        Assert.True(options.ForcePathStyle);
        Assert.Equal("a/b/", options.KeyPrefix);
    }

    [Theory]
    [InlineData("http://vehicle-images", "does not start with s3://")]
    [InlineData("s3://", "names no bucket")]
    [InlineData("s3://?region=x", "names no bucket")]
    [InlineData("s3://Vehicle-Images", "bucket name 'Vehicle-Images'")]
    [InlineData("s3://vi", "bucket name 'vi'")]
    [InlineData("s3://-vehicle", "bucket name '-vehicle'")]
    [InlineData("s3://vehicle_images", "bucket name 'vehicle_images'")]
    [InlineData("s3://vehicle-images/Upper/x", "key prefix 'Upper/x/'")]
    [InlineData("s3://vehicle-images/../x", "key prefix '../x/'")]
    [InlineData("s3://vehicle-images?endpoint=ftp://host", "endpoint 'ftp://host'")]
    [InlineData("s3://vehicle-images?endpoint=127.0.0.1:7480", "endpoint '127.0.0.1:7480'")]
    [InlineData("s3://vehicle-images?pathStyle=yes", "'pathStyle' is 'yes'")]
    [InlineData("s3://vehicle-images?pathstyle", "'pathStyle' has no value")]
    [InlineData("s3://vehicle-images?path_style=true", "unknown parameter 'path_style'")]
    [InlineData("s3://vehicle-images?region=a&region=b", "'region' is given twice")]
    [InlineData("s3://vehicle-images?secretKey=abc", "an access key needs its secret key")]
    [InlineData("s3://vehicle-images?partSizeMiB=4", "under S3's minimum")]
    [InlineData("s3://vehicle-images?partSizeMiB=8&multipartThresholdMiB=6", "under the part size")]
    [InlineData("s3://vehicle-images?retries=-1", "'retries' is '-1'")]
    [InlineData("s3://vehicle-images?timeoutSeconds=0", "timeout is not positive")]
    public void A_bad_url_is_refused_with_its_reason(string url, string reason)
    {
        var error = Assert.Throws<FormatException>(() => S3BlobUrl.Parse(url, NoEnvironment));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("expected s3://BUCKET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_does_not_repeat_the_secret()
    {
        var error = Assert.Throws<FormatException>(() => S3BlobUrl.Parse("s3://vehicle-images?secretKey=hunter2&sessionToken=tok3n&bogus=1", NoEnvironment));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok3n", error.Message, StringComparison.Ordinal);
        Assert.Contains("secretKey=***", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_print_as_a_url_that_parses_back_without_the_secret()
    {
        var options = S3BlobUrl.Parse("s3://vehicle-images/p?endpoint=http://127.0.0.1:7480&pathStyle=true&accessKey=AK1&secretKey=hunter2", NoEnvironment);

        var printed = options.ToString();
        var reparsed = S3BlobUrl.Parse(printed, NoEnvironment);

        Assert.DoesNotContain("hunter2", printed, StringComparison.Ordinal);
        Assert.Equal(options with { SecretKey = "***" }, reparsed);
    }
}
