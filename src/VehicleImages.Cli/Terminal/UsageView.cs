using System.Globalization;
using VehicleImages.Application.Access;

namespace VehicleImages.Cli.Terminal;

/// <summary>A usage report as a plain table, with totals.</summary>
internal static class UsageView
{
    public static void Write(TextWriter writer, UsageReport report, IReadOnlyDictionary<Guid, string> keyNames)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Usage {report.FirstDay:yyyy-MM-dd} to {report.LastDay:yyyy-MM-dd}: {report.Chargeable} chargeable, {report.NotChargeable} not chargeable"));
        if (report.Lines.Count == 0)
        {
            return;
        }

        TextTable.Write(writer, ["DAY", "KEY", "ENDPOINT", "CHARGEABLE", "NOT CHARGEABLE"], report.Lines.Select(l => new[]
        {
            l.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), keyNames.GetValueOrDefault(l.KeyId, l.KeyId.ToString()), l.Endpoint,
            l.Chargeable.ToString(CultureInfo.InvariantCulture), l.NotChargeable.ToString(CultureInfo.InvariantCulture),
        }));
    }
}
