namespace VehicleImages.Storage.Catalog.Sqlite;

/// <summary>A configuration row with one view and colour its images cover.</summary>
internal sealed class SummaryRow
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

    public long ImageView { get; set; }

    public long? ImageColour { get; set; }

    public Domain.Vehicles.VehicleConfiguration ToDomain() =>
        new ConfigurationRow { Make = Make, Model = Model, Trim = Trim, Body = Body, YearFrom = YearFrom, YearTo = YearTo }.ToDomain();
}
