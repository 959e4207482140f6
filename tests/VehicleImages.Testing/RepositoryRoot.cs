namespace VehicleImages.Testing;

/// <summary>The checkout the tests run from, found by walking up to the solution file.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "VehicleImages.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No VehicleImages.slnx above {AppContext.BaseDirectory}.");
    }
}
