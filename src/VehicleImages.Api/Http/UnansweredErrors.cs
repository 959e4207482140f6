using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace VehicleImages.Api.Http;

/// <summary>
/// Puts every error a client can provoke in its family's envelope, also those no endpoint answers: the framework's
/// empty-bodied 404 (no such path) and 405 (wrong method), a parameter that cannot be bound (a non-number where a
/// number goes), a body that cannot be read, and any failure outside a family's own handling. Requests Kestrel
/// refuses before routing (a request line or headers over its limits, a NUL in the path) keep Kestrel's answer.
/// </summary>
internal static class UnansweredErrors
{
    public static IServiceCollection AddUnansweredErrors(this IServiceCollection services, FamilyEnvelopes envelopes)
    {
        services.AddSingleton(envelopes);
        services.AddSingleton<UnexpectedFailures>();
        services.AddExceptionHandler<EnvelopedExceptions>();

        // Binding failures become exceptions that carry what could not be read, rather than a bare 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static IApplicationBuilder UseUnansweredErrors(this IApplicationBuilder app)
    {
        var envelopes = app.ApplicationServices.GetRequiredService<FamilyEnvelopes>();
        app.UseExceptionHandler();
        return app.UseStatusCodePages(async pages =>
        {
            var http = pages.HttpContext;
            var status = http.Response.StatusCode;
            await envelopes.For(http.Request.Path).Envelope(http, status, MessageFor(http, status)).ExecuteAsync(http);
        });
    }

    private static string MessageFor(HttpContext http, int status) => status switch
    {
        StatusCodes.Status404NotFound => "Not found: there is no such endpoint; see /docs for the API.",
        StatusCodes.Status405MethodNotAllowed => $"Method {http.Request.Method} is not allowed here; allowed: {http.Response.Headers.Allow}.",
        StatusCodes.Status400BadRequest => "Bad request: the request could not be read.",
        _ => $"{ReasonPhrases.GetReasonPhrase(status)}.",
    };

    /// <summary>A malformed request is the client's 4xx; anything else a 500, logged here since the middleware then logs nothing.</summary>
    private sealed class EnvelopedExceptions(FamilyEnvelopes envelopes, UnexpectedFailures failures) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
        {
            var (family, envelope) = envelopes.For(http.Request.Path);

            // The middleware cleared the response's headers before calling us; the request ID is part of every answer.
            http.Response.Headers[RequestIds.Header] = http.TraceIdentifier;
            IResult answer;
            if (exception is BadHttpRequestException malformed)
            {
                answer = envelope(http, malformed.StatusCode, $"Bad request: {malformed.Message}");
            }
            else
            {
                failures.Report(exception, family, http.Request.Path);
                answer = envelope(http, StatusCodes.Status500InternalServerError, FamilyFailures.InternalError);
            }

            await answer.ExecuteAsync(http);
            return true;
        }
    }
}
