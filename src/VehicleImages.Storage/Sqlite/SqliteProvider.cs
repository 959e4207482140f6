namespace VehicleImages.Storage.Sqlite;

/// <summary>Process-wide SQLite set-up, done once before any SQLite connection opens, whoever opens it first.</summary>
internal static class SqliteProvider
{
    private static readonly Lazy<bool> Ready = new(() =>
    {
        SqliteNativeLibrary.Install();
        SQLitePCL.Batteries_V2.Init();

        // Columns are snake_case, row classes PascalCase; Dapper's switch is process-wide, so it is set here,
        // before any SQLite store reads a row.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        return true;
    });

    public static void EnsureReady() => _ = Ready.Value;
}
