namespace VehicleImages.Domain.Images;

/// <summary>UK registration marks as stored and compared: upper case, no spaces ("AB12 CDE" is "AB12CDE").</summary>
public static class Registrations
{
    public static string Normalise(string registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return string.Concat(registration.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }
}
