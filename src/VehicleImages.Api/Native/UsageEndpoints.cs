using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using VehicleImages.Api.Access;
using VehicleImages.Api.Http;
using VehicleImages.Application.Access;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Native;

/// <summary>A key's usage over a span of days: its plan, its month against the quota, and the lines day by day.</summary>
public sealed record UsageAnswer(
    string Key, string Plan, string FirstDay, string LastDay, long Chargeable, long NotChargeable, QuotaAnswer? Quota, IReadOnlyList<UsageLineAnswer> Days);

/// <summary>The month so far against the plan's quota; limit and remaining are null without a quota.</summary>
public sealed record QuotaAnswer(long Used, long? Limit, long? Remaining);

public sealed record UsageLineAnswer(string Day, string Endpoint, long Chargeable, long NotChargeable);

/// <summary>Native <c>GET /v1/usage</c>: the calling key's own usage, current to the request.</summary>
public static class UsageEndpoints
{
    public static IEndpointRouteBuilder MapUsage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/usage", ReportAsync)
            .AnswerFailuresIn("native", Problems.Failure)
            .RequireKey(ApiFamily.Native, PresentedKeys.Any, NativeRefusals.Refuse, aboutTheKey: true)
            .WithName("NativeUsage")
            .WithTags("Native")
            .WithSummary("The calling key's usage per day and endpoint, chargeable and not (?from=yyyy-MM-dd&to=yyyy-MM-dd, default this month).")
            .Produces<UsageAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    /// <summary>Reads ?from= and ?to= as days; false with a message when either is not a yyyy-MM-dd date.</summary>
    internal static bool TryReadDays(IQueryCollection query, out DateOnly? firstDay, out DateOnly? lastDay, out string problem)
    {
        lastDay = null;
        problem = "";
        return TryReadDay(query, "from", out firstDay, ref problem) && TryReadDay(query, "to", out lastDay, ref problem);
    }

    private static bool TryReadDay(IQueryCollection query, string name, out DateOnly? day, ref string problem)
    {
        day = null;
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        problem = $"'{name}' must be a date as yyyy-MM-dd.";
        return false;
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<IResult> ReportAsync(HttpContext context, UsageReports reports, CancellationToken cancellationToken)
    {
        if (!TryReadDays(context.Request.Query, out var firstDay, out var lastDay, out var problem))
        {
            return Problems.BadRequest(problem);
        }

        var admission = context.Features.GetRequiredFeature<Admission>();
        UsageReport report;
        try
        {
            report = await reports.ReportAsync(admission.Key!.Id, firstDay, lastDay, cancellationToken);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message);
        }

        var quota = admission.Quota is { } q ? new QuotaAnswer(q.Current, q.Limit, q.Remaining) : null;
        return TypedResults.Ok(new UsageAnswer(
            admission.Key.Prefix, admission.Plan!.Name, Day(report.FirstDay), Day(report.LastDay), report.Chargeable, report.NotChargeable, quota,
            [.. report.Lines.Select(l => new UsageLineAnswer(Day(l.Day), l.Endpoint, l.Chargeable, l.NotChargeable))]));
    }
}
