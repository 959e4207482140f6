using VehicleImages.Storage.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Postgres;

/// <summary>A migrated database of one test's own, opened the way the service opens it; closed and dropped on dispose.</summary>
internal sealed class OpenDatabase : IAsyncDisposable
{
    private readonly ScratchDatabase _scratch;

    private OpenDatabase(ScratchDatabase scratch, PostgresDatabase database)
    {
        _scratch = scratch;
        Database = database;
    }

    public PostgresDatabase Database { get; }

    public string ConnectionString => _scratch.ConnectionString;

    public static async Task<OpenDatabase> CreateAsync(PostgresServer server, CancellationToken cancellationToken)
    {
        var scratch = await server.CreateMigratedDatabaseAsync(cancellationToken);
        return new OpenDatabase(scratch, await PostgresDatabase.OpenAsync(scratch.ConnectionString, cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await _scratch.DisposeAsync();
    }
}
