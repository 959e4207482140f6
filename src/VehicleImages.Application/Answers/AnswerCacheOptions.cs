namespace VehicleImages.Application.Answers;

/// <summary>How long and how many whole answers the search APIs remember, bound from the "Catalog" configuration section.</summary>
public sealed class AnswerCacheOptions
{
    public const string Section = "Catalog";

    /// <summary>
    /// The longest a change written by another process (a CLI ingest, another API process) takes to show in
    /// answers; 0 turns the answer cache off. This process's own writes show at once.
    /// </summary>
    public double AnswerCacheSeconds { get; set; } = 1;

    /// <summary>The most memory remembered answers take, keys and bodies counted.</summary>
    public int AnswerCacheMegabytes { get; set; } = 64;

    /// <summary>Throws, naming the setting, when a value cannot work.</summary>
    public void Validate()
    {
        if (AnswerCacheSeconds < 0 || double.IsNaN(AnswerCacheSeconds) || AnswerCacheSeconds > TimeSpan.FromDays(1).TotalSeconds || AnswerCacheMegabytes < 1)
        {
            throw new InvalidOperationException("Catalog:AnswerCacheSeconds must be between 0 (off) and 86400, and Catalog:AnswerCacheMegabytes at least 1.");
        }
    }
}
