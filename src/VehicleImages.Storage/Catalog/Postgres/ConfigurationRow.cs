using VehicleImages.Domain.Text;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Storage.Catalog.Postgres;

/// <summary>The configurations table as Dapper reads and writes it.</summary>
internal class ConfigurationRow
{
    public Guid Id { get; set; }

    public string Make { get; set; } = "";

    public string Model { get; set; } = "";

    public string? Trim { get; set; }

    public string? Body { get; set; }

    public short? YearFrom { get; set; }

    public short? YearTo { get; set; }

    public string MakeKey { get; set; } = "";

    public string ModelKey { get; set; } = "";

    public string TrimKey { get; set; } = "";

    public static ConfigurationRow From(VehicleConfiguration configuration) => new()
    {
        Id = configuration.Id,
        Make = configuration.Make,
        Model = configuration.Model,
        Trim = configuration.Trim,
        Body = configuration.Body,
        YearFrom = (short?)configuration.Years?.From,
        YearTo = (short?)configuration.Years?.To,
        MakeKey = MatchKey.Of(configuration.Make),
        ModelKey = MatchKey.Of(configuration.Model),
        TrimKey = MatchKey.Of(configuration.Trim),
    };

    public VehicleConfiguration ToDomain() =>
        new(Make, Model, Trim, Body, YearFrom is { } from && YearTo is { } to ? new YearRange(from, to) : null);
}
