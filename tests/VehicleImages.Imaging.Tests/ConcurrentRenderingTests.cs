namespace VehicleImages.Imaging.Tests;

public sealed class ConcurrentRenderingTests
{
    /// <summary>
    /// Concurrent resizes on Debian's libvips 8.14 with liborc 0.4.33 used to fail about once in several thousand
    /// ("resize failed" with no message from libvips) or corrupt the heap and end the process, until liborc was turned
    /// off there (VipsRuntime). Not a proof of absence, a tripwire: with liborc on, this many resizes on four threads
    /// failed or crashed in about half the runs.
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
                    using var decoded = Processors.Default.Decode(bytes, 1920);
                    using var small = decoded.Shrink(320);
                    using var thumbnail = small.Shrink(150);
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
