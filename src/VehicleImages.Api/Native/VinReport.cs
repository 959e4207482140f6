using VehicleImages.Domain.Vins;

namespace VehicleImages.Api.Native;

/// <summary>A VIN's check digit: as written, as computed, and whether it must match (North America) or only should.</summary>
public sealed record CheckDigitReport(char Written, char Expected, bool Valid, bool Required);

/// <summary>The native API's answer about a VIN, also what `vin decode` prints.</summary>
public sealed record VinReport(
    string Vin,
    bool Valid,
    IReadOnlyList<string> Warnings,
    CheckDigitReport CheckDigit,
    string Wmi,
    string SquishVin,
    int? ModelYear,
    string? Make,
    string? Model,
    string? Trim,
    string? Series,
    string? Body,
    string? VehicleType,
    string? Manufacturer,
    string? PlantCountry,
    string DecodedFrom)
{
    /// <summary>A VIN is valid when its characters are and, for North American VINs, its check digit is.</summary>
    public static VinReport Of(VinDecoding decoding)
    {
        ArgumentNullException.ThrowIfNull(decoding);
        var vin = decoding.Vin;
        var checkDigit = new CheckDigitReport(vin.CheckDigit, VinCheckDigit.Compute(vin.Value), vin.HasValidCheckDigit, vin.IsNorthAmerican);
        var warnings = new List<string>();
        if (!checkDigit.Valid)
        {
            warnings.Add(checkDigit.Required
                ? $"check digit is {checkDigit.Written}, should be {checkDigit.Expected}: a mistyped or invalid North American VIN"
                : $"check digit is {checkDigit.Written}, would be {checkDigit.Expected}; outside North America it is not always used");
        }

        if (vin.ModelYear is null)
        {
            warnings.Add($"position 10 ('{vin.YearCode}') is not a model year code");
        }

        return new VinReport(
            vin.Value, checkDigit.Valid || !checkDigit.Required, warnings, checkDigit, vin.Wmi, vin.SquishVin, decoding.ModelYear,
            decoding.Make, decoding.Model, decoding.Trim, decoding.Series, decoding.Body, decoding.VehicleType, decoding.Manufacturer,
            decoding.PlantCountry, Source(decoding.Source));
    }

    /// <summary>A reason a text is not a VIN, in words.</summary>
    public static string Describe(VinProblem problem) => problem switch
    {
        VinProblem.Empty => "it is empty",
        VinProblem.WrongLength => "a VIN has exactly 17 characters",
        VinProblem.InvalidCharacter => "a VIN has only the digits 0-9 and the letters A-Z without I, O and Q",
        _ => "it is not valid",
    };

    private static string Source(VinDecodingSource source) => source switch
    {
        VinDecodingSource.Vpic => "vpic",
        VinDecodingSource.BuiltInWmiTable => "wmi-table",
        _ => "vin-only",
    };
}
