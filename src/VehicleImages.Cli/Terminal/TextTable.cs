namespace VehicleImages.Cli.Terminal;

/// <summary>A plain-text table: columns padded to their widest cell, two spaces apart, for terminals and pipes alike.</summary>
internal static class TextTable
{
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Count).Select(column => all.Max(row => row[column].Length)).ToArray();
        foreach (var row in all)
        {
            writer.WriteLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
    }
}
