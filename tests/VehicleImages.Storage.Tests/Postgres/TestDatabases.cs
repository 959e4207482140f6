using VehicleImages.Storage.Postgres;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Storage.Tests.Postgres;

/// <summary>
/// The databases one contract test opens on the run's server, each migrated and opened the way the service opens it;
/// all closed and dropped together when the test closes its store.
/// </summary>
internal sealed class TestDatabases(PostgresServer server) : IAsyncDisposable
{
    private readonly List<OpenDatabase> _opened = [];

    /// <summary>The database opened last, for tests that open a second pool on it (a second process).</summary>
    public OpenDatabase Last => _opened[^1];

    public async Task<PostgresDatabase> OpenAsync(CancellationToken cancellationToken)
    {
        var opened = await OpenDatabase.CreateAsync(server, cancellationToken);
        _opened.Add(opened);
        return opened.Database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var opened in _opened)
        {
            await opened.DisposeAsync();
        }

        _opened.Clear();
    }
}
