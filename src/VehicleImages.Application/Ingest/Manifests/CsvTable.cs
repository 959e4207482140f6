using System.Text;

namespace VehicleImages.Application.Ingest.Manifests;

/// <summary>
/// Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes, "" for a quote inside quotes, line
/// breaks allowed inside quotes, CRLF or LF endings, an optional UTF-8 byte-order mark. The first record is the header.
/// </summary>
public static class CsvTable
{
    /// <summary>Yields each record after the header as column name → value; missing trailing fields are empty.</summary>
    public static IEnumerable<(int Line, IReadOnlyDictionary<string, string> Fields)> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var records = Records(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            yield break;
        }

        var header = records.Current.Fields.Select(name => name.Trim()).ToArray();
        while (records.MoveNext())
        {
            var (line, values) = records.Current;
            if (values is [""])
            {
                continue; // blank line
            }

            var fields = new Dictionary<string, string>(header.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                fields[header[i]] = i < values.Count ? values[i] : "";
            }

            yield return (line, fields);
        }
    }

    private static IEnumerable<(int Line, List<string> Fields)> Records(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        if (reader.Peek() == '\uFEFF')
        {
            reader.Read(); // a byte-order mark the reader did not strip belongs to no field
        }

        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (recordLine, fields);
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }
}
