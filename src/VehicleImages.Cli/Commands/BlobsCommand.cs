using System.CommandLine;
using Microsoft.Extensions.Configuration;
using VehicleImages.Storage;
using VehicleImages.Storage.Blobs.S3;

namespace VehicleImages.Cli.Commands;

/// <summary>`blobs setup`: the one-time preparation of the blob store, which `serve` does not do on every start.</summary>
internal static class BlobsCommand
{
    public static Command Create() => new("blobs", "Prepare the blob store.") { Setup() };

    private static Command Setup()
    {
        var setup = new Command(
            "setup",
            "Create the S3 bucket that Storage:Blobs names if it does not exist (with a rule that clears abandoned multipart uploads), then check that it answers.");
        setup.SetAction(async (parse, cancellationToken) =>
        {
            var storage = new StorageOptions();
            CommonOptions.Configuration(parse).GetSection(StorageOptions.Section).Bind(storage);
            if (string.IsNullOrWhiteSpace(storage.Blobs))
            {
                await Console.Error.WriteLineAsync($"vehicle-images: blobs are kept in the folder {Path.GetFullPath(storage.BlobDirectory)}; nothing to set up");
                return ExitCodes.Ok;
            }

            S3BlobOptions options;
            try
            {
                options = S3BlobUrl.Parse(storage.Blobs);
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"vehicle-images: Storage:Blobs: {e.Message}");
                return ExitCodes.Usage;
            }

            using var store = new S3BlobStore(options);
            try
            {
                var created = await store.EnsureBucketAsync(cancellationToken);
                await store.PingAsync(cancellationToken);
                await Console.Error.WriteLineAsync($"vehicle-images: bucket {options.Bucket} {(created ? "created" : "already exists")}; blobs go to {options}");
                return ExitCodes.Ok;
            }
#pragma warning disable CA1031 // Whatever the store answers (refused, unreachable, misnamed), the operator gets it as one line.
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                await Console.Error.WriteLineAsync($"vehicle-images: could not set up the bucket {options.Bucket} at {options}: {e.Message}");
                return ExitCodes.Unavailable;
            }
        });
        return setup;
    }
}
