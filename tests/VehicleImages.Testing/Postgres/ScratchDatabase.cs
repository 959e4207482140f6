using Npgsql;

namespace VehicleImages.Testing.Postgres;

/// <summary>A database of one test's own on the shared <see cref="PostgresServer"/>, dropped when disposed.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _admin;

    internal ScratchDatabase(string name, string connectionString, NpgsqlDataSource admin)
    {
        Name = name;
        ConnectionString = connectionString;
        _admin = admin;
    }

    public string Name { get; }

    /// <summary>Npgsql keywords for the database, as the superuser.</summary>
    public string ConnectionString { get; }

    public async ValueTask DisposeAsync()
    {
        // FORCE ends connections a test left open, so that a leaked connection cannot keep the database alive.
        await using var command = _admin.CreateCommand($"DROP DATABASE {Name} WITH (FORCE)");
        await command.ExecuteNonQueryAsync();
    }
}
