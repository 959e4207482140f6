using Dapper;
using VehicleImages.Domain.Usage;
using VehicleImages.Storage.Postgres;

namespace VehicleImages.Storage.Usage.Postgres;

/// <summary>Usage counts in the PostgreSQL database beside the catalog, shared by every API process.</summary>
public sealed class PostgresUsageStore : IUsageStore
{
    private readonly PostgresDatabase _database;

    public PostgresUsageStore(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public Task AddAsync(IReadOnlyCollection<UsageCount> counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
        {
            return Task.CompletedTask;
        }

        // One statement for the whole batch. Duplicates within it are summed first, because ON CONFLICT may update a
        // row only once per statement. Rows are written in key order, so two processes flushing the same keys lock
        // them in the same order: the second waits for the first and adds to its total, and neither deadlocks. Never
        // repeated after a lost connection: had the first run committed, the counts would be added twice; the meter
        // keeps a failed batch and offers it again later instead.
        return _database.RunOnceAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO usage (key_id, day, endpoint, chargeable, count) " +
            "SELECT key_id, day, endpoint, chargeable, SUM(count)::bigint " +
            "FROM unnest(@keyIds, @days, @endpoints, @chargeables, @counts) AS batch (key_id, day, endpoint, chargeable, count) " +
            "GROUP BY key_id, day, endpoint, chargeable ORDER BY key_id, day, endpoint, chargeable " +
            "ON CONFLICT (key_id, day, endpoint, chargeable) DO UPDATE SET count = usage.count + excluded.count",
            new
            {
                keyIds = counts.Select(c => c.KeyId).ToArray(),
                days = counts.Select(c => c.Day).ToArray(),
                endpoints = counts.Select(c => c.Endpoint).ToArray(),
                chargeables = counts.Select(c => c.Chargeable).ToArray(),
                counts = counts.Select(c => c.Count).ToArray(),
            },
            cancellationToken: cancellationToken)),
            cancellationToken);
    }

    // Endpoints sort by code point, as in every backend, whatever collation the database was created with.
    public Task<IReadOnlyList<UsageCount>> QueryAsync(Guid? keyId, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<UsageCount>>(async connection =>
            [.. (await connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT key_id, day, endpoint, chargeable, count FROM usage WHERE {KeyCondition(keyId)} AND day BETWEEN @from AND @to " +
                "ORDER BY day, key_id, endpoint COLLATE \"C\", chargeable",
                new { keyId, from = firstDay, to = lastDay }, cancellationToken: cancellationToken))).Select(r => new UsageCount(r.KeyId, r.Day, r.Endpoint, r.Chargeable, r.Count))],
            cancellationToken);

    public Task<IReadOnlyDictionary<Guid, long>> ChargeableInMonthAsync(Guid? keyId, DateOnly day, CancellationToken cancellationToken)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return _database.RunAsync<IReadOnlyDictionary<Guid, long>>(async connection =>
            (await connection.QueryAsync<(Guid KeyId, long Count)>(new CommandDefinition(
                $"SELECT key_id, SUM(count)::bigint FROM usage WHERE {KeyCondition(keyId)} AND chargeable AND day BETWEEN @from AND @to GROUP BY key_id",
                new { keyId, from = first, to = first.AddMonths(1).AddDays(-1) }, cancellationToken: cancellationToken))).ToDictionary(r => r.KeyId, r => r.Count),
            cancellationToken);
    }

    // Written out rather than "(@keyId IS NULL OR key_id = @keyId)", so each form gets a plan that uses its index.
    private static string KeyCondition(Guid? keyId) => keyId is null ? "TRUE" : "key_id = @keyId";

    private sealed record Row(Guid KeyId, DateOnly Day, string Endpoint, bool Chargeable, long Count);
}
