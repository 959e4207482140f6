namespace VehicleImages.Domain.Vins;

/// <summary>Where a decoding's facts came from.</summary>
public enum VinDecodingSource
{
    /// <summary>Only what the VIN itself says: its year code, and nothing about the vehicle.</summary>
    VinOnly,

    /// <summary>The manufacturer code, from the built-in table of common WMIs.</summary>
    BuiltInWmiTable,

    /// <summary>NHTSA's vPIC database.</summary>
    Vpic,
}

/// <summary>What a VIN says about its vehicle. Null fields are unknown, never guessed.</summary>
public sealed record VinDecoding
{
    public required Vin Vin { get; init; }

    public int? ModelYear { get; init; }

    public string? Make { get; init; }

    public string? Model { get; init; }

    public string? Trim { get; init; }

    public string? Series { get; init; }

    /// <summary>vPIC's body class, e.g. "Pickup", "Sport Utility Vehicle (SUV)/Multi-Purpose Vehicle (MPV)".</summary>
    public string? Body { get; init; }

    public string? VehicleType { get; init; }

    public string? Manufacturer { get; init; }

    public string? PlantCountry { get; init; }

    public VinDecodingSource Source { get; init; }
}
