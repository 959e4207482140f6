using VehicleImages.Domain.Search;

namespace VehicleImages.Storage.Curation;

/// <summary>One value of a facet and how many images have it; the value is "" for images that have none.</summary>
public sealed record FacetCount(string Value, long Count);

/// <summary>
/// The make → model → years → trim drill-down: makes always; models once a make is chosen; years and trims once a
/// model is (trims within the chosen years). Every count honours the filter's other fields.
/// </summary>
public sealed record LibraryFacets(
    IReadOnlyList<FacetCount> Makes, IReadOnlyList<FacetCount> Models, IReadOnlyList<FacetCount> Years, IReadOnlyList<FacetCount> Trims);

/// <summary>One page of browsed images and how many match in all.</summary>
public sealed record LibraryPage(IReadOnlyList<ImageMatch> Images, long Total);
