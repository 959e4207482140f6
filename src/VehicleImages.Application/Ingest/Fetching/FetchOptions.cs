namespace VehicleImages.Application.Ingest.Fetching;

/// <summary>Where ingest may fetch URLs from, bound from the "Ingest" configuration section.</summary>
public sealed class FetchOptions
{
    public const string Section = "Ingest";

    /// <summary>
    /// Hosts (by name), addresses and networks (CIDR) ingest may fetch from besides public addresses: an internal
    /// image server, say. Empty: public addresses only.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];
}
