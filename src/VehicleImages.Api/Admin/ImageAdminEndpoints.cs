using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using VehicleImages.Api.Http;
using VehicleImages.Application.Curation;
using VehicleImages.Application.Media;
using VehicleImages.Domain.Images;

namespace VehicleImages.Api.Admin;

/// <summary>
/// A label edit as JSON: any of view, colour, trim, licence, verdict ("good" or "bad") and accept (the stored
/// prediction of "view", "colour", "photo_type" or "all" becomes the label); a field left out stays as it is, ""
/// clears the colour, trim or licence.
/// </summary>
public sealed record ImageEditRequest(string? View, string? Colour, string? Trim, string? Licence, string? Verdict, string? Accept);

/// <summary>
/// One image in the admin API: <c>GET /v1/admin/images/{id}</c> shows everything about it, <c>PATCH</c> relabels it
/// or overrides its quality verdict, <c>DELETE</c> removes it and its blobs. Changes apply to every API at once and
/// are recorded in the audit log.
/// </summary>
public static class ImageAdminEndpoints
{
    public static IEndpointRouteBuilder MapImageAdmin(this IEndpointRouteBuilder routes)
    {
        var admin = AdminApi.Group(routes);
        admin.MapGet("/images/{id}", ShowAsync).WithSummary("An image: metadata, quality, every rendition with links, and the API calls that return it.")
            .Produces<ImageAnswer>().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPatch("/images/{id}", EditAsync)
            .WithSummary("Relabel an image, accept its prediction or override its verdict: {\"view\",\"colour\",\"trim\",\"licence\",\"verdict\":\"good|bad\",\"accept\":\"view|colour|photo_type|all\"}; fields left out stay.")
            .Produces<ImageAnswer>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapDelete("/images/{id}", DeleteAsync).WithSummary("Delete an image: its catalog row, then its original and renditions.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> ShowAsync(
        string id, HttpContext context, LibraryCurator curator, MediaLinks links, MediaOptions media, CancellationToken cancellationToken)
    {
        if (!ImageId.TryParse(id, out var imageId) || await curator.FindAsync(imageId, cancellationToken) is not { } match)
        {
            return NoSuchImage(id);
        }

        return TypedResults.Ok(ImageDetails.Of(match, links, context.Request, media));
    }

    private static async Task<IResult> EditAsync(
        string id, HttpContext context, LibraryCurator curator, MediaLinks links, MediaOptions media, CancellationToken cancellationToken)
    {
        if (!ImageId.TryParse(id, out var imageId))
        {
            return NoSuchImage(id);
        }

        if (await AdminApi.ReadJsonAsync<ImageEditRequest>(context, cancellationToken) is not { } request)
        {
            return Problems.BadRequest("The body must be JSON: {\"view\":\"rear\", \"colour\":\"Grey\", \"trim\":\"S\", \"licence\":\"Public\", \"verdict\":\"good\", \"accept\":\"view\"}, any of them.");
        }

        var edit = new LabelEdit(request.View, request.Colour, request.Trim, request.Licence, request.Verdict, request.Accept);
        if (edit.IsEmpty)
        {
            return Problems.BadRequest("Nothing to change: give at least one of view, colour, trim, licence, verdict or accept.");
        }

        var result = await curator.EditAsync(imageId, edit, AdminApi.Actor(context), cancellationToken);
        return result.Status switch
        {
            EditStatus.Edited => TypedResults.Ok(ImageDetails.Of(result.Image!, links, context.Request, media)),
            EditStatus.NotFound => NoSuchImage(id),
            EditStatus.Conflict => Problems.Conflict(result.Problem),
            _ => Problems.BadRequest(result.Problem),
        };
    }

    private static async Task<IResult> DeleteAsync(
        string id, HttpContext context, LibraryCurator curator, ILogger<LibraryCurator> logger, CancellationToken cancellationToken)
    {
        if (!ImageId.TryParse(id, out var imageId) || await curator.DeleteAsync(imageId, AdminApi.Actor(context), cancellationToken) is not { } removed)
        {
            return NoSuchImage(id);
        }

        if (removed.BlobFailure is { } failure)
        {
            logger.ImageBlobsLeft(failure, removed.Image.Id.ToString());
        }

        return TypedResults.NoContent();
    }

    private static IResult NoSuchImage(string id) => Problems.NotFound($"No image with ID '{id}'.");
}
