using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace VehicleImages.Api.Http;

/// <summary>
/// Logs each cause of unexpected failure (its exception type and throw site) with its stack trace at most once per
/// window, and how many repeats were left out when the window has passed, or at shutdown: a client that provokes the
/// same failure over and over costs the log a few lines a minute, not a stack trace a request.
/// </summary>
internal sealed class UnexpectedFailures(ILogger<UnexpectedFailures> logger, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Causes are sites in the code, so few; past this many, new ones share one entry rather than grow the table.
    private const int MaxCauses = 1_000;
    private const string ManyCauses = "(other causes)";

    private readonly ConcurrentDictionary<string, Cause> _causes = new(StringComparer.Ordinal);

    public void Report(Exception exception, string family, string path)
    {
        var name = NameOf(exception);
        if (!_causes.TryGetValue(name, out var cause))
        {
            name = _causes.Count < MaxCauses ? name : ManyCauses;
            cause = _causes.GetOrAdd(name, static _ => new Cause());
        }

        var now = clock.GetTimestamp();
        long leftOut;
        lock (cause)
        {
            if (cause.Logged is { } logged && clock.GetElapsedTime(logged, now) < Window)
            {
                cause.LeftOut++;
                return;
            }

            (leftOut, cause.LeftOut, cause.Logged) = (cause.LeftOut, 0, now);
        }

        if (leftOut > 0)
        {
            logger.RequestFailuresLeftOut(leftOut, name, Window);
        }

        logger.RequestFailed(exception, family, path);
    }

    public void Dispose()
    {
        foreach (var (name, cause) in _causes)
        {
            long leftOut;
            lock (cause)
            {
                (leftOut, cause.LeftOut) = (cause.LeftOut, 0);
            }

            if (leftOut > 0)
            {
                logger.RequestFailuresLeftOut(leftOut, name, Window);
            }
        }
    }

    // The innermost exception is where the failure began; wrappers around it add no new cause.
    private static string NameOf(Exception exception)
    {
        var origin = exception.GetBaseException();
        var site = new StackTrace(origin, fNeedFileInfo: false).GetFrame(0);
        var method = site?.GetMethod();
        return method is null
            ? origin.GetType().FullName ?? origin.GetType().Name
            : $"{origin.GetType().FullName} at {method.DeclaringType?.FullName}.{method.Name}+{site!.GetILOffset()}";
    }

    private sealed class Cause
    {
        public long? Logged { get; set; }

        public long LeftOut { get; set; }
    }
}
