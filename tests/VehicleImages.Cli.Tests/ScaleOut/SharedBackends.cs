using System.Security.Cryptography;
using Npgsql;
using VehicleImages.Testing.Postgres;

namespace VehicleImages.Cli.Tests.ScaleOut;

/// <summary>
/// A PostgreSQL database and an S3 bucket of one test's own, and the settings (as environment variables) that point
/// every process of that test at them: API processes, ingests and key commands share nothing else. Each process gets
/// its own data folder, so anything that wrongly lived there would be missed by the others.
/// </summary>
internal sealed class SharedBackends : IAsyncDisposable
{
    // A plan slow enough that no token comes back during a test: what a burst admits is all it admits.
    public const string TightPlan = "tight";
    public const int TightBurst = 8;

    // A plan that never refuses, for counting.
    public const string OpenPlan = "open";

    private readonly ScratchDatabase _database;
    private readonly S3TestBucket _bucket;
    private readonly List<TempDirectory> _dataFolders = [];

    private SharedBackends(ScratchDatabase database, S3TestBucket bucket, Uri s3Endpoint)
    {
        _database = database;
        _bucket = bucket;
        var keywords = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        Environment = new Dictionary<string, string>
        {
            ["VEHICLE_IMAGES_Storage__Catalog"] = $"postgres://{keywords.Username}@{keywords.Host}:{keywords.Port}/{keywords.Database}",
            ["VEHICLE_IMAGES_Storage__Blobs"] =
                $"s3://{bucket.Name}/t-{Guid.NewGuid():N}?endpoint={s3Endpoint}&pathStyle=true&accessKey={bucket.Endpoint.AccessKey}"
                + $"&secretKey={bucket.Endpoint.SecretKey}&retries=1&timeoutSeconds=5",
            ["VEHICLE_IMAGES_Media__SigningKeys__0"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["VEHICLE_IMAGES_Access__ApiProcesses"] = "2",
            ["VEHICLE_IMAGES_Access__UsageFlushInterval"] = "00:00:00.200",
            [$"VEHICLE_IMAGES_Access__Plans__{TightPlan}__RequestsPerSecond"] = "0.001",
            [$"VEHICLE_IMAGES_Access__Plans__{TightPlan}__Burst"] = $"{TightBurst}",
            [$"VEHICLE_IMAGES_Access__Plans__{OpenPlan}__RequestsPerSecond"] = "100000",
            [$"VEHICLE_IMAGES_Access__Plans__{OpenPlan}__Burst"] = "100000",
        };
    }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public string ConnectionString => _database.ConnectionString;

    /// <summary>A database and bucket for one test; <paramref name="s3Endpoint"/> may be a proxy in front of the server.</summary>
    public static async Task<SharedBackends> CreateAsync(PostgresServer postgres, S3Server s3, CancellationToken cancellationToken, Func<S3Endpoint, Uri>? s3Endpoint = null)
    {
        var database = await postgres.CreateEmptyDatabaseAsync(cancellationToken);
        var bucket = new S3TestBucket(s3);
        await bucket.InitializeAsync();
        return new SharedBackends(database, bucket, (s3Endpoint ?? (endpoint => endpoint.PathStyleUrl))(bucket.Endpoint));
    }

    /// <summary>A data folder for one more process, deleted with the backends.</summary>
    public string NewDataFolder()
    {
        var folder = new TempDirectory("vi-scale");
        _dataFolders.Add(folder);
        return folder.Path;
    }

    /// <summary>Runs the CLI on the shared backends, in a data folder of its own.</summary>
    public Task<(int ExitCode, string Output, string Error)> RunCliAsync(params string[] arguments) =>
        CliProcess.RunAsync([.. arguments, "--data", NewDataFolder()], Environment.ToDictionary());

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await _bucket.DisposeAsync();
        foreach (var folder in _dataFolders)
        {
            folder.Dispose();
        }
    }
}
