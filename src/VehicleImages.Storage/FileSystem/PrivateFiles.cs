namespace VehicleImages.Storage.FileSystem;

/// <summary>
/// The data folder holds the catalog, key hashes and every original: created readable by its owner only, whatever
/// the umask, so other users of the machine cannot read the library.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and missing parents) 0700; one that exists keeps the mode its owner gave it.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            // The mode applies to the folder named only, so each missing parent is created in turn, outermost first.
            var missing = new Stack<string>();
            for (var folder = Path.GetFullPath(path); !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
            {
                missing.Push(folder);
            }

            while (missing.TryPop(out var folder))
            {
                Directory.CreateDirectory(folder, OwnerOnlyFolder);
            }
        }
    }

    /// <summary>Creates an empty file 0600 unless it exists, so a program that then opens it (SQLite) keeps that mode.</summary>
    public static void CreateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using var _ = new FileStream(path, options);
    }
}
