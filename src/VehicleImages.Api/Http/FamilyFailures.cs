using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VehicleImages.Application.Renditions;
using VehicleImages.Storage;

namespace VehicleImages.Api.Http;

/// <summary>How a family words a failure: its envelope for a status and a message.</summary>
internal delegate IResult FailureEnvelope(HttpContext context, int status, string message);

/// <summary>
/// Answers whatever fails inside a family's endpoints in that family's envelope, never as a stack trace: 503 with
/// Retry-After when the failure is temporary (renders saturated, a storage backend unreachable or timing out),
/// 500 otherwise. The detail goes to the log (a 500's once per cause a minute: <see cref="UnexpectedFailures"/>), not to the client.
/// </summary>
internal static class FamilyFailures
{
    public const string InternalError = "Internal error: the request could not be processed";

    /// <summary>Added before the key check, so failures of the key and usage stores are answered too.</summary>
    public static TBuilder AnswerFailuresIn<TBuilder>(this TBuilder builder, string family, FailureEnvelope envelope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var logger = factory.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FamilyFailures));
            var failures = factory.ApplicationServices.GetRequiredService<UnexpectedFailures>();
            return async invocation =>
            {
                var http = invocation.HttpContext;
                try
                {
                    return await next(invocation);
                }
                catch (Exception e) when (Temporary(e, http) is var (reason, retryAfter))
                {
                    logger.RequestUnavailable(family, http.Request.Path, e.Message);
                    http.Response.Headers.RetryAfter = retryAfter;
                    return envelope(http, StatusCodes.Status503ServiceUnavailable, $"Service temporarily unavailable: {reason}; retry shortly");
                }
                catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
                {
                    failures.Report(e, family, http.Request.Path);
                    return envelope(http, StatusCodes.Status500InternalServerError, InternalError);
                }
            };
        });

    // Why a failure is temporary and when to retry (seconds): renders free up in a moment, a backend takes longer.
    private static (string Reason, string RetryAfter)? Temporary(Exception e, HttpContext http) => e switch
    {
        RenderQueueFullException => ("too many images are being prepared", "1"),
        StorageUnavailableException => ("storage is unreachable", "5"),

        // A timeout inside (not the client going away) is the backend being slow.
        OperationCanceledException when !http.RequestAborted.IsCancellationRequested => ("storage timed out", "5"),
        _ => null,
    };
}
