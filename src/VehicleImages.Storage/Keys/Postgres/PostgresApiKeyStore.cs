using Dapper;
using VehicleImages.Domain.Keys;
using VehicleImages.Storage.Postgres;

namespace VehicleImages.Storage.Keys.Postgres;

/// <summary>API keys in the PostgreSQL database beside the catalog.</summary>
public sealed class PostgresApiKeyStore : IApiKeyStore
{
    private const string Columns = "id, name, prefix, secret_hash, plan, scopes, created_at, revoked_at";

    private readonly PostgresDatabase _database;

    public PostgresApiKeyStore(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);

        // Not repeated after a lost connection: had the first insert committed, the second would fail on the ID.
        return _database.RunOnceAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO api_keys ({Columns}) VALUES (@Id, @Name, @Prefix, @SecretHash, @Plan, @Scopes, @CreatedAt, @RevokedAt)",
            Row.From(key), cancellationToken: cancellationToken)),
            cancellationToken);
    }

    public Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken) =>
        FindOneAsync("secret_hash = @value", secretHash, cancellationToken);

    public Task<ApiKey?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        FindOneAsync("id = @value", id, cancellationToken);

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<ApiKey>>(async connection =>
            [.. (await connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM api_keys ORDER BY created_at, id", cancellationToken: cancellationToken))).Select(row => row.ToDomain())],
            cancellationToken);

    // COALESCE keeps the first revocation time, and the key's row counts as found either way: safe to repeat.
    public Task<bool> RevokeAsync(Guid id, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        UpdateAsync(
            "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @when) WHERE id = @id", new { id, when = revokedAt.ToUniversalTime() }, cancellationToken);

    public Task<bool> ReplaceSecretAsync(Guid id, string prefix, string secretHash, CancellationToken cancellationToken) =>
        UpdateAsync(
            "UPDATE api_keys SET prefix = @prefix, secret_hash = @secretHash WHERE id = @id AND revoked_at IS NULL", new { id, prefix, secretHash }, cancellationToken);

    public Task<bool> SetPlanAsync(Guid id, string plan, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE api_keys SET plan = @plan WHERE id = @id", new { id, plan }, cancellationToken);

    // Each update sets values rather than adding to them, so running one twice leaves the same row.
    private Task<bool> UpdateAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        _database.RunAsync(
            async connection => await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)) > 0, cancellationToken);

    private Task<ApiKey?> FindOneAsync<T>(string condition, T value, CancellationToken cancellationToken) =>
        _database.RunAsync(async connection => (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE {condition}", new { value }, cancellationToken: cancellationToken)))?.ToDomain(),
            cancellationToken);

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
