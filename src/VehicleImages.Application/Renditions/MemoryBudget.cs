namespace VehicleImages.Application.Renditions;

/// <summary>
/// Megabytes of memory shared by concurrent renders. Reservations are served one at a time in arrival order, so a
/// large one is not starved by a stream of small ones and two partial reservations never wait on each other; one
/// larger than the whole budget takes all of it and so runs alone.
/// </summary>
internal sealed class MemoryBudget(long megabytes) : IDisposable
{
    private readonly SemaphoreSlim _units = new((int)Math.Min(megabytes, int.MaxValue));
    private readonly SemaphoreSlim _turn = new(1);
    private readonly int _total = (int)Math.Min(megabytes, int.MaxValue);

    /// <summary>The reservation, released by disposing it; null when it did not fit within <paramref name="wait"/>.</summary>
    public async Task<IDisposable?> ReserveAsync(long megabytes, TimeSpan wait, CancellationToken cancellationToken)
    {
        var wanted = (int)Math.Clamp(megabytes, 0, _total);
        if (wanted == 0)
        {
            return new Reservation(this, 0);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wait);
        var taken = 0;
        try
        {
            await _turn.WaitAsync(deadline.Token);
            try
            {
                for (; taken < wanted; taken++)
                {
                    await _units.WaitAsync(deadline.Token);
                }
            }
            finally
            {
                _turn.Release();
            }

            return new Reservation(this, taken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Release(taken);
            return null;
        }
        catch
        {
            Release(taken);
            throw;
        }
    }

    public void Dispose()
    {
        _units.Dispose();
        _turn.Dispose();
    }

    private void Release(int units)
    {
        if (units > 0)
        {
            _units.Release(units);
        }
    }

    private sealed class Reservation(MemoryBudget budget, int units) : IDisposable
    {
        private int _units = units;

        public void Dispose() => budget.Release(Interlocked.Exchange(ref _units, 0));
    }
}
