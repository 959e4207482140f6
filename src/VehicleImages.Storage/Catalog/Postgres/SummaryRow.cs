using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;

namespace VehicleImages.Storage.Catalog.Postgres;

/// <summary>A configuration row with one view and colour its good images cover.</summary>
internal sealed class SummaryRow : ConfigurationRow
{
    public short ImageView { get; set; }

    public short? ImageColour { get; set; }

    public ConfigurationCoverage ToCoverage() => new(ToDomain(), (View)ImageView, (GenericColour?)ImageColour);
}
