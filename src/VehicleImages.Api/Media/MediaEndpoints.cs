using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Api.Http;
using VehicleImages.Application.Media;
using VehicleImages.Domain.Images;
using VehicleImages.Domain.Renditions;

namespace VehicleImages.Api.Media;

/// <summary>
/// Serves every image link the APIs hand out: signed and expiring, cacheable (strong ETag, Cache-Control), with
/// Range support, in the requested or negotiated format.
/// </summary>
public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder routes)
    {
        routes.MapGet($"{MediaLinks.Prefix}/{{id}}/{{variant}}", ServeAsync)
            .AnswerFailuresIn("media", Problems.Failure)
            .WithName("Media")
            .WithTags("Media")
            .WithSummary("An image file behind a signed, expiring link returned by the APIs.")
            .DescribesLinkQuery("The link's expiry, unix seconds, exactly as the API wrote it.");
        return routes;
    }

    private static async Task<IResult> ServeAsync(
        string id, string variant, HttpContext context, LinkSigner signer, MediaImages images, MediaResponder responder, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // Validate: a path that cannot be one of our links is simply not found.
        if (!ImageId.TryParse(id, out var imageId) || !MediaVariant.TryParse(variant, out var media))
        {
            return Problems.NotFound("No such media.");
        }

        // Authorise before any lookup, so forged links learn nothing about which images exist: the one spelling the
        // API hands out (so a CDN caches each rendition once), signed by us, not expired.
        var path = MediaLinks.PathOf(imageId, media);
        if (!LinkQuery.TryRead(context.Request, path, out var query, out var refusal))
        {
            return Refuse(refusal);
        }

        if (query.Expires is not { } expires || !signer.Verify(path, expires, query.Signature, clock.GetUtcNow()))
        {
            return Problems.Forbidden("The link's signature is missing, wrong or expired; ask the API for a fresh link.");
        }

        if (!query.TryWidth(out var width, out refusal))
        {
            return Refuse(refusal);
        }

        var image = await images.FindAsync(imageId, cancellationToken);
        if (image is null)
        {
            return Problems.NotFound("No such image.");
        }

        // ?width= picks a standard size (unsigned but snapped, so it cannot multiply renditions); an original
        // asked for at a width becomes the image's default rendition of that size.
        if (width is { } w)
        {
            var size = MediaSizing.ForWidth(w);
            media = media.IsOriginal ? MediaVariant.Rendition(RenditionSpec.Default(size, image.HasAlpha)) : media with { Size = size };
        }

        return await responder.RespondAsync(context, image, media, expires, cancellationToken);
    }

    private static IResult Refuse(LinkRefusal refusal) =>
        refusal.Status == StatusCodes.Status400BadRequest ? Problems.BadRequest(refusal.Message) : Problems.Forbidden(refusal.Message);
}
