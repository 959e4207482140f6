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

    [Fact]
    public async Task The_temp_files_of_a_killed_writer_are_swept_at_the_next_start_however_young_and_a_live_writers_kept()
    {
        var killed = await KilledProcessIdAsync();
        var incoming = _folder.Combine(".incoming");
        var orphan = Path.Combine(incoming, $"{killed}-0123456789abcdef0123456789abcdef.tmp");
        var live = Path.Combine(incoming, $"{Environment.ProcessId}-0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllBytes(orphan, []);
        File.WriteAllBytes(live, []);

        _ = new FileSystemBlobStore(_folder.Path);

        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(live));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_new_blob_folder_is_its_owners_only()
    {
        using var parent = new TempDirectory("vi-private");
        var root = parent.Combine("data/blobs");

        _ = new FileSystemBlobStore(root);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(root));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(parent.Combine("data")));
    }

    // The ID of a process that has ended, as an ingest killed mid-write leaves behind.
    private static async Task<int> KilledProcessIdAsync()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        await process.WaitForExitAsync(Cancel);
        return process.Id;
    }
}
