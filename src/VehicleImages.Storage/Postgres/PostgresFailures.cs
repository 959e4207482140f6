using Npgsql;

namespace VehicleImages.Storage.Postgres;

/// <summary>Tells the failures that mean "PostgreSQL cannot be reached right now" from mistakes that retrying will not fix.</summary>
internal static class PostgresFailures
{
    /// <summary>
    /// The server is down, restarting, refusing or dropping connections, or too slow: the same call may work later, so
    /// callers are told to retry (503), not that something is broken (500).
    /// </summary>
    public static bool IsUnavailable(NpgsqlException failure) =>
        failure.IsTransient || IsConnectionLost(failure) || failure is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled };

    /// <summary>
    /// The session itself is gone: the socket closed under it or the server ended it (shutdown, restart, a terminated
    /// backend). Nothing more will run on that connection, so a fresh one may work at once.
    /// </summary>
    public static bool IsConnectionLost(NpgsqlException failure) => failure switch
    {
        PostgresException server => server.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            || server.SqlState.StartsWith("08", StringComparison.Ordinal),
        _ => failure.InnerException is IOException,
    };
}
