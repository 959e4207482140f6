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

    /// <summary>
    /// Runs a request through the pipeline. A transient failure that outlasts the retries means the store is out of
    /// reach for now: it surfaces as <see cref="StorageUnavailableException"/>, which the API answers with 503 and
    /// Retry-After. Any other failure (a refusal, a bad request, the caller cancelling) passes through as it is.
    /// The store argument names the store in the message, e.g. "The S3 bucket 'x' at http://host:port/".
    /// </summary>
    public static async ValueTask<T> RequestAsync<T>(
        this ResiliencePipeline pipeline, string store, Func<CancellationToken, ValueTask<T>> request, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(request, cancellationToken);
        }
        catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException($"{store} is unreachable: {Describe(e)}", e);
        }
    }

    /// <summary>What went wrong, in a line: the server's answer, or else what broke underneath the SDK.</summary>
    public static string Describe(Exception e) => e switch
    {
        AmazonServiceException { StatusCode: > 0 } answered => $"HTTP {(int)answered.StatusCode} {answered.ErrorCode}",
        TimeoutRejectedException timedOut => $"no answer within {timedOut.Timeout.TotalSeconds:0.#} s",
        { InnerException: { } inner } when e is AmazonClientException or HttpRequestException => Describe(inner),
        _ => e.Message,
    };

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
