using VehicleImages.Storage.FileSystem;

namespace VehicleImages.Storage.Blobs.FileSystem;

/// <summary>
/// Blobs as files under one folder. A write goes to a temp file in the store's own temp folder, is flushed to disk,
/// then renamed into place: a process killed mid-write leaves only a temp file, which no reader ever looks at.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const string TempFolder = ".incoming";

    // A temp file is named after the process writing it, so one whose writer is gone is swept at once. Where that
    // cannot be told (no /proc, or a writer on another machine sharing the folder), a temp file this old is abandoned.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);
    private static readonly string Writer = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private readonly string _root;
    private readonly string _temp;

    public FileSystemBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, TempFolder);
        PrivateFiles.CreateDirectory(_root);
        Directory.CreateDirectory(_temp);
        SweepAbandonedTempFiles();
    }

    public string Root => _root;

    public Task PutAsync(string key, ReadOnlyMemory<byte> content, Durability durability, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Without syncfs there is no cheap flush of many files, so a deferred write is made durable at once.
        var immediate = durability == Durability.Immediate || !FileSystemSync.CanFlushAll;
        var path = PathOf(key);
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(_temp, $"{Writer}-{Guid.NewGuid():N}.tmp");
        try
        {
            // Written synchronously, like reads (below): an asynchronous FileStream on Linux hands every write to
            // another thread, which cost more than the write itself for the small files of a rendition.
            using (var file = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                RandomAccess.Write(file, content.Span, fileOffset: 0);
                if (immediate)
                {
                    RandomAccess.FlushToDisk(file);
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        if (immediate)
        {
            FileSystemSync.FlushDirectory(directory);
        }

        return Task.CompletedTask;
    }

    /// <summary>One syncfs for the whole folder's file system: every deferred write's data, then its rename.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        FileSystemSync.FlushAll(_root);
        return Task.CompletedTask;
    }

    // Read synchronously: Linux has no asynchronous file reads, so .NET's would hand each read to another thread,
    // which costs more than reading a rendition from the page cache.
    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<byte[]?>(File.ReadAllBytes(PathOf(key)));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<byte[]?>(null);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            Stream stream = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<BlobInfo?> StatAsync(string key, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(key));
        return Task.FromResult(file.Exists ? new BlobInfo(file.Length, file.LastWriteTimeUtc) : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public Task PingAsync(CancellationToken cancellationToken)
    {
        // Readiness means a write would work: the temp folder exists and takes a file.
        var probe = Path.Combine(_temp, $"ping-{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(probe, []);
        File.Delete(probe);
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        BlobKey.Validate(key);
        return Path.Combine(_root, key);
    }

    private void SweepAbandonedTempFiles()
    {
        var cutoff = DateTime.UtcNow - AbandonedAfter;
        foreach (var file in new DirectoryInfo(_temp).EnumerateFiles("*.tmp"))
        {
            if (file.LastWriteTimeUtc < cutoff || WriterIsGone(file.Name))
            {
                file.Delete();
            }
        }
    }

    // "{pid}-{guid}.tmp": gone when this machine has no such process. Older names carry no writer: only their age tells.
    private static bool WriterIsGone(string name) =>
        name.IndexOf('-', StringComparison.Ordinal) is > 0 and var dash && int.TryParse(name.AsSpan(0, dash), out var pid) &&
        Directory.Exists("/proc/self") && !Directory.Exists($"/proc/{pid}");
}
