using VehicleImages.Application.Renditions;

namespace VehicleImages.Application.Tests.Renditions;

public sealed class RenderGateMemoryTests
{
    private const long Megabyte = 1024 * 1024;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_render_that_cannot_get_its_memory_in_time_is_refused_as_a_full_queue()
    {
        using var gate = new RenderGate(4, 16, 100 * Megabyte, TimeSpan.Zero);
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var holding = gate.RunAsync(() => { started.SetResult(); release.Task.Wait(Cancel); return 0; }, 100 * Megabyte, Cancel);
        await started.Task;

        await Assert.ThrowsAsync<RenderQueueFullException>(() => gate.RunAsync(() => 0, Megabyte, Cancel));
        release.SetResult();
        await holding;
        Assert.Equal(0, await gate.RunAsync(() => 0, Megabyte, Cancel));
    }

    [Fact]
    public async Task A_render_larger_than_the_whole_budget_runs_alone_rather_than_never()
    {
        using var gate = new RenderGate(4, 16, 100 * Megabyte, TimeSpan.Zero);

        Assert.Equal(7, await gate.RunAsync(() => 7, 1000 * Megabyte, Cancel));
    }

    [Fact]
    public async Task Small_renders_share_the_budget_and_run_together()
    {
        using var gate = new RenderGate(4, 16, 100 * Megabyte, Timeout.InfiniteTimeSpan);
        var together = new Barrier(2);

        var renders = Enumerable.Range(0, 2).Select(_ => gate.RunAsync(() => together.SignalAndWait(TimeSpan.FromMinutes(1), Cancel), 40 * Megabyte, Cancel));

        Assert.All(await Task.WhenAll(renders), Assert.True);
    }
}
