using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Imaging.Tests;

public sealed class ConcurrentRenderingTests
{
    /// <summary>
    /// A tripwire for faults of Debian's libvips 8.14 under concurrency, not a proof of their absence. With liborc on,
    /// 6,000 libvips resizes on four threads crashed the test process in 2 runs of 10 (VipsRuntime turns liborc off
    /// there); without the first operation run alone at start-up, the four threads' first operations failed with no
    /// message from libvips in 1 run of 4. Resizing is the service's own now, so this runs what libvips still does in
    /// every render, on four threads at once: the JPEG loader shrinking on load, decodes into memory, and encodes.
    /// </summary>
    [Fact]
    public void Many_renders_at_once_all_succeed()
    {
        Corpus.Require();
        var bytes = Corpus.Bytes("carvana/0ce66b539f52_01.jpg");
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (var i = 0; i < 1000; i++)
            {
                try
                {
                    var decoded = Processors.Default.Decode(bytes, 640);
                    decoded.Shrink(150).Encode(Background.Opaque, ImageFormat.Jpeg);
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
