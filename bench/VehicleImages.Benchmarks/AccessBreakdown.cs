using System.Diagnostics;
using System.Globalization;
using VehicleImages.Application.Access;
using VehicleImages.Application.Keys;
using VehicleImages.Benchmarks.Common;
using VehicleImages.Domain.Keys;
using VehicleImages.Storage;

namespace VehicleImages.Benchmarks;

/// <summary>
/// `access-breakdown --data DIR`: what keys, limits and metering cost per request, in-process, one thread: the
/// work <c>AccessFilter</c> does around every keyed request (admit: hash the key, cached key lookup, plan, token
/// bucket, monthly quota; then record one metered request), on the real SQLite key and usage stores of a scratch
/// data folder. Complements bench/access, whose whole-server difference is within the noise of a busy machine.
/// </summary>
internal static class AccessBreakdown
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var storage = new StorageOptions { DataDirectory = options.Required("--data") };
        var calls = options.Int("--calls", 200_000);
        var passes = options.Int("--passes", 5);
        var access = new AccessOptions();
        access.Plans["bench"] = new PlanSettings { RequestsPerSecond = 1e9, Burst = 1_000_000_000 };
        var clock = TimeProvider.System;
        var plans = new PlanBook(access);
        var keys = await StorageFactory.OpenKeysAsync(storage, CancellationToken.None);
        using var meter = new UsageMeter(await StorageFactory.OpenUsageAsync(storage, CancellationToken.None), clock);
        var authenticator = new KeyAuthenticator(keys, clock);
        var sessions = await StorageFactory.OpenAdminSessionsAsync(storage, CancellationToken.None);
        var (_, secret) = await new KeyManager(keys, sessions, authenticator, plans, clock).CreateAsync("bench", "bench", KeyScopes.Api, CancellationToken.None);
        var gate = new KeyAccess(authenticator, plans, new RateLimiter(access, clock), new FailedAttempts(access, clock), meter, clock);

        async Task<Guid> OneAsync()
        {
            var admission = await gate.AdmitAsync(secret, ApiFamily.CarsXe, "127.0.0.1", CancellationToken.None);
            var id = admission.Key?.Id ?? throw new InvalidOperationException($"Refused: {admission.Refusal}");
            meter.Record(id, "/images", chargeable: true);
            return id;
        }

        for (var i = 0; i < 10_000; i++)
        {
            await OneAsync(); // JIT to tier 1
        }

        var best = double.MaxValue;
        for (var pass = 0; pass < passes; pass++)
        {
            var clockStarted = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                await OneAsync();

                // The server flushes every second; this loop flushes as often (counted in its own time), so the meter
                // works as it does in service.
                if (i % 10_000 == 9_999)
                {
                    await meter.FlushAsync(CancellationToken.None);
                }
            }

            best = Math.Min(best, clockStarted.Elapsed.TotalMicroseconds / calls);
        }

        await meter.FlushAsync(CancellationToken.None);
        VehicleImages.Storage.StorageFactory.CloseSqliteConnections();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Keys + limits + metering in-process (one thread, real SQLite stores, best of {passes} passes of {calls:N0}): **{best:0.00} µs per request** (admit: key hash, cached key, plan, token bucket, quota; then meter the answer; a flush every 10,000)."));
        return 0;
    }
}
