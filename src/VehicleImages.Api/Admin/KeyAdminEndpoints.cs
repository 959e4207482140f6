using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Api.Access;
using VehicleImages.Api.Http;
using VehicleImages.Api.Native;
using VehicleImages.Application.Access;
using VehicleImages.Application.Keys;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Admin;

/// <summary>A key as the admin API shows it: never its secret, only the prefix to recognise it by.</summary>
public sealed record KeyAnswer(Guid Id, string Name, string Prefix, string Plan, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static KeyAnswer Of(ApiKey key) =>
        new(key.Id, key.Name, key.Prefix, key.Plan, KeyScopeNames.Of(key.Scopes), key.CreatedAt, key.RevokedAt);
}

/// <summary>A key just created or rotated, with its secret: shown this once.</summary>
public sealed record KeyWithSecret(KeyAnswer Key, string Secret);

/// <summary>What creating a key takes: a name, and optionally a plan (default "default") and scopes (default ["api"]).</summary>
public sealed record NewKey(string? Name, string? Plan, IReadOnlyList<string>? Scopes);

/// <summary>What can change on a key: its plan.</summary>
public sealed record KeyChange(string? Plan);

/// <summary>
/// The admin API for keys, admin scope only: <c>/v1/admin/keys</c> to list and create, <c>/{id}</c> to show,
/// change the plan of (PATCH) and revoke (DELETE), <c>/{id}/rotate</c> for a new secret; and <c>/v1/admin/usage</c>.
/// </summary>
public static class KeyAdminEndpoints
{
    public static IEndpointRouteBuilder MapKeyAdmin(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/v1/admin").WithTags("Admin")
            .AnswerFailuresIn("admin", Problems.Failure)
            .RequireKey(ApiFamily.Native, PresentedKeys.Any, NativeRefusals.Refuse, KeyScopes.Admin);
        admin.MapGet("/keys", ListAsync).WithSummary("Every key, oldest first, with its prefix (never its secret).").Produces<IReadOnlyList<KeyAnswer>>();
        admin.MapPost("/keys", CreateAsync).WithSummary("Create a key; the answer holds its secret, shown this once.").Produces<KeyWithSecret>(StatusCodes.Status201Created);
        admin.MapGet("/keys/{id:guid}", ShowAsync).WithSummary("One key.").Produces<KeyAnswer>();
        admin.MapPatch("/keys/{id:guid}", ChangeAsync).WithSummary("Move a key to another plan: {\"plan\":\"name\"}.").Produces<KeyAnswer>();
        admin.MapDelete("/keys/{id:guid}", RevokeAsync).WithSummary("Revoke a key: it is refused from the next request.").Produces<KeyAnswer>();
        admin.MapPost("/keys/{id:guid}/rotate", RotateAsync).WithSummary("A new secret for the key; the old one stops working.").Produces<KeyWithSecret>();
        admin.MapGet("/usage", UsageAsync).WithSummary("Usage of every key, or of ?key=ID, per day and endpoint (?from=&to=, default this month).");
        return routes;
    }

    private static async Task<IResult> ListAsync(KeyManager keys, CancellationToken cancellationToken) =>
        TypedResults.Ok((await keys.ListAsync(cancellationToken)).Select(KeyAnswer.Of).ToList());

    private static async Task<IResult> ShowAsync(Guid id, KeyManager keys, CancellationToken cancellationToken) =>
        await keys.FindAsync(id.ToString(), cancellationToken) is { } key ? TypedResults.Ok(KeyAnswer.Of(key)) : NoSuchKey(id);

    private static async Task<IResult> CreateAsync(HttpContext context, KeyManager keys, CancellationToken cancellationToken)
    {
        if (await ReadAsync<NewKey>(context, cancellationToken) is not { } request)
        {
            return Problems.BadRequest("The body must be JSON: {\"name\":\"…\", \"plan\":\"…\", \"scopes\":[\"api\"]}.");
        }

        if (!KeyScopeNames.TryParse(request.Scopes ?? ["api"], out var scopes, out var problem))
        {
            return Problems.BadRequest(problem);
        }

        try
        {
            var (key, secret) = await keys.CreateAsync(request.Name ?? "", request.Plan, scopes, cancellationToken);
            return TypedResults.Created($"/v1/admin/keys/{key.Id}", new KeyWithSecret(KeyAnswer.Of(key), secret));
        }
        catch (KeyManagementException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> ChangeAsync(Guid id, HttpContext context, KeyManager keys, CancellationToken cancellationToken)
    {
        if (await ReadAsync<KeyChange>(context, cancellationToken) is not { Plan: { Length: > 0 } plan })
        {
            return Problems.BadRequest("The body must be JSON naming the new plan: {\"plan\":\"…\"}.");
        }

        try
        {
            return await keys.SetPlanAsync(id, plan, cancellationToken) is { } key ? TypedResults.Ok(KeyAnswer.Of(key)) : NoSuchKey(id);
        }
        catch (KeyManagementException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> RevokeAsync(Guid id, KeyManager keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken) is { } key ? TypedResults.Ok(KeyAnswer.Of(key)) : NoSuchKey(id);

    private static async Task<IResult> RotateAsync(Guid id, KeyManager keys, CancellationToken cancellationToken) =>
        await keys.RotateAsync(id, cancellationToken) is var (key, secret) ? TypedResults.Ok(new KeyWithSecret(KeyAnswer.Of(key), secret)) : NoSuchKey(id, live: true);

    private static async Task<IResult> UsageAsync(HttpContext context, UsageReports reports, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        Guid? keyId = null;
        if (query["key"].ToString() is { Length: > 0 } text)
        {
            if (!Guid.TryParse(text, out var parsed))
            {
                return Problems.BadRequest("'key' must be a key's ID.");
            }

            keyId = parsed;
        }

        if (!UsageEndpoints.TryReadDays(query, out var firstDay, out var lastDay, out var problem))
        {
            return Problems.BadRequest(problem);
        }

        try
        {
            var report = await reports.ReportAsync(keyId, firstDay, lastDay, cancellationToken);
            return TypedResults.Ok(new
            {
                FirstDay = UsageEndpoints.Day(report.FirstDay),
                LastDay = UsageEndpoints.Day(report.LastDay),
                report.Chargeable,
                report.NotChargeable,
                Days = report.Lines.Select(l => new { Day = UsageEndpoints.Day(l.Day), Key = l.KeyId, l.Endpoint, l.Chargeable, l.NotChargeable }),
            });
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    private static IResult NoSuchKey(Guid id, bool live = false) => Problems.NotFound($"No {(live ? "live " : "")}key with ID {id}.");

    // The body is read here, after the key check, so a caller without a key learns nothing from how a body is parsed.
    private static async Task<T?> ReadAsync<T>(HttpContext context, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return context.Request.HasJsonContentType() ? await context.Request.ReadFromJsonAsync<T>(cancellationToken) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
