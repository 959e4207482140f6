using VehicleImages.Storage.Blobs.FileSystem;
using VehicleImages.Storage.Blobs.S3;

namespace VehicleImages.Storage.Tests;

public sealed class StorageFactoryTests
{
    [Fact]
    public void Blobs_go_to_the_data_folder_unless_an_S3_url_is_configured()
    {
        using var data = new TempDirectory("vi-factory");

        var folder = StorageFactory.OpenBlobStore(new StorageOptions { DataDirectory = data.Path });
        using var s3 = (S3BlobStore)StorageFactory.OpenBlobStore(new StorageOptions { DataDirectory = data.Path, Blobs = "s3://vehicle-images/prod?region=eu-west-2&accessKey=AK&secretKey=SK" });

        Assert.Equal(data.Combine("blobs"), Assert.IsType<FileSystemBlobStore>(folder).Root);
        Assert.Equal(("vehicle-images", "prod/", "eu-west-2"), (s3.Options.Bucket, s3.Options.KeyPrefix, s3.Options.Region));
    }

    [Fact]
    public void A_blob_setting_that_is_not_an_S3_url_is_refused() =>
        Assert.Throws<FormatException>(() => StorageFactory.OpenBlobStore(new StorageOptions { Blobs = "/srv/blobs" }));
}
