namespace VehicleImages.Domain.Vins;

/// <summary>The check digit of 49 CFR 565.15: transliterate, weigh, sum, modulo 11; a remainder of 10 is written X.</summary>
public static class VinCheckDigit
{
    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    /// <summary>The check digit the other 16 characters call for. The VIN must already be valid characters.</summary>
    public static char Compute(string vin)
    {
        ArgumentNullException.ThrowIfNull(vin);
        if (vin.Length != Vin.Length)
        {
            throw new ArgumentException("A VIN has 17 characters.", nameof(vin));
        }

        var sum = 0;
        for (var i = 0; i < Vin.Length; i++)
        {
            sum += Transliterate(vin[i]) * Weights[i];
        }

        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    /// <summary>A1 B2 … H8, J1 … N5, P7, R9, S2 … Z9; digits stand for themselves.</summary>
    private static int Transliterate(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'H' => c - 'A' + 1,
        >= 'J' and <= 'N' => c - 'J' + 1,
        'P' => 7,
        'R' => 9,
        >= 'S' and <= 'Z' => c - 'S' + 2,
        _ => throw new ArgumentException($"'{c}' is not a VIN character.", nameof(c)),
    };
}
