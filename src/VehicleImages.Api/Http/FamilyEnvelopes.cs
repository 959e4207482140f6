using Microsoft.AspNetCore.Http;

namespace VehicleImages.Api.Http;

/// <summary>
/// Which family a path belongs to, by its prefix, and so in which envelope the answers that no endpoint wrote are
/// given (an unknown path, a wrong method, a parameter that could not be bound, an unexpected failure). Paths under
/// no family's prefix, the native API's among them, answer in problem details.
/// </summary>
internal sealed class FamilyEnvelopes(params (string Prefix, string Family, FailureEnvelope Envelope)[] families)
{
    public (string Family, FailureEnvelope Envelope) For(PathString path)
    {
        foreach (var (prefix, family, envelope) in families)
        {
            // Routing matches paths case-insensitively, so "/IMAGES" is CarsXE's as much as "/images".
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return (family, envelope);
            }
        }

        return ("native", Problems.Failure);
    }
}
