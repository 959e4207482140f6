using VehicleImages.Imaging.Native;

namespace VehicleImages.Imaging.Vips;

/// <summary>
/// Debian builds libvips' heavier formats as modules (heif, jxl, magick, openslide, poppler) that vips_init loads
/// from <c>&lt;libdir&gt;/vips-modules-M.m</c>, all of them. The service uses only heif (AVIF); the other loaders are
/// blocked, but their libraries would still be in the process: ImageMagick, poppler, and through openslide the
/// system libsqlite3, which once made the bundled SQLite crash. libvips has no switch for this; it takes libdir from
/// VIPSHOME when that is set, so start-up points it at a private folder holding only the heif module.
/// </summary>
internal static class VipsModules
{
    private const string HomeVariable = "VIPSHOME";

    private static readonly string[] Used = ["vips-heif.so"];

    /// <summary>
    /// Runs <paramref name="init"/> (vips_init) with only the used modules in its module folder. Nothing changes when
    /// the operator set VIPSHOME, or when the loaded libvips has no module folder (a self-contained build).
    /// </summary>
    public static int InitializeWithUsedModulesOnly(Version version, Func<int> init)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(HomeVariable) is not null
            || SystemModuleFolder(version) is not { } systemFolder)
        {
            return init();
        }

        var home = Directory.CreateTempSubdirectory("vehicle-images-vips-");
        try
        {
            // libvips 8.14 takes libdir as $VIPSHOME plus the last folder name of its build-time libdir
            // ("x86_64-linux-gnu" on Debian, the folder it was loaded from); older builds used $VIPSHOME/lib.
            var systemLibName = Path.GetFileName(Path.GetDirectoryName(systemFolder)!);
            var present = Used.Where(m => File.Exists(Path.Combine(systemFolder, m))).ToList();
            foreach (var libName in new[] { systemLibName, "lib" }.Distinct())
            {
                var folder = Directory.CreateDirectory(Path.Combine(home.FullName, libName, ModuleFolderName(version)));
                foreach (var module in present)
                {
                    File.CreateSymbolicLink(Path.Combine(folder.FullName, module), Path.Combine(systemFolder, module));
                }
            }

            if (C.setenv(HomeVariable, home.FullName, overwrite: 1) != 0)
            {
                return init();
            }

            try
            {
                return init();
            }
            finally
            {
                // libvips keeps the prefix it computed; the loaded modules stay mapped after their files go.
                _ = C.unsetenv(HomeVariable);
            }
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    /// <summary>The module folder beside the libvips this process loaded, if it has one.</summary>
    private static string? SystemModuleFolder(Version version)
    {
        var library = File.ReadLines("/proc/self/maps")
            .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var at and >= 0 ? line[at..] : null)
            .FirstOrDefault(path => path is not null && Path.GetFileName(path).StartsWith("libvips.so.", StringComparison.Ordinal));
        var folder = library is null ? null : Path.Combine(Path.GetDirectoryName(library)!, ModuleFolderName(version));
        return Directory.Exists(folder) ? folder : null;
    }

    private static string ModuleFolderName(Version version) => $"vips-modules-{version.Major}.{version.Minor}";
}
