using VehicleImages.Application.Ingest.Labels;
using VehicleImages.Application.Ingest.Manifests;

namespace VehicleImages.Application.Ingest.Sources;

/// <summary>Turns the paths given to `ingest` into items: a folder gives its files, a manifest its rows, a file itself.</summary>
public static class IngestSources
{
    public static IEnumerable<IngestItem> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                // Sorted, so a folder ingests in the same order on every run and every machine.
                var files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(file => !Path.GetFileName(file).StartsWith('.'))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    yield return new IngestItem(file, Path.GetFullPath(file), RawLabels.None);
                }
            }
            else if (ManifestReader.IsManifest(path) && File.Exists(path))
            {
                foreach (var item in ManifestReader.Read(path))
                {
                    yield return item;
                }
            }
            else
            {
                yield return new IngestItem(path, ManifestReader.Locate(Environment.CurrentDirectory, path), RawLabels.None);
            }
        }
    }
}
