using Microsoft.Data.Sqlite;

namespace VehicleImages.Storage.Sqlite;

/// <summary>Opens connections to one SQLite file with the settings every connection needs.</summary>
internal sealed class SqliteConnections
{
    private readonly string _connectionString;
    private readonly string _unpooledConnectionString;

    public SqliteConnections(string path)
    {
        SqliteProvider.EnsureReady();
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        _unpooledConnectionString = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString();
    }

    /// <summary>A connection kept open by its owner for the life of the process, outside the pool, read-only by use.</summary>
    public SqliteConnection OpenUnpooled()
    {
        var connection = new SqliteConnection(_unpooledConnectionString);
        connection.Open();
        return connection;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragmas = connection.CreateCommand();
        // WAL lets the server read while an ingest writes; NORMAL sync in WAL mode never corrupts and never
        // loses a commit to a process crash (only, at worst, the last commits to a power cut). busy_timeout makes
        // a second writer wait instead of failing.
        pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
