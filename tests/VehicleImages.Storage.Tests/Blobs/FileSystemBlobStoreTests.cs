using VehicleImages.Storage.Blobs;
using VehicleImages.Storage.Blobs.FileSystem;

namespace VehicleImages.Storage.Tests.Blobs;

public sealed class FileSystemBlobStoreTests : BlobStoreContract
{
    private readonly TempDirectory _folder = new("vi-blobs");

    protected override Task<IBlobStore> OpenEmptyAsync() => Task.FromResult<IBlobStore>(new FileSystemBlobStore(_folder.Path));

    protected override ValueTask CloseAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData(Durability.Immediate)]
    [InlineData(Durability.Deferred)]
    public async Task A_write_leaves_no_temp_file_behind(Durability durability)
    {
        await Store.PutAsync("originals/aa/x", new byte[] { 1 }, durability, Cancel);

        Assert.Empty(Directory.GetFiles(_folder.Combine(".incoming")));
    }

    [Fact]
    public void Temp_files_of_writers_that_died_long_ago_are_swept_and_recent_ones_kept()
    {
        var incoming = _folder.Combine(".incoming");
        var abandoned = Path.Combine(incoming, "dead.tmp");
        var recent = Path.Combine(incoming, "alive.tmp");
        File.WriteAllBytes(abandoned, [1]);
        File.WriteAllBytes(recent, [1]);
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-2));

        _ = new FileSystemBlobStore(_folder.Path);

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(recent));
    }
}
