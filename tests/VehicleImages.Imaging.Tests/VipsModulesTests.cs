using VehicleImages.Imaging.Vips;

namespace VehicleImages.Imaging.Tests;

/// <summary>
/// libvips loads only the module the service uses (heif, for AVIF), not ImageMagick, poppler, openslide or jxl,
/// whose loaders are blocked anyway and whose libraries (openslide's system libsqlite3 among them) only add risk.
/// </summary>
public sealed class VipsModulesTests
{
    private const string DebianModuleFolder = "/usr/lib/x86_64-linux-gnu/vips-modules-8.14";

    [Fact]
    public void Only_the_heif_module_is_loaded()
    {
        VipsRuntime.EnsureInitialized();
        if (!Directory.Exists(DebianModuleFolder) || Environment.GetEnvironmentVariable(VipsRuntime.LibraryPathVariable) is not null)
        {
            Assert.Skip($"This libvips is not Debian 12's modular build ({DebianModuleFolder}).");
        }

        var loadedModules = File.ReadLines("/proc/self/maps")
            .Where(line => line.Contains("/vips-modules-", StringComparison.Ordinal))
            .Select(line => Path.GetFileName(line[line.IndexOf('/', StringComparison.Ordinal)..]))
            .Distinct()
            .Order();

        Assert.Equal(["vips-heif.so"], loadedModules);
    }
}
