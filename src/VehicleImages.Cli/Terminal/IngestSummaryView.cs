using VehicleImages.Application.Ingest;

namespace VehicleImages.Cli.Terminal;

/// <summary>The human-readable ingest summary: counts, whether vision saw the images and what it filled, reasons, and the first rejected items.</summary>
internal static class IngestSummaryView
{
    private const int ListedRejections = 20;

    public static void Write(TextWriter writer, IngestSummary summary)
    {
        writer.WriteLine($"{summary.Items} items in {summary.ElapsedSeconds:0.0} s ({summary.ImagesPerSecond:0.0}/s): " +
                         $"{summary.Ingested} ingested, {summary.Duplicates} duplicates, {summary.Rejected} rejected");
        writer.WriteLine(summary.Vision is null ? "Vision: off (labels are as given)" : $"Vision: {summary.Vision}");
        WriteCounts(writer, "Labels no one gave, filled by vision:", summary.FilledByPrediction);
        WriteCounts(writer, "Rejected, by reason:", summary.RejectedByReason);
        WriteCounts(writer, "Ingested but flagged by quality checks (not served when validating):", summary.FlaggedByReason);
        if (summary.Warnings.Count > 0)
        {
            writer.WriteLine($"Ingested with their own labels, but contradicted ({summary.Warnings.Count}):");
        }


        foreach (var warning in summary.Warnings.Take(ListedRejections))
        {
            writer.WriteLine($"  warning: {warning.Item}: {warning.Reason}: {warning.Message}");
        }

        if (summary.Rejections.Count == 0)
        {
            return;
        }

        writer.WriteLine(summary.Rejections.Count > ListedRejections ? $"First {ListedRejections} rejections (--json lists all):" : "Rejections:");
        foreach (var rejection in summary.Rejections.Take(ListedRejections))
        {
            writer.WriteLine($"  {rejection.Item}: {rejection.Reason}: {rejection.Message}");
        }
    }

    private static void WriteCounts(TextWriter writer, string heading, IReadOnlyDictionary<string, int> counts)
    {
        if (counts.Count == 0)
        {
            return;
        }

        writer.WriteLine(heading);
        var width = counts.Keys.Max(k => k.Length);
        foreach (var (reason, count) in counts)
        {
            writer.WriteLine($"  {reason.PadRight(width)}  {count}");
        }
    }
}
