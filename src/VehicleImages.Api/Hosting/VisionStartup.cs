using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VehicleImages.Application.Vision;

namespace VehicleImages.Api.Hosting;

/// <summary>
/// Loads the vision models before the server listens, so that a missing or altered model file stops the start,
/// naming the file, instead of failing the first ingest after the process has been reported ready.
/// </summary>
public static class VisionStartup
{
    /// <summary>The backbone and heads now loaded, or null when vision is off.</summary>
    public static string? LoadModels(IServiceProvider services)
    {
        try
        {
            return services.GetService<IImageVision>()?.Models;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException or UnauthorizedAccessException)
        {
            throw new VisionUnavailableException(
                $"{e.Message} Restore the file, point Vision:ModelDirectory or Vision:HeadsPath at good ones, or set Vision:Enabled=false to serve without vision.", e);
        }
    }
}

/// <summary>Vision is on but its models cannot be loaded; the message names the file and the fix.</summary>
public sealed class VisionUnavailableException : Exception
{
    public VisionUnavailableException(string message)
        : base(message)
    {
    }

    public VisionUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public VisionUnavailableException()
    {
    }
}
