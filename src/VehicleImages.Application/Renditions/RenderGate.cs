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
/// refused at once. Under a flood of cold requests the server stays responsive instead of queueing without end.
/// </summary>
public sealed class RenderGate(int concurrent, int queued) : IDisposable
{
    private readonly SemaphoreSlim _running = new(Math.Max(1, concurrent));
    private int _admitted;

    public async Task<T> RunAsync<T>(Func<T> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (Interlocked.Increment(ref _admitted) > Math.Max(1, concurrent) + queued)
        {
            Interlocked.Decrement(ref _admitted);
            throw new RenderQueueFullException();
        }

        try
        {
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
            Interlocked.Decrement(ref _admitted);
        }
    }

    public void Dispose() => _running.Dispose();
}
