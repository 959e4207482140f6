using System.Collections.Concurrent;
using VehicleImages.Storage.Catalog;

namespace VehicleImages.Application.Answers;

/// <summary>
/// Whole answers of the search APIs, as the bytes sent, remembered under a key that names everything the bytes
/// depend on besides the catalog (the caller's business: parameters as echoed, link root, link expiry). The catalog
/// is the cache's own business:
/// <list type="bullet">
/// <item>this process's writes advance <see cref="CatalogChanges"/>, and an answer made in an older generation is
/// never served again;</item>
/// <item>another process's writes show within <see cref="AnswerCacheOptions.AnswerCacheSeconds"/>: when the catalog
/// has an <see cref="ICatalogVersion"/> (SQLite) it is read at most that often and a change empties the cache, so an
/// answer lives as long as the catalog stays the same; without one (PostgreSQL) each answer lives that long.</item>
/// </list>
/// Memory is bounded: past the limit, answers that can no longer be served go first, then the oldest.
/// </summary>
public sealed class AnswerCache
{
    // What an entry costs besides its key and body: the entry object, the dictionary node, the array header.
    private const int EntryOverhead = 128;

    private readonly CatalogChanges _changes;
    private readonly TimeProvider _clock;
    private readonly ICatalogVersion? _version;
    private readonly TimeSpan _lifetime;
    private readonly long _limit;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Key, long Generation), Task<byte[]>> _making = new();
    private readonly Lock _gate = new();
    private long _bytes;
    private long _generationHeld;
    private long _versionSeen = long.MinValue;
    private long _versionCheckDueTicks = long.MinValue;

    public AnswerCache(AnswerCacheOptions options, CatalogChanges changes, TimeProvider clock, ICatalogVersion? version)
    {
        ArgumentNullException.ThrowIfNull(options);
        _changes = changes;
        _clock = clock;
        _version = version;
        _lifetime = TimeSpan.FromSeconds(options.AnswerCacheSeconds);
        _limit = options.AnswerCacheMegabytes * 1024L * 1024L;
        _generationHeld = changes.Generation;
    }

    /// <summary>Memory the remembered answers take now, as counted against the limit.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// The answer remembered under the key, or else the one <paramref name="make"/> makes, remembered. Concurrent
    /// requests for the same missing answer wait for one making. Failures are not remembered.
    /// </summary>
    public async Task<byte[]> GetOrMakeAsync(string key, Func<CancellationToken, Task<byte[]>> make, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(make);
        if (_lifetime <= TimeSpan.Zero)
        {
            return await make(cancellationToken);
        }

        var now = _clock.GetUtcNow();
        var generation = CurrentGeneration(now);
        if (_entries.TryGetValue(key, out var entry) && Servable(entry, generation, now))
        {
            return entry.Body;
        }

        var making = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var flight = (key, generation);
        var running = _making.GetOrAdd(flight, making.Task);
        if (running == making.Task)
        {
            _ = MakeAsync(flight, now, make, making);
        }

        return await running.WaitAsync(cancellationToken);
    }

    private async Task MakeAsync((string Key, long Generation) flight, DateTimeOffset now, Func<CancellationToken, Task<byte[]>> make, TaskCompletionSource<byte[]> making)
    {
        try
        {
            // Others may be waiting for this answer: one caller's disconnect must not fail theirs.
            var body = await make(CancellationToken.None);
            Remember(flight.Key, new Entry(body, flight.Generation, now, EntryOverhead + (2L * flight.Key.Length) + body.Length));
            making.SetResult(body);
        }
        catch (Exception e)
        {
            making.SetException(e);
        }
        finally
        {
            _making.TryRemove(KeyValuePair.Create(flight, making.Task));
        }
    }

    private bool Servable(Entry entry, long generation, DateTimeOffset now) =>
        entry.Generation == generation && (_version is not null || now - entry.MadeAt < _lifetime);

    /// <summary>The catalog's generation now, after reading the catalog's version if it is due; a new generation empties the cache.</summary>
    private long CurrentGeneration(DateTimeOffset now)
    {
        if (_version is not null && now.UtcTicks >= Interlocked.Read(ref _versionCheckDueTicks))
        {
            // One reader per period: whoever moves the due time reads the version, everyone else goes on.
            var due = Interlocked.Read(ref _versionCheckDueTicks);
            if (now.UtcTicks >= due && Interlocked.CompareExchange(ref _versionCheckDueTicks, (now + _lifetime).UtcTicks, due) == due)
            {
                // A version that cannot be read counts as a change: forgetting is always safe.
                var version = TryRead(_version);
                if (version is null || Interlocked.Exchange(ref _versionSeen, version.Value) != version.Value)
                {
                    _changes.Advance();
                }
            }
        }

        var generation = _changes.Generation;
        if (generation != Interlocked.Read(ref _generationHeld))
        {
            lock (_gate)
            {
                if (generation > _generationHeld)
                {
                    _entries.Clear();
                    _bytes = 0;
                    _generationHeld = generation;
                }
            }
        }

        return generation;
    }

    private static long? TryRead(ICatalogVersion version)
    {
        try
        {
            return version.Read();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private void Remember(string key, Entry entry)
    {
        if (entry.Cost > _limit / 4)
        {
            return;
        }

        lock (_gate)
        {
            // An answer made while the catalog changed is out of date already.
            if (entry.Generation != _generationHeld)
            {
                return;
            }

            if (_entries.TryGetValue(key, out var replaced))
            {
                _bytes -= replaced.Cost;
            }

            _entries[key] = entry;
            _bytes += entry.Cost;
            if (_bytes > _limit)
            {
                Trim(entry.MadeAt);
            }
        }
    }

    // Down to three quarters of the limit, so that a full cache is trimmed now and then rather than on every answer.
    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (!Servable(entry, _generationHeld, now))
            {
                Forget(key, entry);
            }
        }

        var target = _limit / 4 * 3;
        if (_bytes <= target)
        {
            return;
        }

        foreach (var (key, entry) in _entries.OrderBy(e => e.Value.MadeAt).ToList())
        {
            Forget(key, entry);
            if (_bytes <= target)
            {
                return;
            }
        }
    }

    private void Forget(string key, Entry entry)
    {
        if (_entries.TryRemove(KeyValuePair.Create(key, entry)))
        {
            _bytes -= entry.Cost;
        }
    }

    // A class, not a record: entries are told apart by reference when one is removed.
    private sealed class Entry(byte[] body, long generation, DateTimeOffset madeAt, long cost)
    {
        public byte[] Body { get; } = body;

        public long Generation { get; } = generation;

        public DateTimeOffset MadeAt { get; } = madeAt;

        public long Cost { get; } = cost;
    }
}
