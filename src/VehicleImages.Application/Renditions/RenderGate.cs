namespace VehicleImages.Application.Renditions;

/// <summary>Refused because too many renders are already running or waiting; retry after a moment.</summary>
public sealed class RenderQueueFullException : Exception
{
    public RenderQueueFullException()
        : base("Too many renditions are being made; retry shortly.")
    {
    }

    public RenderQueueFullException(string message)
        : base(message)
    {
    }

    public RenderQueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Bounds the CPU-heavy renders: a few run at once (one libvips thread each), a bounded number wait, the rest are
/// refused at once. Each render also reserves its estimated memory from a process-wide budget and waits, for at
/// most <paramref name="memoryWait"/>, until it fits; a render larger than the whole budget runs alone. Under a
/// flood of cold requests or decompression bombs the server stays responsive and its memory bounded instead of
/// queueing or growing without end. When the last render ends, <paramref name="idle"/> runs (to hand freed native
/// memory back to the system).
/// </summary>
public sealed class RenderGate(int concurrent, int queued, long memoryBytes, TimeSpan memoryWait, Action? idle = null) : IDisposable
{
    private const long Megabyte = 1024 * 1024;

    // Trimming the native heap walks every malloc arena: worth it after a burst, not after every small render.
    private const long IdleWorthMegabytes = 64;
    private readonly SemaphoreSlim _running = new(Math.Max(1, concurrent));
    private readonly MemoryBudget _memory = new(Math.Max(1, memoryBytes / Megabyte));
    private int _admitted;
    private long _reservedSinceIdle;

    /// <summary>A gate without a memory budget of its own: renders are bounded by count only.</summary>
    public RenderGate(int concurrent, int queued)
        : this(concurrent, queued, long.MaxValue, Timeout.InfiniteTimeSpan)
    {
    }

    public async Task<T> RunAsync<T>(Func<T> render, CancellationToken cancellationToken) =>
        await RunAsync(render, 0, cancellationToken);

    /// <summary>Runs the render once its turn and <paramref name="estimatedBytes"/> of the memory budget are free.</summary>
    public async Task<T> RunAsync<T>(Func<T> render, long estimatedBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (Interlocked.Increment(ref _admitted) > Math.Max(1, concurrent) + queued)
        {
            Interlocked.Decrement(ref _admitted);
            throw new RenderQueueFullException();
        }

        try
        {
            var megabytes = (estimatedBytes + Megabyte - 1) / Megabyte;
            Interlocked.Add(ref _reservedSinceIdle, megabytes);
            using var reservation = await _memory.ReserveAsync(megabytes, memoryWait, cancellationToken)
                ?? throw new RenderQueueFullException("Too much image memory is in use by other renditions; retry shortly.");
            await _running.WaitAsync(cancellationToken);
            try
            {
                return await Task.Run(render, cancellationToken);
            }
            finally
            {
                _running.Release();
            }
        }
        finally
        {
            if (Interlocked.Decrement(ref _admitted) == 0 && Interlocked.Exchange(ref _reservedSinceIdle, 0) >= IdleWorthMegabytes)
            {
                idle?.Invoke();
            }
        }
    }

    public void Dispose()
    {
        _running.Dispose();
        _memory.Dispose();
    }
}
