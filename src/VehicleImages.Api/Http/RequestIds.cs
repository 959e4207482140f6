using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace VehicleImages.Api.Http;

/// <summary>
/// Gives every request an ID, sent back as x-request-id (auto.dev's clients log it; its errors repeat it as
/// requestId) and used as the trace identifier, so a client's report can be found in our logs.
/// </summary>
public static class RequestIds
{
    public const string Header = "x-request-id";

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.TraceIdentifier = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        context.Response.Headers[Header] = context.TraceIdentifier;
        return next(context);
    });
}
