using VehicleImages.Application.Vins;
using VehicleImages.Domain.Text;
using VehicleImages.Domain.Vehicles;
using VehicleImages.Domain.Vins;

namespace VehicleImages.Application.Ingest.Labels;

/// <summary>
/// Labels from a row's VIN: a row that names a VIN but no make or model is labelled from the decoded VIN; a row
/// whose make, model or year contradicts its VIN keeps its labels and is reported, for a person to decide.
/// </summary>
internal static class VinLabels
{
    public static async Task<(RawLabels Labels, IngestRejection? Rejection, IngestRejection? Warning)> ApplyAsync(
        RawLabels raw, VinDecoder decoder, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(raw.Vin))
        {
            return (raw, null, null);
        }

        if (!Vin.TryParse(raw.Vin, out var vin, out var problem))
        {
            return (raw, new IngestRejection("invalid_vin", $"VIN '{raw.Vin.Trim()}' is not a VIN ({problem})"), null);
        }

        var decoded = await decoder.DecodeAsync(vin, cancellationToken);
        if (string.IsNullOrWhiteSpace(raw.Make) && string.IsNullOrWhiteSpace(raw.Model))
        {
            return (raw with
            {
                Make = decoded.Make,
                Model = decoded.Model,
                Year = raw.Year ?? decoded.ModelYear?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Trim = raw.Trim ?? decoded.Trim,
            }, null, null);
        }

        return (raw, null, Contradiction(raw, decoded));
    }

    private static IngestRejection? Contradiction(RawLabels raw, VinDecoding decoded)
    {
        var differences = new List<string>();
        if (Differs(raw.Make, decoded.Make))
        {
            differences.Add($"make '{raw.Make}' but the VIN says '{decoded.Make}'");
        }

        if (Differs(raw.Model, decoded.Model))
        {
            differences.Add($"model '{raw.Model}' but the VIN says '{decoded.Model}'");
        }

        if (decoded.ModelYear is { } year && YearRange.TryParse(raw.Year, out var years) && !years.Contains(year))
        {
            differences.Add($"year {raw.Year} but the VIN says {year}");
        }

        return differences.Count == 0 ? null : new IngestRejection("vin_mismatch", $"{decoded.Vin}: {string.Join("; ", differences)}");
    }

    // Only a name both sides give can contradict: an unknown decode is no evidence against the row.
    private static bool Differs(string? given, string? decoded) =>
        !string.IsNullOrWhiteSpace(given) && !string.IsNullOrWhiteSpace(decoded) && MatchKey.Of(given) != MatchKey.Of(decoded);
}
