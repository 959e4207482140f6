namespace VehicleImages.Testing.Postgres;

/// <summary>The PostgreSQL server programs that the Debian packages install, newest version first.</summary>
internal static class PostgresBinaries
{
    private const string Root = "/usr/lib/postgresql";

    /// <summary>The folder holding initdb and pg_ctl; throws with the fix when there is none.</summary>
    public static string Folder()
    {
        var folders = Directory.Exists(Root) ? Directory.GetDirectories(Root) : [];
        var newest = folders
            .Select(f => (Folder: Path.Combine(f, "bin"), Version: int.TryParse(Path.GetFileName(f), out var v) ? v : 0))
            .Where(f => File.Exists(Path.Combine(f.Folder, "initdb")) && File.Exists(Path.Combine(f.Folder, "pg_ctl")))
            .OrderByDescending(f => f.Version)
            .Select(f => f.Folder)
            .FirstOrDefault();

        // Tests that need PostgreSQL must fail, not skip, when it is missing: a skipped backend looks like a passed one.
        return newest ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need the PostgreSQL server programs (initdb, pg_ctl) under {Root}/<version>/bin, and there are none. " +
            "Run scripts/setup --test, which installs the Debian postgresql package.");
    }
}
