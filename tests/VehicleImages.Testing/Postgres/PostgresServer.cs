using Npgsql;
using VehicleImages.Storage.Postgres;

namespace VehicleImages.Testing.Postgres;

/// <summary>
/// One throwaway PostgreSQL server for a test run, shared by every test class as an assembly fixture. It starts on
/// first use, so runs that need no database never start it, and it stops and deletes its folder when the run ends.
/// Each test takes databases of its own from it.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string MigratedTemplate = "vi_migrated";

    private readonly Lazy<Task<(PostgresCluster Cluster, NpgsqlDataSource Admin)>> _running;
    private readonly Lazy<Task> _migratedTemplate;

    public PostgresServer()
    {
        _running = new(() => Task.Run(() =>
        {
            var cluster = PostgresCluster.Start();
            return (cluster, NpgsqlDataSource.Create(cluster.ConnectionString("postgres")));
        }));
        _migratedTemplate = new(CreateMigratedTemplateAsync);
    }

    /// <summary>A new database with nothing in it.</summary>
    public Task<ScratchDatabase> CreateEmptyDatabaseAsync(CancellationToken cancellationToken) => CreateAsync("template0", cancellationToken);

    /// <summary>A new database with the service's schema, copied from one migrated once per run (quicker than migrating each).</summary>
    public async Task<ScratchDatabase> CreateMigratedDatabaseAsync(CancellationToken cancellationToken)
    {
        await _migratedTemplate.Value.WaitAsync(cancellationToken);
        return await CreateAsync(MigratedTemplate, cancellationToken);
    }

    /// <summary>Shuts the server down, keeping its databases, to play an outage; <see cref="ResumeAsync"/> ends it.</summary>
    public async Task HaltAsync()
    {
        var (cluster, _) = await _running.Value;
        await Task.Run(cluster.Halt);
    }

    /// <summary>Starts the halted server again, on the same port with the same databases.</summary>
    public async Task ResumeAsync()
    {
        var (cluster, admin) = await _running.Value;
        await Task.Run(cluster.Resume);

        // The admin pool's connections died with the server; dropping them keeps the next CREATE/DROP DATABASE working.
        admin.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_running.IsValueCreated || !_running.Value.IsCompletedSuccessfully)
        {
            return;
        }

        var (cluster, admin) = await _running.Value;
        await admin.DisposeAsync();
        cluster.Stop();
    }

    private async Task<ScratchDatabase> CreateAsync(string template, CancellationToken cancellationToken)
    {
        var (cluster, admin) = await _running.Value.WaitAsync(cancellationToken);
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var command = admin.CreateCommand($"CREATE DATABASE {name} TEMPLATE {template}"))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new ScratchDatabase(name, cluster.ConnectionString(name), admin);
    }

    private async Task CreateMigratedTemplateAsync()
    {
        // Shared by every test, so no one test's cancellation may cancel it.
        var (cluster, admin) = await _running.Value;
        await using (var command = admin.CreateCommand($"CREATE DATABASE {MigratedTemplate} TEMPLATE template0"))
        {
            await command.ExecuteNonQueryAsync();
        }

        // Closing the pool disconnects: a database can be copied only while no one is connected to it.
        await using var database = await PostgresDatabase.OpenAsync(cluster.ConnectionString(MigratedTemplate), CancellationToken.None);
    }
}
