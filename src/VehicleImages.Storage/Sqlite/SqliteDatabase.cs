using VehicleImages.Storage.FileSystem;

namespace VehicleImages.Storage.Sqlite;

/// <summary>One SQLite file holding the catalog and the keys: opened, created if needed, and migrated once.</summary>
internal static class SqliteDatabase
{
    public static async Task<SqliteConnections> OpenAsync(string path, CancellationToken cancellationToken)
    {
        // SQLite gives its -wal and -shm files the database file's mode: creating it 0600 first keeps all three private.
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        PrivateFiles.CreateFile(path);
        var connections = new SqliteConnections(path);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await SqliteMigrator.MigrateAsync(connection, cancellationToken);
        return connections;
    }
}
