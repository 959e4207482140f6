using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace VehicleImages.Storage.Blobs.S3;

/// <summary>
/// The one place S3 requests get their deadlines and retries. Each attempt has its own timeout; failures that a later
/// attempt may not meet (5xx, throttling, timeouts, broken connections) are retried with exponential backoff and
/// jitter, so that many processes hitting a struggling store do not retry in lockstep. Everything else (403, 404,
/// a bad request, the caller cancelling) fails at once.
/// </summary>
internal static class S3Resilience
{
    // Error codes S3 and its imitators send, sometimes with a 4xx status, when the same request may well succeed later.
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "SlowDown", "Throttling", "ThrottlingException", "RequestThrottled", "TooManyRequests", "RequestTimeout",
        "RequestTimeoutException", "InternalError", "ServiceUnavailable",
    };

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    /// <summary>Timeout per attempt, retried as the options say.</summary>
    public static ResiliencePipeline Retrying(S3BlobOptions options)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsTransient(e)),
            });
        }

        return builder.AddTimeout(options.RequestTimeout).Build();
    }

    /// <summary>One attempt with its timeout, for readiness probes that must answer quickly rather than eventually.</summary>
    public static ResiliencePipeline Once(S3BlobOptions options) =>
        new ResiliencePipelineBuilder().AddTimeout(options.RequestTimeout).Build();

    public static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutRejectedException => true,
        AmazonServiceException { StatusCode: > 0 } answered => IsTransientAnswer(answered),
        HttpRequestException or IOException or SocketException => true,

        // The SDK wraps network failures in its own exception types; what counts is what broke underneath.
        { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };

    private static bool IsTransientAnswer(AmazonServiceException answered) =>
        answered.StatusCode is >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
        || (answered.ErrorCode is { } code && TransientCodes.Contains(code));
}
