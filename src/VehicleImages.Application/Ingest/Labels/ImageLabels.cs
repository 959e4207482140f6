using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Vehicles;

namespace VehicleImages.Application.Ingest.Labels;

/// <summary>Labels after checking: every value is valid in the domain's vocabulary.</summary>
public sealed record ImageLabels(VehicleConfiguration Configuration)
{
    public View View { get; init; }

    public PhotoType PhotoType { get; init; }

    /// <summary>Whether the photo type was given (itself or by a view), rather than assumed exterior.</summary>
    public bool PhotoTypeGiven { get; init; }

    public string? ColourName { get; init; }

    public GenericColour? Colour { get; init; }

    public ImageSource Source { get; init; }

    public string? Provenance { get; init; }

    public License? License { get; init; }

    public string? LicenseNote { get; init; }

    public string? Attribution { get; init; }

    public string? ContextLink { get; init; }

    public string? Vin { get; init; }

    public int? Sequence { get; init; }

    public string? Registration { get; init; }

    public DateOnly? DatePublished { get; init; }
}
