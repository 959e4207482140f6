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

    /// <summary>Rows as one array per column, for an INSERT … SELECT FROM unnest(…) of a whole batch.</summary>
    public static object Columns(ConfigurationRow[] rows) => new
    {
        ids = rows.Select(r => r.Id).ToArray(),
        makes = rows.Select(r => r.Make).ToArray(),
        models = rows.Select(r => r.Model).ToArray(),
        trims = rows.Select(r => r.Trim).ToArray(),
        bodies = rows.Select(r => r.Body).ToArray(),
        yearsFrom = rows.Select(r => r.YearFrom).ToArray(),
        yearsTo = rows.Select(r => r.YearTo).ToArray(),
        makeKeys = rows.Select(r => r.MakeKey).ToArray(),
        modelKeys = rows.Select(r => r.ModelKey).ToArray(),
        trimKeys = rows.Select(r => r.TrimKey).ToArray(),
    };

    public VehicleConfiguration ToDomain() =>
        new(Make, Model, Trim, Body, YearFrom is { } from && YearTo is { } to ? new YearRange(from, to) : null);
}
