using System.Globalization;
using System.Text.Json;

namespace VehicleImages.Application.Ingest.Manifests;

/// <summary>Reads CSV and JSONL manifests into ingest items; file paths are relative to the manifest's folder.</summary>
public static class ManifestReader
{
    public static bool IsManifest(string path) => Format(path) is not null;

    /// <summary>
    /// One item per record, in file order. A record without a file reference, or a JSONL line that is not a JSON
    /// object, comes back as an item whose location is empty, so ingest rejects it with the line number.
    /// </summary>
    public static IEnumerable<IngestItem> Read(string manifestPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var name = Path.GetFileName(manifestPath);
        using var reader = new StreamReader(manifestPath);
        var records = Format(manifestPath) == ".csv" ? CsvTable.Read(reader) : JsonLines(reader);
        foreach (var (line, fields) in records)
        {
            var (file, labels) = ManifestColumns.Read(fields);
            yield return new IngestItem($"{name}:{line}", file is null ? "" : Locate(folder, file), labels);
        }
    }

    /// <summary>
    /// An http(s) URL stays as it is, a file:// URL becomes its path; anything else is a path relative to the
    /// manifest's folder. A path the system cannot represent (a NUL inside) is passed on as written, so that one
    /// row is rejected rather than the whole manifest.
    /// </summary>
    internal static string Locate(string folder, string file)
    {
        if (Uri.TryCreate(file, UriKind.Absolute, out var uri))
        {
            if (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            {
                return uri.AbsoluteUri;
            }

            if (uri.IsFile)
            {
                return uri.LocalPath;
            }
        }

        try
        {
            return Path.GetFullPath(Path.Combine(folder, file));
        }
        catch (ArgumentException)
        {
            return file;
        }
    }

    private static string? Format(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => ".csv",
        ".jsonl" or ".ndjson" => ".jsonl",
        _ => null,
    };

    private static IEnumerable<(int Line, IReadOnlyDictionary<string, string> Fields)> JsonLines(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return (number, ParseObject(line));
        }
    }

    private static Dictionary<string, string> ParseObject(string line)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return fields;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString() ?? "",
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True or JsonValueKind.False => property.Value.GetBoolean().ToString(CultureInfo.InvariantCulture),
                    _ => "",
                };
            }
        }
        catch (JsonException)
        {
            // Leave the record empty: it has no file, so ingest rejects it with its line number.
        }

        return fields;
    }
}
