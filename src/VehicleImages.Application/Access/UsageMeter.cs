using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using VehicleImages.Domain.Usage;
using VehicleImages.Storage.Usage;

namespace VehicleImages.Application.Access;

/// <summary>
/// Counts requests in memory and writes the counts to the usage store in batches, so a request costs two atomic
/// increments, not a database write. Whatever has not been flushed is lost if the process dies hard: at most one
/// flush interval of counts. Also answers how much of its monthly quota a key has used: the store's figure for all
/// processes, plus what this process has counted since.
/// </summary>
public sealed class UsageMeter(IUsageStore store, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<Slot, StrongBox<long>> _slots = new();
    private readonly ConcurrentDictionary<(Guid KeyId, DateOnly Month), MonthTally> _months = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    /// <summary>Counts one answered request.</summary>
    public void Record(Guid keyId, string endpoint, bool chargeable)
    {
        var day = Today();
        Interlocked.Increment(ref _slots.GetOrAdd(new Slot(keyId, day, endpoint, chargeable), static _ => new StrongBox<long>()).Value);
        if (chargeable)
        {
            Interlocked.Increment(ref Tally(keyId, day).Unflushed);
        }
    }

    /// <summary>Chargeable requests of the key this calendar month (UTC), counted or not yet flushed, across processes as of the last flush.</summary>
    public async ValueTask<long> ChargeableThisMonthAsync(Guid keyId, CancellationToken cancellationToken)
    {
        var day = Today();
        var tally = Tally(keyId, day);
        if (!tally.Loaded)
        {
            // Read under the flush lock, so the store's figure and the unflushed count never overlap.
            await _flushing.WaitAsync(cancellationToken);
            try
            {
                if (!tally.Loaded)
                {
                    tally.Stored = (await store.ChargeableInMonthAsync(keyId, day, cancellationToken)).GetValueOrDefault(keyId);
                    tally.Loaded = true;
                }
            }
            finally
            {
                _flushing.Release();
            }
        }

        return tally.Stored + Interlocked.Read(ref tally.Unflushed);
    }

    /// <summary>Writes the counts made since the last flush. When the store fails they are kept for the next one.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var today = Today();
            var taken = TakeCounts(today);
            try
            {
                await store.AddAsync(taken, cancellationToken);
            }
            catch
            {
                foreach (var count in taken)
                {
                    Interlocked.Add(ref _slots.GetOrAdd(new Slot(count.KeyId, count.Day, count.Endpoint, count.Chargeable), static _ => new StrongBox<long>()).Value, count.Count);
                }

                throw;
            }

            await RefreshMonthsAsync(taken, today, cancellationToken);
        }
        finally
        {
            _flushing.Release();
        }
    }

    public void Dispose() => _flushing.Dispose();

    private List<UsageCount> TakeCounts(DateOnly today)
    {
        var taken = new List<UsageCount>();
        foreach (var (slot, counter) in _slots)
        {
            var count = Interlocked.Exchange(ref counter.Value, 0);
            if (count > 0)
            {
                taken.Add(new UsageCount(slot.KeyId, slot.Day, slot.Endpoint, slot.Chargeable, count));
            }
            else if (slot.Day < today.AddDays(-1))
            {
                // Nothing counts towards a day gone by: the slot can go.
                _slots.TryRemove(slot, out _);
            }
        }

        return taken;
    }

    // Moves what was just written from each key's unflushed count to its stored figure, which is re-read so the
    // quota also sees what other processes have counted.
    private async Task RefreshMonthsAsync(List<UsageCount> written, DateOnly today, CancellationToken cancellationToken)
    {
        var month = MonthOf(today);
        var sent = written.Where(c => c.Chargeable).GroupBy(c => (c.KeyId, MonthOf(c.Day))).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        IReadOnlyDictionary<Guid, long>? stored = null;
        try
        {
            if (_months.Any(m => m.Value.Loaded && m.Key.Month == month))
            {
                stored = await store.ChargeableInMonthAsync(null, today, cancellationToken);
            }
        }
        finally
        {
            foreach (var (key, tally) in _months)
            {
                if (key.Month < month)
                {
                    _months.TryRemove(key, out _);
                    continue;
                }

                // Without a fresh figure the tally reads the store again when next asked.
                tally.Loaded &= stored is not null;
                if (stored is not null)
                {
                    tally.Stored = stored.GetValueOrDefault(key.KeyId);
                }

                Interlocked.Add(ref tally.Unflushed, -sent.GetValueOrDefault(key));
            }
        }
    }

    private MonthTally Tally(Guid keyId, DateOnly day) => _months.GetOrAdd((keyId, MonthOf(day)), static _ => new MonthTally());

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    private readonly record struct Slot(Guid KeyId, DateOnly Day, string Endpoint, bool Chargeable);

    /// <summary>One key's chargeable requests in one month: the store's figure when last read, and those counted here but not yet written.</summary>
    private sealed class MonthTally
    {
        public long Unflushed;

        public volatile bool Loaded;

        public long Stored
        {
            get => Interlocked.Read(ref _stored);
            set => Interlocked.Exchange(ref _stored, value);
        }

        private long _stored;
    }
}
