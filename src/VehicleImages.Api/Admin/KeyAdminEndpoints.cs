using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Api.Http;
using VehicleImages.Api.Native;
using VehicleImages.Application.Access;
using VehicleImages.Application.Audit;
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

/// <summary>A plan keys can name: its rate, burst, monthly quota (0 for none) and the families it includes.</summary>
public sealed record PlanAnswer(string Name, double RequestsPerSecond, int Burst, long MonthlyQuota, IReadOnlyList<string> Families);

/// <summary>
/// The admin API for keys, admin scope only: <c>/v1/admin/keys</c> to list and create, <c>/{id}</c> to show,
/// change the plan of (PATCH) and revoke (DELETE), <c>/{id}/rotate</c> for a new secret; <c>/v1/admin/plans</c>; and
/// <c>/v1/admin/usage</c>. Every change is recorded in the audit log.
/// </summary>
public static class KeyAdminEndpoints
{
    public static IEndpointRouteBuilder MapKeyAdmin(this IEndpointRouteBuilder routes)
    {
        var admin = AdminApi.Group(routes);
        admin.MapGet("/keys", ListAsync).WithSummary("Every key, oldest first, with its prefix (never its secret).").Produces<IReadOnlyList<KeyAnswer>>();
        admin.MapPost("/keys", CreateAsync).WithSummary("Create a key; the answer holds its secret, shown this once.").Produces<KeyWithSecret>(StatusCodes.Status201Created);
        admin.MapGet("/keys/{id:guid}", ShowAsync).WithSummary("One key.").Produces<KeyAnswer>();
        admin.MapPatch("/keys/{id:guid}", ChangeAsync).WithSummary("Move a key to another plan: {\"plan\":\"name\"}.").Produces<KeyAnswer>();
        admin.MapDelete("/keys/{id:guid}", RevokeAsync).WithSummary("Revoke a key: it is refused from the next request.").Produces<KeyAnswer>();
        admin.MapPost("/keys/{id:guid}/rotate", RotateAsync).WithSummary("A new secret for the key; the old one stops working.").Produces<KeyWithSecret>();
        admin.MapGet("/plans", Plans).WithSummary("The plans keys can name, by name.").Produces<IReadOnlyList<PlanAnswer>>();
        admin.MapGet("/usage", UsageAsync).WithSummary("Usage of every key, or of ?key=ID, per day and endpoint (?from=&to=, default this month).");
        return routes;
    }

    private static async Task<IResult> ListAsync(KeyManager keys, CancellationToken cancellationToken) =>
        TypedResults.Ok((await keys.ListAsync(cancellationToken)).Select(KeyAnswer.Of).ToList());

    private static async Task<IResult> ShowAsync(Guid id, KeyManager keys, CancellationToken cancellationToken) =>
        await keys.FindAsync(id.ToString(), cancellationToken) is { } key ? TypedResults.Ok(KeyAnswer.Of(key)) : NoSuchKey(id);

    private static Ok<List<PlanAnswer>> Plans(PlanBook plans) => TypedResults.Ok(plans.All
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .Select(p => new PlanAnswer(p.Name, p.RequestsPerSecond, p.Burst, p.MonthlyQuota, [.. p.Families.Order().Select(f => f.ToString())]))
        .ToList());

    private static async Task<IResult> CreateAsync(HttpContext context, KeyManager keys, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (await AdminApi.ReadJsonAsync<NewKey>(context, cancellationToken) is not { } request)
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
            await audit.RecordAsync(AdminApi.Actor(context), "key.create", Subject(key.Id), null, KeyAnswer.Of(key), cancellationToken);
            return TypedResults.Created($"/v1/admin/keys/{key.Id}", new KeyWithSecret(KeyAnswer.Of(key), secret));
        }
        catch (KeyManagementException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> ChangeAsync(Guid id, HttpContext context, KeyManager keys, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (await AdminApi.ReadJsonAsync<KeyChange>(context, cancellationToken) is not { Plan: { Length: > 0 } plan })
        {
            return Problems.BadRequest("The body must be JSON naming the new plan: {\"plan\":\"…\"}.");
        }

        try
        {
            var before = await keys.FindAsync(id.ToString(), cancellationToken);
            if (await keys.SetPlanAsync(id, plan, cancellationToken) is not { } key)
            {
                return NoSuchKey(id);
            }

            await audit.RecordAsync(AdminApi.Actor(context), "key.plan", Subject(id), KeyAnswer.Of(before!), KeyAnswer.Of(key), cancellationToken);
            return TypedResults.Ok(KeyAnswer.Of(key));
        }
        catch (KeyManagementException e)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> RevokeAsync(Guid id, HttpContext context, KeyManager keys, AuditTrail audit, CancellationToken cancellationToken)
    {
        var before = await keys.FindAsync(id.ToString(), cancellationToken);
        if (await keys.RevokeAsync(id, cancellationToken) is not { } key)
        {
            return NoSuchKey(id);
        }

        await audit.RecordAsync(AdminApi.Actor(context), "key.revoke", Subject(id), KeyAnswer.Of(before!), KeyAnswer.Of(key), cancellationToken);
        return TypedResults.Ok(KeyAnswer.Of(key));
    }

    private static async Task<IResult> RotateAsync(Guid id, HttpContext context, KeyManager keys, AuditTrail audit, CancellationToken cancellationToken)
    {
        var before = await keys.FindAsync(id.ToString(), cancellationToken);
        if (await keys.RotateAsync(id, cancellationToken) is not var (key, secret))
        {
            return NoSuchKey(id, live: true);
        }

        await audit.RecordAsync(AdminApi.Actor(context), "key.rotate", Subject(id), KeyAnswer.Of(before!), KeyAnswer.Of(key), cancellationToken);
        return TypedResults.Ok(new KeyWithSecret(KeyAnswer.Of(key), secret));
    }

    /// <summary>The audit log's name for a key.</summary>
    public static string Subject(Guid id) => $"key:{id}";

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
}
