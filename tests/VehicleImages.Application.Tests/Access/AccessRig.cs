using VehicleImages.Application.Access;
using VehicleImages.Application.Keys;
using VehicleImages.Storage.Keys.Sqlite;
using VehicleImages.Storage.Sessions.Sqlite;
using VehicleImages.Storage.Usage.Sqlite;

namespace VehicleImages.Application.Tests.Access;

/// <summary>Key access over real SQLite key and usage stores, on a clock the test moves.</summary>
internal sealed class AccessRig : IAsyncDisposable
{
    private readonly TempDirectory _folder;

    private AccessRig(TempDirectory folder, ManualClock clock, PlanBook plans, KeyManager keys, UsageMeter usage, KeyAccess access)
    {
        _folder = folder;
        Clock = clock;
        Plans = plans;
        Keys = keys;
        Usage = usage;
        Access = access;
    }

    public ManualClock Clock { get; }

    public PlanBook Plans { get; }

    public KeyManager Keys { get; }

    public UsageMeter Usage { get; }

    public KeyAccess Access { get; }

    public static async Task<AccessRig> StartAsync(AccessOptions options, CancellationToken cancellationToken)
    {
        var folder = new TempDirectory("vi-access");
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var keyStore = await SqliteApiKeyStore.OpenAsync(folder.Combine("catalog.db"), cancellationToken);
        var usage = new UsageMeter(await SqliteUsageStore.OpenAsync(folder.Combine("catalog.db"), cancellationToken), clock);
        var plans = new PlanBook(options);
        var authenticator = new KeyAuthenticator(keyStore, clock);
        var access = new KeyAccess(authenticator, plans, new RateLimiter(options, clock), new FailedAttempts(options, clock), usage, clock);
        return new AccessRig(folder, clock, plans, new KeyManager(keyStore, await SqliteAdminSessionStore.OpenAsync(folder.Combine("catalog.db"), cancellationToken), authenticator, plans, clock), usage, access);
    }

    public ValueTask DisposeAsync()
    {
        Usage.Dispose();
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
