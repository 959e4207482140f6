using System.Globalization;

namespace VehicleImages.Imaging.Tests.Cutout;

/// <summary>Writes a measured table to the repository's artifacts folder, for docs/BENCHMARKS.md.</summary>
internal static class CutoutTable
{
    public static void Write(string fileName, string heading, IEnumerable<string> columns, IEnumerable<IEnumerable<string>> rows, IEnumerable<string> summary)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "artifacts");
        Directory.CreateDirectory(folder);
        var lines = new List<string> { heading, "", "| " + string.Join(" | ", columns) + " |", "|" + string.Concat(columns.Select(_ => "---|")) };
        lines.AddRange(rows.Select(row => "| " + string.Join(" | ", row) + " |"));
        lines.Add("");
        lines.AddRange(summary);
        File.WriteAllLines(Path.Combine(folder, fileName), lines);
    }

    public static string Iou(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
