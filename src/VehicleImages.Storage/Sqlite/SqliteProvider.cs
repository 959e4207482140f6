namespace VehicleImages.Storage.Sqlite;

/// <summary>Process-wide SQLite set-up, done once before any SQLite connection opens, whoever opens it first.</summary>
internal static class SqliteProvider
{
    private static readonly Lazy<bool> Ready = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        SqliteNativeLibrary.EnsureLoadedHere();
        RowMapping.EnsureConfigured();
        return true;
    });

    public static void EnsureReady() => _ = Ready.Value;
}
