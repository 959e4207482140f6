using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Api.Http;
using VehicleImages.Application.Audit;
using VehicleImages.Storage.Audit;

namespace VehicleImages.Api.Admin;

/// <summary>Who made a change: the admin key's ID, name and prefix.</summary>
public sealed record ActorAnswer(Guid KeyId, string Name, string Prefix);

/// <summary>One audit entry: when, who, what was done to what, and the fields that changed, before and after.</summary>
public sealed record AuditEntryAnswer(long Id, DateTimeOffset At, ActorAnswer Actor, string Action, string Subject, JsonNode? Before, JsonNode? After);

/// <summary>The audit log: <c>GET /v1/admin/audit</c>, newest first, optionally of one subject, paged by entry ID.</summary>
public static class AuditEndpoints
{
    private const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapAuditAdmin(this IEndpointRouteBuilder routes)
    {
        AdminApi.Group(routes).MapGet("/audit", ListAsync)
            .WithSummary("Who changed what, newest first: ?subject=image:ID or key:ID, ?before=ENTRY to page back, ?limit= up to 200.")
            .Produces<IReadOnlyList<AuditEntryAnswer>>().ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static async Task<IResult> ListAsync(HttpContext context, AuditTrail audit, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        long? before = null;
        if (query["before"].ToString() is { Length: > 0 } beforeText)
        {
            if (!long.TryParse(beforeText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return Problems.BadRequest("'before' must be an audit entry ID.");
            }

            before = id;
        }

        var limit = 50;
        if (query["limit"].ToString() is { Length: > 0 } limitText && !(int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit))
        {
            return Problems.BadRequest($"'limit' must be a whole number from 1 to {MaxLimit}.");
        }

        var subject = query["subject"].ToString() is { Length: > 0 } text ? text : null;
        var entries = await audit.ListAsync(new AuditQuery(subject, before, limit), cancellationToken);
        return TypedResults.Ok(entries.Select(Answer).ToList());
    }

    private static AuditEntryAnswer Answer(AuditEntry entry) => new(
        entry.Id, entry.At, new ActorAnswer(entry.ActorKeyId, entry.ActorName, entry.ActorPrefix), entry.Action, entry.Subject,
        entry.Before is null ? null : JsonNode.Parse(entry.Before), entry.After is null ? null : JsonNode.Parse(entry.After));
}
