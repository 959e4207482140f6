using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Api.Http;
using VehicleImages.Application.Access;
using VehicleImages.Application.Admin;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Access;

/// <summary>Puts endpoints behind admin access: an admin session or an admin key, nothing else.</summary>
internal static class AdminEndpoints
{
    /// <summary>
    /// Every request needs an admin key in a header or a live admin session; refusals are worded by
    /// <paramref name="refuse"/> (problem details for the API, pages for the UI). Answers are never cached.
    /// </summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder, AdminRefusal refuse)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new KeyChecked(PresentedKeys.Headers)).AddEndpointFilterFactory((factory, next) =>
        {
            var services = factory.ApplicationServices;
            var keys = new AccessFilter(
                ApiFamily.Native, KeyScopes.Admin, PresentedKeys.Headers, (context, refusal) => AdminAccessFilter.Refuse(refuse, context, refusal),
                services.GetRequiredService<KeyAccess>(), services.GetRequiredService<UsageMeter>());
            var filter = new AdminAccessFilter(keys, services.GetRequiredService<AdminSessions>(), refuse);
            return async invocation =>
            {
                invocation.HttpContext.Response.Headers.CacheControl = "no-store";
                return await filter.InvokeAsync(invocation, next);
            };
        });
}
