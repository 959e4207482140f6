using System.Diagnostics.CodeAnalysis;

namespace VehicleImages.Domain.Vins;

/// <summary>Why a text is not a VIN.</summary>
public enum VinProblem
{
    None,
    Empty,
    WrongLength,
    InvalidCharacter,
}

/// <summary>
/// A vehicle identification number: 17 characters from 0-9 and A-Z without I, O and Q (49 CFR 565). Letters are
/// upper-cased on reading; nothing else is forgiven.
/// </summary>
public sealed record Vin
{
    public const int Length = 17;

    private Vin(string value) => Value = value;

    public string Value { get; }

    /// <summary>World manufacturer identifier: positions 1–3.</summary>
    public string Wmi => Value[..3];

    /// <summary>Positions 1–8 and 10–11: the part that identifies the model, without the check digit and serial.</summary>
    public string SquishVin => Value[..8] + Value[9..11];

    /// <summary>Position 9 as written.</summary>
    public char CheckDigit => Value[8];

    /// <summary>Position 10: the model year code.</summary>
    public char YearCode => Value[9];

    /// <summary>North American VINs (first character 1–5) must carry a valid check digit; elsewhere it is advisory.</summary>
    public bool IsNorthAmerican => Value[0] is >= '1' and <= '5';

    public bool HasValidCheckDigit => VinCheckDigit.Compute(Value) == CheckDigit;

    /// <summary>The model year from position 10, or null when the code is not a year code.</summary>
    public int? ModelYear => VinModelYear.Of(this);

    public static bool TryParse(string? text, [NotNullWhen(true)] out Vin? vin, out VinProblem problem)
    {
        vin = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            problem = VinProblem.Empty;
            return false;
        }

        if (trimmed.Length != Length)
        {
            problem = VinProblem.WrongLength;
            return false;
        }

        var upper = trimmed.ToUpperInvariant();
        if (!upper.All(IsVinCharacter))
        {
            problem = VinProblem.InvalidCharacter;
            return false;
        }

        vin = new Vin(upper);
        problem = VinProblem.None;
        return true;
    }

    public static Vin Parse(string text) =>
        TryParse(text, out var vin, out var problem) ? vin : throw new FormatException($"'{text}' is not a VIN: {problem}.");

    /// <summary>0-9 and A-Z except I, O and Q, which are too easily read as 1 and 0.</summary>
    public static bool IsVinCharacter(char c) => char.IsAsciiDigit(c) || (char.IsAsciiLetterUpper(c) && c is not ('I' or 'O' or 'Q'));

    public override string ToString() => Value;
}
