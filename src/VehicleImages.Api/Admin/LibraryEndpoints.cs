using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Api.Http;
using VehicleImages.Application.Media;
using VehicleImages.Domain.Colours;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;
using VehicleImages.Domain.Search;
using VehicleImages.Storage.Curation;

namespace VehicleImages.Api.Admin;

/// <summary>One value of a facet and how many images have it; "" stands for images without the field.</summary>
public sealed record FacetAnswer(string Value, long Count);

/// <summary>The make → model → years → trim drill-down for the current filter.</summary>
public sealed record FacetsAnswer(IReadOnlyList<FacetAnswer> Makes, IReadOnlyList<FacetAnswer> Models, IReadOnlyList<FacetAnswer> Years, IReadOnlyList<FacetAnswer> Trims);

/// <summary>An image as the library grid shows it: enough to draw a card, with signed links to its thumbnails.</summary>
public sealed record LibraryImageAnswer(
    string Id, string Make, string Model, string? Years, string? Trim, string View, string PhotoType, string? Colour, string? ColourName,
    string AccentColour, int Width, int Height, bool Good, IReadOnlyList<string> Reasons, string Thumbnail, string Small, int ThumbnailWidth, int ThumbnailHeight);

/// <summary>A page of the library: where it starts, how many match in all, and the images.</summary>
public sealed record LibraryPageAnswer(long Total, int Offset, int Limit, IReadOnlyList<LibraryImageAnswer> Images);

/// <summary>
/// Browsing the library for the admin UI: <c>GET /v1/admin/images</c> pages through images matching a filter,
/// <c>/v1/admin/images/facets</c> counts the drill-down, <c>/v1/admin/vocabulary</c> lists the label values.
/// </summary>
public static class LibraryEndpoints
{
    private const string Filters =
        "Filters: make, model, years (2019 or 2016-2018), trim, view, photoType, colour, licence, source, quality (good, flagged, label_mismatch or a reason), vin. " +
        "A parameter present but empty asks for images without that field.";

    public static IEndpointRouteBuilder MapLibraryAdmin(this IEndpointRouteBuilder routes)
    {
        var admin = AdminApi.Group(routes);
        admin.MapGet("/images", BrowseAsync).WithSummary("Images matching a filter, a page at a time (offset, limit up to 200).")
            .WithDescription(Filters).Produces<LibraryPageAnswer>().ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapGet("/images/facets", FacetsAsync).WithSummary("Counts by make, then model, then years and trim, for a filter.")
            .WithDescription(Filters).Produces<FacetsAnswer>().ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapGet("/vocabulary", () => TypedResults.Ok(Vocabulary.Answer)).WithSummary("The values each label and filter takes.").Produces<VocabularyAnswer>();
        return routes;
    }

    private static async Task<IResult> BrowseAsync(HttpContext context, ICatalogCuration curation, MediaLinks links, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (!LibraryQuery.TryRead(query, out var filter, out var problem) || !LibraryQuery.TryReadPage(query, out var offset, out var limit, out problem))
        {
            return Problems.BadRequest(problem);
        }

        var page = await curation.BrowseAsync(filter, offset, limit, cancellationToken);
        return TypedResults.Ok(new LibraryPageAnswer(page.Total, offset, limit, [.. page.Images.Select(m => Card(m, links))]));
    }

    private static async Task<IResult> FacetsAsync(HttpContext context, ICatalogCuration curation, CancellationToken cancellationToken)
    {
        if (!LibraryQuery.TryRead(context.Request.Query, out var filter, out var problem))
        {
            return Problems.BadRequest(problem);
        }

        var facets = await curation.FacetsAsync(filter, cancellationToken);
        static IReadOnlyList<FacetAnswer> Of(IReadOnlyList<FacetCount> counts) => [.. counts.Select(c => new FacetAnswer(c.Value, c.Count))];
        return TypedResults.Ok(new FacetsAnswer(Of(facets.Makes), Of(facets.Models), Of(facets.Years), Of(facets.Trims)));
    }

    // Links to the default renditions made at ingest; one that is missing is rendered when the browser asks for it,
    // not here, so a page of cards never waits for an image.
    private static LibraryImageAnswer Card(ImageMatch match, MediaLinks links)
    {
        var (image, configuration) = (match.Image, match.Configuration);
        string Link(RenditionSize size) =>
            links.For(image.Id, MediaVariant.Rendition(RenditionSpec.Default(size, image.HasAlpha).Canonical(image.Width, image.Height, image.HasAlpha)));
        var (width, height) = RenditionSize.Thumbnail.Fit(image.Width, image.Height);
        return new LibraryImageAnswer(
            image.Id.ToString(), configuration.Make, configuration.Model, configuration.Years?.ToString(), configuration.Trim, ViewNames.Name(image.View),
            image.PhotoType.ToString().ToLowerInvariant(), image.Colour is { } colour ? GenericColours.Name(colour) : null, image.ColourName,
            image.AccentColour, image.Width, image.Height, image.Quality.IsGood, image.Quality.Reasons,
            Link(RenditionSize.Thumbnail), Link(RenditionSize.Small), width, height);
    }
}
