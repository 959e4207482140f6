using System.Globalization;
using Dapper;
using VehicleImages.Domain.Usage;
using VehicleImages.Storage.Sqlite;

namespace VehicleImages.Storage.Usage.Sqlite;

/// <summary>Usage counts in the SQLite file beside the catalog.</summary>
public sealed class SqliteUsageStore : IUsageStore
{
    private const string DayFormat = "yyyy-MM-dd";
    private readonly SqliteConnections _connections;

    private SqliteUsageStore(SqliteConnections connections) => _connections = connections;

    public static async Task<SqliteUsageStore> OpenAsync(string path, CancellationToken cancellationToken) =>
        new(await SqliteDatabase.OpenAsync(path, cancellationToken));

    public async Task AddAsync(IReadOnlyCollection<UsageCount> counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
        {
            return;
        }

        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO usage (key_id, day, endpoint, chargeable, count) VALUES (@KeyId, @Day, @Endpoint, @Chargeable, @Count) " +
            "ON CONFLICT (key_id, day, endpoint, chargeable) DO UPDATE SET count = count + excluded.count",
            counts.Select(c => new { KeyId = c.KeyId.ToString(), Day = c.Day.ToString(DayFormat, CultureInfo.InvariantCulture), c.Endpoint, Chargeable = c.Chargeable ? 1 : 0, c.Count }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UsageCount>> QueryAsync(Guid? keyId, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT key_id AS KeyId, day, endpoint, chargeable, count FROM usage WHERE (@keyId IS NULL OR key_id = @keyId) AND day BETWEEN @from AND @to " +
            "ORDER BY day, key_id, endpoint, chargeable",
            new { keyId = keyId?.ToString(), from = Day(firstDay), to = Day(lastDay) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new UsageCount(Guid.Parse(r.KeyId), DateOnly.ParseExact(r.Day, DayFormat, CultureInfo.InvariantCulture), r.Endpoint, r.Chargeable != 0, r.Count))];
    }

    public async Task<IReadOnlyDictionary<Guid, long>> ChargeableInMonthAsync(Guid? keyId, DateOnly day, CancellationToken cancellationToken)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string KeyId, long Count)>(new CommandDefinition(
            "SELECT key_id, SUM(count) FROM usage WHERE (@keyId IS NULL OR key_id = @keyId) AND chargeable = 1 AND day BETWEEN @from AND @to GROUP BY key_id",
            new { keyId = keyId?.ToString(), from = Day(first), to = Day(first.AddMonths(1).AddDays(-1)) }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => Guid.Parse(r.KeyId), r => r.Count);
    }

    private static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    private sealed record Row(string KeyId, string Day, string Endpoint, long Chargeable, long Count);
}
