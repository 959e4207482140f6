using VehicleImages.Domain.Search;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Storage.Catalog.Postgres;

/// <summary>A search result row: an image's columns and its configuration's, prefixed cfg_.</summary>
internal sealed class MatchRow : ImageRow
{
    public string CfgMake { get; set; } = "";

    public string CfgModel { get; set; } = "";

    public string? CfgTrim { get; set; }

    public string? CfgBody { get; set; }

    public short? CfgYearFrom { get; set; }

    public short? CfgYearTo { get; set; }

    public ImageMatch ToMatch() => new(
        ToDomain(),
        new VehicleConfiguration(CfgMake, CfgModel, CfgTrim, CfgBody, CfgYearFrom is { } from && CfgYearTo is { } to ? new YearRange(from, to) : null));
}
