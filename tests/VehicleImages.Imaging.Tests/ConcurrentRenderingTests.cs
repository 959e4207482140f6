namespace VehicleImages.Imaging.Tests;

public sealed class ConcurrentRenderingTests
{
    /// <summary>
    /// A tripwire for two faults of Debian's libvips 8.14, not a proof of their absence. With liborc on, this many
    /// resizes on four threads crashed the test process in 2 runs of 10 (VipsRuntime turns liborc off there).
    /// Without the first operation run alone at start-up, the four threads' first resizes failed with no message
    /// from libvips in 1 run of 4.
    /// </summary>
    [Fact]
    public void Many_resizes_at_once_all_succeed()
    {
        Corpus.Require();
        var bytes = Corpus.Bytes("stanford/00003.jpg");
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (var i = 0; i < 1500; i++)
            {
                try
                {
                    var decoded = Processors.Default.Decode(bytes, 1920);
                    var small = decoded.Shrink(320);
                    var thumbnail = small.Shrink(150);
                }
                catch (Exception e) when (e is VehicleImages.Imaging.Vips.VipsException or ImageRejectedException)
                {
                    failures.Add(e.Message);
                }
            }
        });

        Assert.Empty(failures);
    }
}
