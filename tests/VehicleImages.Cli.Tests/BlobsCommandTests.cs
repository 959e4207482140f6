using VehicleImages.Storage.Blobs.S3;

namespace VehicleImages.Cli.Tests;

public sealed class BlobsCommandTests(S3Server server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Setup_creates_the_configured_bucket_once_and_the_store_then_answers()
    {
        var s3 = await server.GetAsync();
        var bucket = $"vi-cli-{Guid.NewGuid().ToString("N")[..12]}";
        var url = $"s3://{bucket}?endpoint={s3.PathStyleUrl}&pathStyle=true&accessKey={s3.AccessKey}&secretKey={s3.SecretKey}";
        var environment = new Dictionary<string, string> { ["VEHICLE_IMAGES_Storage__Blobs"] = url };
        using var data = new TempDirectory("vi-cli-blobs");

        var first = await CliProcess.RunAsync(["blobs", "setup", "--data", data.Path], environment);
        var second = await CliProcess.RunAsync(["blobs", "setup", "--data", data.Path], environment);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains($"bucket {bucket} created", first.Error, StringComparison.Ordinal);
        Assert.Contains($"bucket {bucket} already exists", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(s3.SecretKey, first.Error + second.Error, StringComparison.Ordinal);
        using var store = new S3BlobStore(S3BlobUrl.Parse(url));
        await store.PingAsync(Cancel);
    }

    [Fact]
    public async Task Setup_refuses_a_bad_url_with_its_reason()
    {
        using var data = new TempDirectory("vi-cli-blobs");
        var environment = new Dictionary<string, string> { ["VEHICLE_IMAGES_Storage__Blobs"] = "s3://Bad_Bucket" };

        var (exitCode, _, error) = await CliProcess.RunAsync(["blobs", "setup", "--data", data.Path], environment);

        Assert.Equal(2, exitCode);
        Assert.Contains("bucket name 'Bad_Bucket'", error, StringComparison.Ordinal);
    }
}
