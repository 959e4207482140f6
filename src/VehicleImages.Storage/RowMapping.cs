namespace VehicleImages.Storage;

/// <summary>How Dapper maps columns onto the backends' row classes, set once for the process.</summary>
internal static class RowMapping
{
    private static readonly Lazy<bool> Configured = new(() =>
    {
        // Columns are snake_case, row classes PascalCase. The switch is process-wide, so every backend sets it
        // here, before its first query, rather than each setting it its own way.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        return true;
    });

    public static void EnsureConfigured() => _ = Configured.Value;
}
