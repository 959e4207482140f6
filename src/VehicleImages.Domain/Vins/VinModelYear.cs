namespace VehicleImages.Domain.Vins;

/// <summary>
/// The model year from position 10. Its 30 codes (A–Y without I, O, Q, U, Z, then 1–9) repeat every 30 years;
/// position 7 tells the cycles apart: a digit for 1980–2009, a letter for 2010–2039 (the rule NHTSA set for
/// vehicles of 10,000 lb GVWR or less when the codes came round again in 2010).
/// </summary>
public static class VinModelYear
{
    private const string Codes = "ABCDEFGHJKLMNPRSTVWXY123456789";
    private const int FirstCycle = 1980;

    public static int? Of(Vin vin)
    {
        ArgumentNullException.ThrowIfNull(vin);
        var index = Codes.IndexOf(vin.YearCode, StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var cycle = char.IsAsciiLetter(vin.Value[6]) ? 1 : 0;
        return FirstCycle + (cycle * Codes.Length) + index;
    }
}
