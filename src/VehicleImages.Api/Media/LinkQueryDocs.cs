using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace VehicleImages.Api.Media;

/// <summary>
/// Describes a signed link's query in the OpenAPI document: the endpoints read it as written (see <see cref="LinkQuery"/>),
/// so the framework cannot see the parameters itself.
/// </summary>
internal static class LinkQueryDocs
{
    public static RouteHandlerBuilder DescribesLinkQuery(this RouteHandlerBuilder builder, string expiry) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(Parameter("exp", JsonSchemaType.Integer, expiry));
            operation.Parameters.Add(Parameter("sig", JsonSchemaType.String, "The link's signature, exactly as the API wrote it."));
            operation.Parameters.Add(Parameter(
                "width", JsonSchemaType.Integer, "Optional: a width in pixels (1 to 10000, plain decimal); the smallest standard size at least that wide is served."));
            return Task.CompletedTask;
        });

    private static OpenApiParameter Parameter(string name, JsonSchemaType type, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = description,
        Schema = new OpenApiSchema { Type = type },
    };
}
