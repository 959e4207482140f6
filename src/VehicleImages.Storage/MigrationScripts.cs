using System.Globalization;
using System.Reflection;

namespace VehicleImages.Storage;

/// <summary>One versioned schema change: an embedded NNNN_name.sql script.</summary>
internal sealed record MigrationScript(long Version, string Name, string Sql);

/// <summary>Reads a backend's embedded migration scripts (resources named Backend.NNNN_name.sql) in version order.</summary>
internal static class MigrationScripts
{
    public static IReadOnlyList<MigrationScript> Load(string backend)
    {
        var prefix = backend + ".";
        var assembly = Assembly.GetExecutingAssembly();
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..^".sql".Length];
            var version = long.Parse(name[..name.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add(new MigrationScript(version, name, reader.ReadToEnd()));
        }

        return [.. scripts.OrderBy(s => s.Version)];
    }
}
