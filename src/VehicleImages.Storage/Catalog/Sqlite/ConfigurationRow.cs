using VehicleImages.Domain.Text;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Storage.Catalog.Sqlite;

/// <summary>The configurations table as Dapper reads and writes it.</summary>
internal sealed class ConfigurationRow
{
    public string Id { get; set; } = "";

    public string Make { get; set; } = "";

    public string Model { get; set; } = "";

    public string? Trim { get; set; }

    public string? Body { get; set; }

    public long? YearFrom { get; set; }

    public long? YearTo { get; set; }

    public string MakeKey { get; set; } = "";

    public string ModelKey { get; set; } = "";

    public string TrimKey { get; set; } = "";

    public static ConfigurationRow From(VehicleConfiguration configuration) => new()
    {
        Id = configuration.Id.ToString(),
        Make = configuration.Make,
        Model = configuration.Model,
        Trim = configuration.Trim,
        Body = configuration.Body,
        YearFrom = configuration.Years?.From,
        YearTo = configuration.Years?.To,
        MakeKey = MatchKey.Of(configuration.Make),
        ModelKey = MatchKey.Of(configuration.Model),
        TrimKey = MatchKey.Of(configuration.Trim),
    };

    public VehicleConfiguration ToDomain() => new(
        Make, Model, Trim, Body, YearFrom is { } from && YearTo is { } to ? new YearRange((int)from, (int)to) : null);
}
