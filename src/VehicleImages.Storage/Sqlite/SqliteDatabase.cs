namespace VehicleImages.Storage.Sqlite;

/// <summary>One SQLite file holding the catalog and the keys: opened, created if needed, and migrated once.</summary>
internal static class SqliteDatabase
{
    public static async Task<SqliteConnections> OpenAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connections = new SqliteConnections(path);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await SqliteMigrator.MigrateAsync(connection, cancellationToken);
        return connections;
    }
}
