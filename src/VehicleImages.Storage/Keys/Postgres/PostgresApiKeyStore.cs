using Dapper;
using Npgsql;
using VehicleImages.Domain.Keys;
using VehicleImages.Storage.Postgres;

namespace VehicleImages.Storage.Keys.Postgres;

/// <summary>API keys in the PostgreSQL database beside the catalog.</summary>
public sealed class PostgresApiKeyStore : IApiKeyStore
{
    private const string Columns = "id, name, prefix, secret_hash, plan, scopes, created_at, revoked_at";

    private readonly NpgsqlDataSource _dataSource;

    public PostgresApiKeyStore(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _dataSource = database.DataSource;
    }

    public async Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO api_keys ({Columns}) VALUES (@Id, @Name, @Prefix, @SecretHash, @Plan, @Scopes, @CreatedAt, @RevokedAt)",
            Row.From(key), cancellationToken: cancellationToken));
    }

    public Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken) =>
        FindOneAsync("secret_hash = @value", secretHash, cancellationToken);

    public Task<ApiKey?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        FindOneAsync("id = @value", id, cancellationToken);

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys ORDER BY created_at, id", cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToDomain())];
    }

    public async Task<bool> RevokeAsync(Guid id, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        // COALESCE keeps the first revocation time, and the key's row counts as found either way.
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @when) WHERE id = @id",
            new { id, when = revokedAt.ToUniversalTime() }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> ReplaceSecretAsync(Guid id, string prefix, string secretHash, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET prefix = @prefix, secret_hash = @secretHash WHERE id = @id AND revoked_at IS NULL",
            new { id, prefix, secretHash }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> SetPlanAsync(Guid id, string plan, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET plan = @plan WHERE id = @id", new { id, plan }, cancellationToken: cancellationToken)) > 0;
    }

    private async Task<ApiKey?> FindOneAsync<T>(string condition, T value, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE {condition}", new { value }, cancellationToken: cancellationToken));
        return row?.ToDomain();
    }

    /// <summary>The api_keys table as Dapper reads and writes it.</summary>
    private sealed class Row
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = "";

        public string Prefix { get; set; } = "";

        public string SecretHash { get; set; } = "";

        public string Plan { get; set; } = "";

        public int Scopes { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? RevokedAt { get; set; }

        // timestamptz keeps the instant, not the offset, and Npgsql writes only UTC values to it.
        public static Row From(ApiKey key) => new()
        {
            Id = key.Id,
            Name = key.Name,
            Prefix = key.Prefix,
            SecretHash = key.SecretHash,
            Plan = key.Plan,
            Scopes = (int)key.Scopes,
            CreatedAt = key.CreatedAt.ToUniversalTime(),
            RevokedAt = key.RevokedAt?.ToUniversalTime(),
        };

        public ApiKey ToDomain() => new()
        {
            Id = Id,
            Name = Name,
            Prefix = Prefix,
            SecretHash = SecretHash,
            Plan = Plan,
            Scopes = (KeyScopes)Scopes,
            CreatedAt = CreatedAt,
            RevokedAt = RevokedAt,
        };
    }
}
