using System.Collections.Concurrent;

namespace VehicleImages.Storage.Postgres;

/// <summary>
/// The PostgreSQL databases this process has opened, one per connection string. The catalog, the keys and the usage
/// counts live in the same database, and opening it once gives them one pool and one migration run between them.
/// </summary>
internal static class SharedDatabases
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<PostgresDatabase>>> Opened = new(StringComparer.Ordinal);

    public static async Task<PostgresDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Keyed by the normalised form, so a URL and the keywords it stands for share one database.
        var key = PostgresConnectionString.Normalise(connectionString);
        var opening = Opened.GetOrAdd(key, _ => new Lazy<Task<PostgresDatabase>>(() => PostgresDatabase.OpenAsync(key, CancellationToken.None)));
        try
        {
            return await opening.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (opening.Value.IsFaulted)
        {
            // A failed open (server down at start-up) is not remembered: the next caller tries again.
            Opened.TryRemove(KeyValuePair.Create(key, opening));
            throw;
        }
    }
}
