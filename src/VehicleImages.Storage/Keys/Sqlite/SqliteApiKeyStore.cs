using System.Globalization;
using Dapper;
using VehicleImages.Domain.Keys;
using VehicleImages.Storage.Sqlite;

namespace VehicleImages.Storage.Keys.Sqlite;

/// <summary>API keys in the SQLite file beside the catalog.</summary>
public sealed class SqliteApiKeyStore : IApiKeyStore
{
    private const string Columns = "id, name, prefix, secret_hash, plan, scopes, created_at, revoked_at";

    private readonly SqliteConnections _connections;

    private SqliteApiKeyStore(SqliteConnections connections) => _connections = connections;

    public static async Task<SqliteApiKeyStore> OpenAsync(string path, CancellationToken cancellationToken) =>
        new(await SqliteDatabase.OpenAsync(path, cancellationToken));

    public async Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO api_keys ({Columns}) VALUES (@Id, @Name, @Prefix, @SecretHash, @Plan, @Scopes, @CreatedAt, @RevokedAt)",
            Row.From(key), cancellationToken: cancellationToken));
    }

    public Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken) =>
        FindOneAsync("secret_hash = @value", secretHash, cancellationToken);

    public Task<ApiKey?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        FindOneAsync("id = @value", id.ToString(), cancellationToken);

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys ORDER BY created_at, id", cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToDomain())];
    }

    public async Task<bool> RevokeAsync(Guid id, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @when WHERE id = @id AND revoked_at IS NULL",
            new { id = id.ToString(), when = revokedAt.ToString("O", CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM api_keys WHERE id = @id", new { id = id.ToString() }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> ReplaceSecretAsync(Guid id, string prefix, string secretHash, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET prefix = @prefix, secret_hash = @secretHash WHERE id = @id AND revoked_at IS NULL",
            new { id = id.ToString(), prefix, secretHash }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> SetPlanAsync(Guid id, string plan, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET plan = @plan WHERE id = @id", new { id = id.ToString(), plan }, cancellationToken: cancellationToken)) > 0;
    }

    private async Task<ApiKey?> FindOneAsync(string condition, string value, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE {condition}", new { value }, cancellationToken: cancellationToken));
        return row?.ToDomain();
    }

    /// <summary>The api_keys table as Dapper reads and writes it.</summary>
    private sealed class Row
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";

        public string Prefix { get; set; } = "";

        public string SecretHash { get; set; } = "";

        public string Plan { get; set; } = "";

        public long Scopes { get; set; }

        public string CreatedAt { get; set; } = "";

        public string? RevokedAt { get; set; }

        public static Row From(ApiKey key) => new()
        {
            Id = key.Id.ToString(),
            Name = key.Name,
            Prefix = key.Prefix,
            SecretHash = key.SecretHash,
            Plan = key.Plan,
            Scopes = (long)key.Scopes,
            CreatedAt = key.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            RevokedAt = key.RevokedAt?.ToString("O", CultureInfo.InvariantCulture),
        };

        public ApiKey ToDomain() => new()
        {
            Id = Guid.Parse(Id),
            Name = Name,
            Prefix = Prefix,
            SecretHash = SecretHash,
            Plan = Plan,
            Scopes = (KeyScopes)Scopes,
            CreatedAt = DateTimeOffset.Parse(CreatedAt, CultureInfo.InvariantCulture),
            RevokedAt = RevokedAt is null ? null : DateTimeOffset.Parse(RevokedAt, CultureInfo.InvariantCulture),
        };
    }
}
