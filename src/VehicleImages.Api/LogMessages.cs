using Microsoft.Extensions.Logging;

namespace VehicleImages.Api;

/// <summary>Every log message the HTTP layer writes, in one place, compiled by the logging source generator.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "{Family} request {Path} failed")]
    public static partial void RequestFailed(this ILogger logger, Exception exception, string family, string path);
}
