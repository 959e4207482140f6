using Microsoft.Extensions.Logging;

namespace VehicleImages.Api;

/// <summary>Every log message the HTTP layer writes, in one place, compiled by the logging source generator.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "{Family} request {Path} failed")]
    public static partial void RequestFailed(this ILogger logger, Exception exception, string family, string path);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Usage counts could not be written; they are kept for the next flush")]
    public static partial void UsageFlushFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Plans reloaded from configuration: {Count} plans")]
    public static partial void PlansReloaded(this ILogger logger, int count);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Plans in configuration rejected, the previous plans stay in force: {Reason}")]
    public static partial void PlansRejected(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Access:RequireKeys is false: the image APIs answer anyone, with no key, rate limit, quota or metering")]
    public static partial void KeysNotRequired(this ILogger logger);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "{Family} request {Path} answered 503: {Reason}")]
    public static partial void RequestUnavailable(this ILogger logger, string family, string path, string reason);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Image {ImageId} was deleted but some of its blobs could not be; they are unreachable and only take space")]
    public static partial void ImageBlobsLeft(this ILogger logger, Exception exception, string imageId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error, Message = "{Count} more requests failed the same way within {Window} and were not logged one by one: {Cause}")]
    public static partial void RequestFailuresLeftOut(this ILogger logger, long count, string cause, TimeSpan window);
}
