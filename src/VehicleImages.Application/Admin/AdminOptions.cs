namespace VehicleImages.Application.Admin;

/// <summary>The admin UI's sessions and upload limits, bound from the "Admin" configuration section.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>How long a browser session lasts after signing in; signing in again starts a new one.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The most one upload may carry, files and manifest together.</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>The most files one upload may carry.</summary>
    public int MaxUploadFiles { get; set; } = 1000;

    /// <summary>Throws, naming the setting, when a value cannot work.</summary>
    public void Validate()
    {
        if (SessionLifetime <= TimeSpan.Zero || MaxUploadBytes < 1 || MaxUploadFiles < 1)
        {
            throw new InvalidOperationException("Admin:SessionLifetime, Admin:MaxUploadBytes and Admin:MaxUploadFiles must be positive.");
        }
    }
}
