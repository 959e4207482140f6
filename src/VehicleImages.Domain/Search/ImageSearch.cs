using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;

namespace VehicleImages.Domain.Search;

/// <summary>
/// A search of the library by vehicle: filters (what may be returned) and preferences (what comes first). The
/// ranking is <see cref="ImageRanking"/>; catalogs implement the same order in their own query language.
/// </summary>
public sealed record ImageSearch
{
    public required string Make { get; init; }

    public required string Model { get; init; }

    /// <summary>A model year the configuration must cover; configurations without years still match, after those with.</summary>
    public int? Year { get; init; }

    /// <summary>Preferred trim: configurations with it come first, others follow.</summary>
    public string? Trim { get; init; }

    /// <summary>Preferred generic colour.</summary>
    public GenericColour? Colour { get; init; }

    /// <summary>Views allowed; null for any.</summary>
    public IReadOnlySet<View>? Views { get; init; }

    public PhotoType PhotoType { get; init; } = PhotoType.Exterior;

    /// <summary>Only images whose licence permits this use; null for any licence, unknown ones included.</summary>
    public License? License { get; init; }

    /// <summary>Only images whose quality verdict is good.</summary>
    public bool GoodOnly { get; init; } = true;

    /// <summary>Images with an alpha channel (cut-outs) first.</summary>
    public bool PreferTransparent { get; init; }

    public int Limit { get; init; } = 10;
}
